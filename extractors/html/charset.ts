/**
 * Bytes → text with the page's own charset. Regional sites still serve windows-1252 / ISO-8859-1 pages (old
 * WordPress installs, SPSE 3 exports); decoding them as UTF-8 turns "Rp 1.500.000 – ‘lelang’" into mojibake.
 * Pure: no I/O. The fixture that needed it: fixtures/pages/arsip-latin1/.
 */

/** The charset named in a Content-Type header value, lower-cased, or null. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

// <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">, looked for in the
// first 4 KB as the HTML standard's prescan does (it uses 1024 bytes; real pages put long comments first).
const META_CHARSET_RE = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The charset declared by a <meta> tag in the head of the document, or null. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // latin1 maps every byte to one char, so the ASCII tag survives whatever the real encoding is.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = META_CHARSET_RE.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** WHATWG labels TextDecoder understands; anything else falls back to UTF-8. */
function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null;
  }
}

// windows-1252's 0x80–0x9F. Node's TextDecoder('windows-1252') decodes these bytes as ISO-8859-1 C1 controls
// (U+0080–U+009F) instead of the WHATWG table, so “quotes” and – dashes vanish; we map them ourselves.
// prettier-ignore
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1_RE = /[\u0080-\u009f]/g;

const SINGLE_BYTE_RE = /^(?:windows-1252|iso-8859-1|us-ascii|ascii|latin1|l1|cp1252|iso8859-1|iso_8859-1)$/;

function decodeCp1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(C1_RE, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80]!));
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a fetched page: a UTF-8 BOM wins, then the Content-Type charset, then <meta charset>, then UTF-8.
 * ISO-8859-1 is decoded as windows-1252, as browsers do (the WHATWG label table maps them together), so the
 * curly quotes and dashes in 0x80–0x9F come out right. Declarations that lie are caught both ways: a page
 * declared windows-1252 whose bytes are valid UTF-8 with non-ASCII characters is UTF-8 (a windows-1252 text
 * almost never forms valid UTF-8 sequences), and a page declared (or defaulting to) UTF-8 whose bytes are mostly
 * invalid UTF-8 is windows-1252 (old CMS templates declare UTF-8 over Latin-1 content).
 *
 * @example decodeHtml(bytes, 'text/html; charset=windows-1252') // "… kata Kepala LPSE, “server rusak” …"
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  const decoder =
    decoderFor(charsetFromContentType(contentType)) ?? decoderFor(sniffMetaCharset(bytes)) ?? new TextDecoder('utf-8');
  if (decoder.encoding === 'windows-1252' || SINGLE_BYTE_RE.test(decoder.encoding)) {
    const utf8 = hasHighBytes(bytes) ? validUtf8(bytes) : null;
    return utf8 ?? decodeCp1252(bytes);
  }
  if (decoder.encoding === 'utf-8') {
    const strict = validUtf8(bytes);
    if (strict !== null) return strict;
    const loose = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    let good = 0;
    for (let i = 0; i < loose.length; i++) {
      const c = loose.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c >= 0x80) good++;
    }
    return bad > good ? decodeCp1252(bytes) : loose;
  }
  return decoder.decode(bytes);
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}
