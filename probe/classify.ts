/**
 * What one probe of an SPSE instance saw, as a ProbeClass. Pure: an answer (status, a few headers, the first bytes
 * of the body) or a network error in, the class, SPSE's error code and the footer's version out. The pages behind
 * each rule are described in `../shared/data/SPSE.md`; `test/probe/classify.test.ts` has one page per class.
 */
import { spseError } from '../crawlers/link-priority.ts';
import type { ProbeClass } from './types.ts';

/** An HTTP answer, after redirects were followed. */
export interface ProbeAnswer {
  kind: 'answer';
  status: number;
  /** Lower-case header names; only `server`, `cf-ray`, `content-type` and `location` are read. */
  headers: Record<string, string | undefined>;
  /** The body as read (at most the first 256 KB). */
  body: string;
}

/** A request that got no answer: Node's error code (`ENOTFOUND`, `ECONNREFUSED`, `ERR_SSL_…`) and message. */
export interface ProbeFailure {
  kind: 'error';
  /** Node's code, or the prober's own: `ETIMEDOUT` (the probe's deadline), `REDIRECT_LOOP`, `TOO_MANY_REDIRECTS`. */
  code: string;
  message: string;
}

export type ProbeOutcome = ProbeAnswer | ProbeFailure;

export interface Classified {
  class: ProbeClass;
  errorCode: string | null;
  version: string | null;
  detail: string | null;
}

/** The version in SPSE's footer: "Aplikasi SPSE v4.5u20250321", old div#footer "SPSE v4.3u20191009". */
export const SPSE_VERSION_RE = /SPSE\s+v(\d+\.\d+u\d+)/;

/** Words of a maintenance or outage notice put up in place of the application (Indonesian and English). */
export const MAINTENANCE_TERMS = [
  'sedang dalam pemeliharaan',
  'sedang pemeliharaan',
  'pemeliharaan sistem',
  'pemeliharaan server',
  'pemeliharaan aplikasi',
  'sedang dalam perbaikan',
  'sedang perbaikan',
  'perbaikan sistem',
  'sedang maintenance',
  'dalam masa pemeliharaan',
  'sedang dilakukan pemeliharaan',
  'sedang dilakukan perbaikan',
  'sedang dilakukan maintenance',
  'sementara tidak dapat diakses',
  'under maintenance',
  'down for maintenance',
  'scheduled maintenance',
  'maintenance mode',
];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** MAINTENANCE_TERMS, longest first, with any run of spaces between words. */
export const MAINTENANCE_RE = new RegExp(
  `(?:${[...MAINTENANCE_TERMS]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(' ').map(escapeRe).join('\\s+'))
    .join('|')})`,
  'i',
);

/** Marks of an SPSE page: the LKPP footer, the application's name, its paths. */
const SPSE_PAGE_RE =
  /SPSE\s+v\d|Aplikasi\s+SPSE|Layanan\s+Pengadaan\s+Secara\s+Elektronik|Lembaga\s+Kebijakan\s+Pengadaan|\/eproc4?\b|LPSE/i;
/** Cloudflare's own error pages: their markup, or the "Cloudflare Ray ID" line. */
const CLOUDFLARE_PAGE_RE = /cf-error-details|Cloudflare\s+Ray\s+ID|cloudflare\.com\/5xx-error-landing/i;
const FORBIDDEN_RE = /Akses\s+Ditolak/i;
const NOT_FOUND_RE = /Halaman\s+yang\s+dituju\s+tidak\s+ditemukan/i;
const TITLE_RE = /<title[^>]*>([\s\S]{0,300}?)<\/title>/i;
/** Very short bodies are error pages (SPSE.md). */
const MIN_PAGE_BYTES = 200;

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'ESERVFAIL']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
const TLS_CODES_RE =
  /^(?:ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_OSSL_|HOSTNAME_MISMATCH)/;

/** The text of a page's <title>, trimmed. */
function titleOf(body: string): string {
  return (TITLE_RE.exec(body)?.[1] ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Classifies one probe.
 *
 * @example classifyProbe({ kind: 'answer', status: 500, headers: {}, body: '…Maaf, terjadi error pada aplikasi SPSE. … Kode Error : 81kep4jo9…' })
 * // { class: 'spse-error', errorCode: '81kep4jo9', version: null, detail: 'HTTP 500, Kode Error : 81kep4jo9' }
 */
export function classifyProbe(outcome: ProbeOutcome): Classified {
  if (outcome.kind === 'error') return { ...classifyError(outcome), errorCode: null, version: null };
  const { status, body } = outcome;
  const version = SPSE_VERSION_RE.exec(body)?.[1] ?? null;
  const result = (cls: ProbeClass, detail: string | null, errorCode: string | null = null): Classified => ({
    class: cls,
    errorCode,
    version,
    detail,
  });
  const title = titleOf(body);

  // Cloudflare's own pages come first: a 52x is Cloudflare speaking, whatever SPSE would have said.
  if ((status >= 520 && status <= 530) || (status >= 500 && CLOUDFLARE_PAGE_RE.test(body))) {
    return result('cloudflare', `HTTP ${status} from Cloudflare${title ? `: ${title}` : ''}`);
  }
  const spse = spseError(body);
  if (spse) {
    return result('spse-error', `HTTP ${status}, ${spse.code ? `Kode Error : ${spse.code}` : spse.message}`, spse.code);
  }
  // A notice in place of the application: the maintenance words in its title, or on a page without SPSE's footer.
  if (MAINTENANCE_RE.test(title) || (!version && MAINTENANCE_RE.test(body))) {
    return result('maintenance', `HTTP ${status}, maintenance notice${title ? `: ${title}` : ''}`);
  }
  if (status === 401 || status === 403 || status === 407 || status === 429 || status === 451) {
    return result('forbidden', `HTTP ${status}${FORBIDDEN_RE.test(body) ? ' Akses Ditolak' : ''}`);
  }
  if (status >= 500) return result('http-5xx', `HTTP ${status}${title ? `: ${title}` : ''}`);
  if (FORBIDDEN_RE.test(title)) return result('forbidden', `HTTP ${status}, ${title}`);
  if (status >= 300 && status < 400) return result('other-error', `HTTP ${status} without a usable Location`);
  if (status >= 400) return result('other-error', `HTTP ${status}${NOT_FOUND_RE.test(body) ? ', not found' : ''}`);
  if (Buffer.byteLength(body) < MIN_PAGE_BYTES)
    return result('other-error', `HTTP ${status}, ${body.length}-byte body`);
  if (NOT_FOUND_RE.test(body) && !version) return result('other-error', `HTTP ${status}, not found page`);
  if (!version && !SPSE_PAGE_RE.test(body)) return result('other-error', `HTTP ${status}, not an SPSE page`);
  return result('up', null);
}

function classifyError(e: ProbeFailure): { class: ProbeClass; detail: string } {
  const detail = e.message.includes(e.code) ? e.message : e.message ? `${e.code}: ${e.message}` : e.code;
  const short = detail.length > 200 ? `${detail.slice(0, 197)}...` : detail;
  if (DNS_CODES.has(e.code)) return { class: 'dns', detail: short };
  if (e.code === 'ECONNREFUSED') return { class: 'connection-refused', detail: short };
  if (TIMEOUT_CODES.has(e.code)) return { class: 'timeout', detail: short };
  if (e.code === 'REDIRECT_LOOP' || e.code === 'TOO_MANY_REDIRECTS') return { class: 'redirect-loop', detail: short };
  if (TLS_CODES_RE.test(e.code) || (e.code === 'EPROTO' && /SSL|TLS/i.test(e.message))) {
    return { class: 'tls', detail: short };
  }
  return { class: 'other-error', detail: short };
}
