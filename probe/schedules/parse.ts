/**
 * Reading SPSE's tender pages (pure: no I/O, no clock). The list page's session token, the DataTables rows of
 * `/dt/lelang` and `/dt/pl`, the schedule table (`No | Tahap | Mulai | Sampai | Perubahan`) and the history of a
 * changed stage, with wall-clock times of the instance ("19 Agustus 2026 20:00", WIB) turned into UTC instants.
 * `../shared/data/SPSE.md` describes the pages.
 */
import * as cheerio from 'cheerio';
import { MONTHS } from '../../extractors/html/dates.ts';
import type { ScheduleChange, TenderStage } from '../types.ts';

/** Month names and the short forms SPSE and its users write ("Agt", "Des"): the extractors' table. */
const MONTH_WORDS = MONTHS;
const MONTH_ALT = Object.keys(MONTH_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/**
 * A date and time as a schedule page writes them.
 * @example SPSE_TIME_RE.exec('19 Agustus 2026 20:00') // day 19, month Agustus, year 2026, 20:00
 */
export const SPSE_TIME_RE = new RegExp(
  `(?<day>\\d{1,2})\\s+(?<month>${MONTH_ALT})\\.?\\s+(?<year>\\d{4})(?:[\\s,]+(?:pukul\\s+)?(?<hour>\\d{1,2})[:.](?<minute>\\d{2}))?`,
  'i',
);

/** The stages whose end is the bid-upload deadline: the name of SPSE 4.5 first, that of older tenders after. */
export const BID_UPLOAD_STAGES = ['Upload Dokumen Penawaran', 'Pemasukan Dokumen Penawaran'] as const;
/** @example BID_UPLOAD_RE.test('Pemasukan Dokumen Penawaran') // true */
export const BID_UPLOAD_RE = new RegExp(
  `^\\s*(?:${BID_UPLOAD_STAGES.map((s) => s.replace(/\s+/g, '\\s+')).join('|')})\\b`,
  'i',
);

/** The short value units of the list: Rb (ribu), Jt (juta), M (miliar), T (triliun). */
const VALUE_UNITS: Record<string, number> = {
  rb: 1e3,
  ribu: 1e3,
  jt: 1e6,
  juta: 1e6,
  m: 1e9,
  miliar: 1e9,
  t: 1e12,
  triliun: 1e12,
};
const VALUE_UNIT_ALT = Object.keys(VALUE_UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** @example SHORT_VALUE_RE.exec('22,7 M') */
export const SHORT_VALUE_RE = new RegExp(
  `^\\s*(?:Rp\\.?\\s*)?(?<num>\\d+(?:[.,]\\d+)?)\\s*(?<unit>${VALUE_UNIT_ALT})\\.?\\s*$`,
  'i',
);
const FULL_VALUE_RE = /^\s*(?:Rp\.?\s*)?(?<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<frac>\d{1,2}))?\s*$/;

/** "N kali perubahan". */
export const CHANGES_RE = /(?<n>\d+)\s*kali\s+perubahan/i;

/** The session token in the list page's script, and in the SPSE_SESSION cookie. */
export const TOKEN_SCRIPT_RE = /authenticityToken\s*[=:]\s*(?<q>['"])(?<token>[^'"\s]{8,200})\k<q>/;
export const TOKEN_COOKIE_RE = /___AT=(?<token>[^&;\s]{8,200})/;
/** The footer clock of a 4.5 page: `utc_offset: 7`. */
export const UTC_OFFSET_RE = /utc_offset["']?\s*[:=]\s*(?<h>[+-]?\d{1,2})\b/;

/**
 * A schedule time of an instance, as a UTC ISO instant; null for "-" or anything that is not a date.
 * @example parseSpseTime('19 Agustus 2026 20:00', 7) // '2026-08-19T13:00:00.000Z'
 */
export function parseSpseTime(text: string | null | undefined, utcOffset = 7): string | null {
  if (!text) return null;
  const m = SPSE_TIME_RE.exec(text.replace(/\s+/g, ' '));
  const g = m?.groups;
  if (!g) return null;
  const month = MONTH_WORDS[(g.month ?? '').toLowerCase().replace(/\.$/, '')];
  const day = Number(g.day);
  const year = Number(g.year);
  const hour = g.hour === undefined ? 0 : Number(g.hour);
  const minute = g.minute === undefined ? 0 : Number(g.minute);
  if (!month || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute) - utcOffset * 3_600_000;
  const d = new Date(ms + utcOffset * 3_600_000);
  // 31 Juni is not a day: Date.UTC would roll it over to 1 Juli.
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return null;
  return new Date(ms).toISOString();
}

/**
 * A ceiling value as the list shows it, in rupiah.
 * @example parseValue('22,7 M') // 22700000000
 * @example parseValue('19,9 Jt') // 19900000
 * @example parseValue('Rp 1.250.000.000,00') // 1250000000
 */
export function parseValue(text: string | null | undefined): number | null {
  if (!text) return null;
  const clean = text.replace(/<[^>]*>/g, '').replace(/\u00a0/g, ' ');
  const s = SHORT_VALUE_RE.exec(clean)?.groups;
  if (s?.num && s.unit) {
    const [int, frac = ''] = s.num.replace('.', ',').split(',');
    const unit = VALUE_UNITS[s.unit.toLowerCase()] ?? 1;
    // Integer arithmetic: 22,7 × 10⁹ as 227 × 10⁸, never 22.7 × 1e9 = 22700000000.000004.
    return Math.round((Number(`${int}${frac}`) * unit) / 10 ** frac.length);
  }
  const f = FULL_VALUE_RE.exec(clean)?.groups;
  if (f?.int) return Number(f.int.replace(/\./g, ''));
  return null;
}

/** The token of the list page: the script's first, the cookie's when the script has none. */
export function parseToken(html: string, setCookie: readonly string[] = []): string | null {
  const fromScript = TOKEN_SCRIPT_RE.exec(html)?.groups?.token;
  if (fromScript) return fromScript;
  for (const c of setCookie) {
    if (!/^\s*SPSE_SESSION=/i.test(c)) continue;
    const t = TOKEN_COOKIE_RE.exec(decodeURIComponent(c))?.groups?.token;
    if (t) return t;
  }
  return null;
}

/** The instance's UTC offset from a page's footer clock, or null. */
export function parseUtcOffset(html: string): number | null {
  const h = UTC_OFFSET_RE.exec(html)?.groups?.h;
  const n = h === undefined ? Number.NaN : Number(h);
  return Number.isInteger(n) && n >= -12 && n <= 14 ? n : null;
}

/** Does an answer look like SPSE's login page (what an expired or wrong token gets instead of JSON)? */
export function isLoginPage(body: string): boolean {
  return /<form[^>]+action="[^"]*\/login/i.test(body) || /<title>\s*Login\b/i.test(body);
}

/** One row of the tender or non-tender list. */
export interface ListedTender {
  code: string;
  name: string;
  value: number | null;
  stageNow: string | null;
  /** The name carried the "Tender Batal" badge. */
  cancelled: boolean;
}

const text = (html: string) => cheerio.load(`<div>${html}</div>`)('div').first().text().replace(/\s+/g, ' ').trim();

/**
 * The rows of a DataTables answer (`{ data: [[code, name, agency, stage, value, …16 values]] }`).
 * @example parseRows({ data: [['10090001000', 'Pembangunan Jalan', 'Dinas PU', 'Tender Sudah Selesai', '22,7 M']] })
 */
export function parseRows(json: unknown): ListedTender[] {
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error('the list answer has no data array');
  const out: ListedTender[] = [];
  for (const row of data) {
    if (!Array.isArray(row) || row.length < 5) continue;
    const code = String(row[0] ?? '').trim();
    if (!/^\d{3,20}$/.test(code)) continue;
    const rawName = String(row[1] ?? '');
    const cancelled = /badge[^>]*>\s*Tender\s+Batal\s*</i.test(rawName);
    const name = text(rawName.replace(/<span[^>]*class=['"][^'"]*badge[^'"]*['"][^>]*>[\s\S]*?<\/span>/gi, ''));
    const stage = text(String(row[3] ?? '')) || null;
    out.push({
      code,
      name,
      value: parseValue(String(row[4] ?? '')),
      stageNow: cancelled && !/batal/i.test(stage ?? '') ? 'Tender Batal' : stage,
      cancelled,
    });
  }
  return out;
}

/** A stage as the schedule page gives it, with the link to its history when it was changed. */
export interface PageStage extends TenderStage {
  historyHref: string | null;
}

/**
 * The stages of a schedule page: the `table table-sm` whose header reads `Tahap | Mulai | Sampai`. Null when the
 * page has no such table (an error page, the login page), so a failed read is never taken for "no schedule".
 * @example parseSchedule('<table class="table table-sm"><tr><th>No</th><th>Tahap</th><th>Mulai</th><th>Sampai</th><th>Perubahan</th></tr><tr><td>1</td><td>Upload Dokumen Penawaran</td><td>7 Agustus 2026 08:00</td><td>19 Agustus 2026 20:00</td><td>Tidak Ada</td></tr></table>', 7)
 */
export function parseSchedule(html: string, utcOffset = 7): PageStage[] | null {
  const $ = cheerio.load(html);
  const stages: PageStage[] = [];
  let found = false;
  $('table').each((_, table) => {
    if (found) return;
    const heads = $(table)
      .find('th')
      .map((__, th) => $(th).text().replace(/\s+/g, ' ').trim().toLowerCase())
      .get();
    const col = (name: string) => heads.indexOf(name);
    const [iStage, iStart, iEnd, iChange] = [col('tahap'), col('mulai'), col('sampai'), col('perubahan')];
    if (iStage < 0 || iStart < 0 || iEnd < 0) return;
    found = true;
    $(table)
      .find('tr')
      .each((__, tr) => {
        const cells = $(tr).children('td');
        if (cells.length <= Math.max(iStage, iStart, iEnd)) return;
        const cell = (i: number) => $(cells[i]).text().replace(/\s+/g, ' ').trim();
        const name = cell(iStage);
        if (!name) return;
        const changeCell = iChange >= 0 ? $(cells[iChange]) : null;
        const n = changeCell ? CHANGES_RE.exec(changeCell.text())?.groups?.n : undefined;
        stages.push({
          name,
          start: parseSpseTime(cell(iStart), utcOffset),
          end: parseSpseTime(cell(iEnd), utcOffset),
          changes: n ? Number(n) : 0,
          historyHref: changeCell?.find('a[href]').attr('href') ?? null,
        });
      });
  });
  return found ? stages : null;
}

/**
 * The changes of one stage, from its history page (`No | Tanggal Edit | Mulai | Sampai | Keterangan`: the
 * schedule as it was before each edit).
 */
export function parseHistory(html: string, stage: string, utcOffset = 7): ScheduleChange[] {
  const $ = cheerio.load(html);
  const out: ScheduleChange[] = [];
  $('table').each((_, table) => {
    if (out.length) return;
    const heads = $(table)
      .find('th')
      .map((__, th) => $(th).text().replace(/\s+/g, ' ').trim().toLowerCase())
      .get();
    const find = (re: RegExp) => heads.findIndex((h) => re.test(h));
    const iEdit = find(/tanggal|edit|diubah/);
    const iStart = find(/mulai/);
    const iEnd = find(/sampai|selesai/);
    const iNote = find(/keterangan|alasan|catatan/);
    if (iStart < 0 || iEnd < 0) return;
    $(table)
      .find('tr')
      .each((__, tr) => {
        const cells = $(tr).children('td');
        if (!cells.length) return;
        const cell = (i: number) => (i < 0 ? '' : $(cells[i]).text().replace(/\s+/g, ' ').trim());
        out.push({
          stage,
          changedAt: parseSpseTime(cell(iEdit), utcOffset),
          originalStart: parseSpseTime(cell(iStart), utcOffset),
          originalEnd: parseSpseTime(cell(iEnd), utcOffset),
          note: cell(iNote) || null,
        });
      });
  });
  return out;
}

/**
 * The bid-upload deadline: the `Sampai` of the first "Upload/Pemasukan Dokumen Penawaran" stage.
 * @example bidDeadline([{ name: 'Upload Dokumen Penawaran', start: null, end: '2026-08-19T13:00:00.000Z', changes: 0 }]) // '2026-08-19T13:00:00.000Z'
 */
export function bidDeadline(stages: readonly TenderStage[]): string | null {
  return stages.find((s) => BID_UPLOAD_RE.test(s.name) && s.end)?.end ?? null;
}
