/**
 * Words and dates in Bahasa Indonesia (first) and English, shared by kb (incident titles), the brief and the web
 * client: in src/ itself, so none of them imports another's folder for it. Pure: no I/O, no clock, so the client
 * bundle can import it too.
 */
import { diffDays, utcDayOf } from '../extractors/days.ts';
import { MONTHS } from './months.ts';
import type { CauseCategory, TitleParts } from '../types/index.ts';

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

const MONTHS_SHORT: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH_RE = /^(\d{4})-(\d{2})$/;

/**
 * A calendar date as people write it.
 * @example formatDate('2021-06-07', 'id') // "7 Juni 2021"
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return lang === 'id' ? 'tidak diketahui' : 'unknown';
  const m = ISO_DATE_RE.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** "2021-06" → "Jun 2021" (chart axes). */
export function formatMonth(ym: string, lang: Lang): string {
  const m = ISO_MONTH_RE.exec(ym);
  if (!m) return ym;
  return `${MONTHS_SHORT[lang][Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Whole days from start to end, both included; null when either is unknown or they are out of order. */
export function daysBetween(start: string | null | undefined, end: string | null | undefined): number | null {
  const d = diffDays(start, end);
  return d !== null && d >= 0 ? d + 1 : null;
}

/**
 * "7–9 Juni 2021", "7 Juni 2021 – ?"; with no outage date but a first report, "dilaporkan 3 Maret 2020": the
 * publication date is never shown as if it were the outage's.
 */
export function formatWindow(
  start: string | null,
  end: string | null,
  lang: Lang,
  reported: string | null | undefined = null,
): string {
  if (!start && !end && reported) return `${lang === 'id' ? 'dilaporkan' : 'reported'} ${formatDate(reported, lang)}`;
  if (!start && !end) return lang === 'id' ? 'tanggal tidak diketahui' : 'dates unknown';
  if (!end) return `${formatDate(start, lang)} – ${lang === 'id' ? 'belum diketahui' : 'not known'}`;
  if (!start) return `? – ${formatDate(end, lang)}`;
  if (start === end) return formatDate(start, lang);
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

export function formatDays(days: number | null, lang: Lang): string {
  if (days === null) return lang === 'id' ? 'lama tidak diketahui' : 'duration unknown';
  if (lang === 'id') return `${days} hari`;
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

export const CAUSE_LABELS: Record<CauseCategory, Record<Lang, string>> = {
  hardware: { id: 'Perangkat keras', en: 'Hardware' },
  upgrade: { id: 'Pembaruan sistem', en: 'System upgrade' },
  pdn: { id: 'Gangguan PDN', en: 'National Data Centre (PDN)' },
  power: { id: 'Listrik padam', en: 'Power cut' },
  network: { id: 'Jaringan', en: 'Network' },
  cyberattack: { id: 'Serangan siber', en: 'Cyberattack' },
  overload: { id: 'Kelebihan beban', en: 'Overload' },
  maintenance: { id: 'Pemeliharaan', en: 'Maintenance' },
  unexplained: { id: 'Tidak dijelaskan', en: 'Unexplained' },
};

export function causeLabel(c: string, lang: Lang): string {
  return CAUSE_LABELS[c as CauseCategory]?.[lang] ?? c;
}

export const SOURCE_KIND_LABELS: Record<string, Record<Lang, string>> = {
  news: { id: 'Berita', en: 'News' },
  'lpse-announcement': { id: 'Pengumuman LPSE', en: 'LPSE announcement' },
  'lpse-observation': { id: 'Pantauan LPSE', en: 'LPSE observation' },
  probe: { id: 'Pemantauan Pantau', en: 'Pantau probe' },
  other: { id: 'Lainnya', en: 'Other' },
};

export function sourceKindLabel(k: string, lang: Lang): string {
  return SOURCE_KIND_LABELS[k]?.[lang] ?? k;
}

/** A number in the language's style: 1.234 (id), 1,234 (en). */
export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
}

/** Today in Indonesia's western time (WIB, UTC+7), the date a brief made now carries. */
export function todayWib(now: number): string {
  return utcDayOf(now + 7 * 3_600_000);
}

/**
 * An incident's title in the reader's language, built from what it says (`Incident.title_parts`). A date that is
 * only when the outage was first reported says so, so it is never read as the outage's date.
 * @example incidentTitle({ national: false, name: 'LPSE Kabupaten Barito Timur', date: '2021-06-07', reported: false }, 'id') // "Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021"
 * @example incidentTitle({ national: false, name: 'LPSE Kota Tarakan', date: '2020-03-03', reported: true }, 'id') // "Gangguan LPSE Kota Tarakan, dilaporkan 3 Maret 2020"
 */
export function incidentTitle(p: TitleParts, lang: Lang): string {
  const when = !p.date
    ? lang === 'id'
      ? 'tanggal tidak diketahui'
      : 'date unknown'
    : p.reported
      ? `${lang === 'id' ? 'dilaporkan' : 'reported'} ${formatDate(p.date, lang)}`
      : formatDate(p.date, lang);
  if (p.national) {
    const n = p.affected ?? 0;
    if (lang === 'id')
      return `${p.pdn ? 'Gangguan Pusat Data Nasional (PDN)' : 'Gangguan nasional SPSE'}: ${n} LPSE terdampak, ${when}`;
    return `${p.pdn ? 'National Data Centre (PDN) outage' : 'National SPSE outage'}: ${n} ${n === 1 ? 'LPSE' : 'LPSEs'} affected, ${when}`;
  }
  const name = p.name ?? (lang === 'id' ? 'LPSE tidak diketahui' : 'unknown LPSE');
  return lang === 'id' ? `Gangguan ${name}, ${when}` : `${name} outage, ${when}`;
}

/**
 * The title of an incident (or a search hit) in the reader's language: built from its title parts when it carries
 * them; an older record without them keeps the title it was stored with.
 */
export function displayTitle(item: { title: string; title_parts?: TitleParts | null | undefined }, lang: Lang): string {
  return item.title_parts ? incidentTitle(item.title_parts, lang) : item.title;
}

/**
 * An amount in rupiah as people say it: "Rp 22,7 miliar", "Rp 199 juta" (id); "Rp 22.7 billion" (en).
 * @example formatRupiah(22_700_000_000, 'id') // "Rp 22,7 miliar"
 */
export function formatRupiah(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n))
    return lang === 'id' ? 'nilai tidak diketahui' : 'value unknown';
  const units: Array<[number, string, string]> = [
    [1e12, 'triliun', 'trillion'],
    [1e9, 'miliar', 'billion'],
    [1e6, 'juta', 'million'],
  ];
  for (const [size, id, en] of units) {
    if (Math.abs(n) >= size) {
      const x = Math.round((n / size) * 10) / 10;
      return `Rp ${formatNumber(x, lang)} ${lang === 'id' ? id : en}`;
    }
  }
  return `Rp ${formatNumber(Math.round(n), lang)}`;
}

/**
 * An instant as a wall-clock time in Indonesia (WIB by default): "19 Agustus 2026 20:00 WIB".
 * @example formatDateTime('2026-08-19T13:00:00.000Z', 'id') // "19 Agustus 2026 20:00 WIB"
 */
export function formatDateTime(iso: string | null | undefined, lang: Lang, utcOffset = 7): string {
  if (!iso) return lang === 'id' ? 'tidak diketahui' : 'unknown';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + utcOffset * 3_600_000);
  const day = d.toISOString().slice(0, 10);
  const hm = d.toISOString().slice(11, 16);
  const zone = utcOffset === 8 ? 'WITA' : utcOffset === 9 ? 'WIT' : utcOffset === 7 ? 'WIB' : `UTC+${utcOffset}`;
  return `${formatDate(day, lang)} ${hm} ${zone}`;
}

/**
 * A length of time in minutes, in hours and minutes: "6 jam 5 menit" (id), "6 h 5 min" (en).
 * @example formatMinutes(365, 'id') // "6 jam 5 menit"
 */
export function formatMinutes(min: number, lang: Lang): string {
  const m = Math.round(min);
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (lang === 'id') return h ? `${formatNumber(h, lang)} jam${r ? ` ${r} menit` : ''}` : `${r} menit`;
  return h ? `${formatNumber(h, lang)} h${r ? ` ${r} min` : ''}` : `${r} min`;
}

/** A ratio or a p-value for people: two significant decimals, "–" when undefined. */
export function formatFigure(x: number | null | undefined, lang: Lang, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: x < 0.01 && x > 0 ? 4 : digits });
}

/** How a probe of an LPSE ended (probe/types.ts `PROBE_CLASSES`), for people. */
export const PROBE_CLASS_LABELS: Record<string, Record<Lang, string>> = {
  up: { id: 'Normal', en: 'Up' },
  'spse-error': { id: 'Halaman error SPSE', en: 'SPSE error page' },
  'http-5xx': { id: 'Galat server (HTTP 5xx)', en: 'Server error (HTTP 5xx)' },
  cloudflare: { id: 'Halaman error Cloudflare', en: 'Cloudflare error page' },
  forbidden: { id: 'Akses ditolak', en: 'Access refused' },
  timeout: { id: 'Tidak menjawab', en: 'No answer (timeout)' },
  dns: { id: 'Nama domain tidak ditemukan', en: 'Name not found (DNS)' },
  tls: { id: 'Sertifikat/TLS gagal', en: 'TLS failure' },
  'connection-refused': { id: 'Koneksi ditolak', en: 'Connection refused' },
  maintenance: { id: 'Pemeliharaan', en: 'Maintenance' },
  'redirect-loop': { id: 'Pengalihan berputar', en: 'Redirect loop' },
  'other-error': { id: 'Galat lain', en: 'Other error' },
};

export function probeClassLabel(c: string, lang: Lang): string {
  return PROBE_CLASS_LABELS[c]?.[lang] ?? c;
}
