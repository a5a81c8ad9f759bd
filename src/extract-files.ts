/**
 * I/O glue for `pantau extract`: reads a file (HTML or text, any encoding) or JSON Lines, runs the pure extractors,
 * and writes reports. Bad input never crashes a run: a bad line is reported on stderr with its line number and the
 * run goes on.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { decodeHtml, MAX_HTML_CHARS, toArticle } from '../extractors/html-article.ts';
import { buildReport } from '../extractors/report.ts';
import { textArticle } from '../extractors/text-article.ts';
import { UserError, messageOf } from './errors.ts';
import { reportIdOf } from './hash.ts';
import type { Report } from '../types/index.ts';

/** One input document: a `--jsonl` line, or an archived page. */
export interface ExtractRecord {
  id?: string;
  url: string | null;
  text?: string;
  html?: string;
  published?: string | null;
}

/** Control characters other than tab and newline: binary garbage that would only confuse the extractors. */
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Turns one record into a report; the report keeps the record's id when it has one. */
export function extractRecord(rec: ExtractRecord): Report {
  const url = rec.url ?? null;
  const published = typeof rec.published === 'string' ? rec.published : null;
  // HTML is cut to toArticle's own cap first, so the control-character pass over it stays bounded too
  const article =
    typeof rec.html === 'string'
      ? toArticle({
          url: url ?? '',
          html: rec.html.slice(0, MAX_HTML_CHARS).replace(CONTROL_RE, ' '),
        })
      : textArticle({ url, text: (rec.text ?? '').replace(CONTROL_RE, ' ') });
  return buildReport(article, { id: rec.id != null ? String(rec.id) : reportIdOf(article), published });
}

/**
 * windows-1252's 0x80–0x9f: Node's TextDecoder('windows-1252') follows latin1 there and yields C1 controls, so the
 * curly quotes and dashes of Word-made text are mapped by hand.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Decodes file bytes: HTML by its declared charset; text as UTF-8, or windows-1252 when it is not valid UTF-8. */
export function decodeFile(bytes: Uint8Array, isHtml: boolean): string {
  if (isHtml) return decodeHtml(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return decodeWindows1252(bytes);
  }
}

const looksLikeHtml = (path: string, head: string) =>
  /\.x?html?$/i.test(path) || /^\s*<(?:!doctype|html|head|body|meta|div|p)\b/i.test(head);

/** `pantau extract FILE`: one report for one file. */
export function extractFile(path: string, opts: { url?: string | undefined; published?: string | undefined }): Report {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : messageOf(err)}`,
    );
  }
  const head = bytes.subarray(0, 512).toString('latin1');
  const isHtml = looksLikeHtml(path, head);
  const content = decodeFile(bytes, isHtml);
  return extractRecord({
    url: opts.url ?? null,
    ...(isHtml ? { html: content } : { text: content }),
    published: opts.published ?? null,
  });
}

export interface JsonlStats {
  lines: number;
  reports: number;
  failed: number;
}

/** Why a parsed line cannot be extracted, or null when it can. */
function lineProblem(obj: unknown): string | null {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return 'not a JSON object';
  const o = obj as Record<string, unknown>;
  // the output is joined on "id" (score.mjs, the report store): a line without one could never be matched back
  if (typeof o.id !== 'string' || !o.id.trim()) return o.id == null ? 'no "id"' : '"id" is not a non-empty string';
  if (typeof o.text !== 'string' && typeof o.html !== 'string') return 'no "text" or "html" string';
  if (o.url != null && typeof o.url !== 'string') return '"url" is not a string';
  if (o.published != null && typeof o.published !== 'string') return '"published" is not a string';
  return null;
}

/**
 * `pantau extract --jsonl`: one report per input line, same id, to `out`; bad lines reported to `err` with their
 * line number.
 */
export async function extractJsonl(input: Readable, out: Writable, err: Writable): Promise<JsonlStats> {
  const stats: JsonlStats = { lines: 0, reports: 0, failed: 0 };
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  // the reader went away (`| head`): stop quietly instead of dying on EPIPE
  let closed = false;
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else err.write(`pantau: cannot write output: ${e.message}\n`);
    closed = true;
    rl.close();
  };
  out.on('error', onError);
  let n = 0;
  for await (const line of rl) {
    if (closed) break;
    n++;
    if (!line.trim()) continue;
    stats.lines++;
    try {
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (e) {
        throw new Error(`not JSON (${messageOf(e)})`);
      }
      const problem = lineProblem(obj);
      if (problem) throw new Error(problem);
      const rec = obj as ExtractRecord;
      const report = extractRecord({ ...rec, url: rec.url ?? null });
      if (!out.write(`${JSON.stringify(report)}\n`) && !closed)
        await new Promise<void>((r) => {
          out.once('drain', () => r());
          out.once('error', () => r());
        });
      stats.reports++;
    } catch (e) {
      stats.failed++;
      err.write(`pantau: line ${n}: ${messageOf(e)}\n`);
    }
  }
  out.off('error', onError);
  return stats;
}

export function openJsonl(path: string): Readable {
  if (path === '-') return process.stdin;
  const s = createReadStream(path);
  return s;
}
