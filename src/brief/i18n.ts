/**
 * Words and dates in Bahasa Indonesia (first) and English, shared by the brief and the web client. Pure: no I/O, no
 * clock, so the client bundle can import it too.
 */
import { MONTHS } from '../months.ts';
import type { CauseCategory } from '../types.ts';

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
  if (!start || !end || !ISO_DATE_RE.test(start) || !ISO_DATE_RE.test(end)) return null;
  const d = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000;
  return d >= 0 ? d + 1 : null;
}

/** "7–9 Juni 2021", "7 Juni 2021 – ?" */
export function formatWindow(start: string | null, end: string | null, lang: Lang): string {
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
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}

const ID_DATE_RE = new RegExp(`(\\d{1,2}) (${MONTHS.id.join('|')}) (\\d{4})`, 'g');
const LOCAL_TITLE_RE = /^Gangguan (?<name>LPSE .+), (?<when>.+)$/;
const NATIONAL_TITLE_RE =
  /^Gangguan (?<what>Pusat Data Nasional \(PDN\)|nasional SPSE): (?<n>\d+) LPSE terdampak, (?<when>.+)$/;

/**
 * An incident title as the knowledge base writes it (in Indonesian), in the reader's language; a title of another
 * shape is left as it is.
 * @example displayTitle('Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021', 'en') // "LPSE Kabupaten Barito Timur outage, 7 June 2021"
 */
export function displayTitle(title: string, lang: Lang): string {
  if (lang === 'id') return title;
  const dates = (s: string) =>
    s.replace(ID_DATE_RE, (_, d: string, m: string, y: string) => `${d} ${MONTHS.en[MONTHS.id.indexOf(m)]} ${y}`);
  const local = LOCAL_TITLE_RE.exec(title)?.groups;
  if (local) return `${local.name} outage, ${dates(local.when ?? '')}`;
  const national = NATIONAL_TITLE_RE.exec(title)?.groups;
  if (national) {
    const what = national.what?.startsWith('Pusat') ? 'National Data Centre (PDN) outage' : 'National SPSE outage';
    return `${what}: ${national.n} LPSEs affected, ${dates(national.when ?? '')}`;
  }
  return title;
}
