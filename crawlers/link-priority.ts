/**
 * Link priority and the crawler's archive test: is a listed title (or an URL slug, where a listing shows no title)
 * about LPSE/SPSE or a procurement outage, and does a fetched page name an e-procurement system at all? Decides the
 * order of the crawl queue and what is archived; the extractor decides later what is an incident. The words are the
 * extractors' lexicon (`extractors/lexicon/`: system names, outage, recovery), so the crawler and the extractors
 * share one idea of "the system" and "an outage"; only the few words that order links and nothing else are here.
 */
import { SCHEDULE_TERMS } from '../extractors/impact.ts';
import { CAUSE_PATTERNS } from '../extractors/lexicon/causes.ts';
import { OUTAGE_STORY_TERMS, OUTAGE_TERMS, REPAIR_TERMS } from '../extractors/lexicon/outage.ts';
import { RECOVERY_RE } from '../extractors/lexicon/recovery.ts';
import { NATIONAL_PROCUREMENT_NAMES, PROCUREMENT_WORDS, SYSTEM_RE } from '../extractors/lexicon/system.ts';

/**
 * Names of the system the extractors do not read (so they are not in the lexicon): LKPP's national portal
 * ("Inaproc Down, Tender Nasional Tertunda") and the way headlines shorten "Layanan Pengadaan Secara Elektronik".
 */
export const LINK_SYSTEM_TERMS = ['inaproc', 'layanan pengadaan', 'pengadaan elektronik'];

/** The parties to a tender as headlines name them: with an outage word they make a procurement story. */
export const LINK_PARTY_TERMS = ['pokja', 'rekanan', 'penyedia'];

/**
 * What an LPSE's own announcement of a disruption says besides an outage word: the official record of it ("Berita
 * Acara Gangguan…") and the server it concerns ("Migrasi Server SPSE").
 */
export const ANNOUNCEMENT_TERMS = ['berita acara', 'server'];

/**
 * Terms as one regex, longest first: any run of spaces or hyphens between words, and no letter or digit around
 * (so "e-proc" also matches "eproc" and "e proc", and an URL slug's words match as the title's would).
 */
function termsRe(terms: readonly string[]): RegExp {
  const alt = [...new Set(terms)]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]*'))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Regex sources as one regex (the lexicon's recovery phrases and cause patterns are written as sources). */
const sourcesRe = (sources: readonly string[]) => new RegExp(`\\b(?:${sources.join('|')})\\b`, 'i');

const LINK_SYSTEM_RE = termsRe(LINK_SYSTEM_TERMS);
/** A procurement system named or described, in the lexicon's words or a headline's: "LPSE", "situs lelang". */
const namesSystem = (s: string) => SYSTEM_RE.test(s) || LINK_SYSTEM_RE.test(s);

/** The procurement process or its parties: "lelang", "tender", "ULP", "LKPP", "rekanan". */
export const PROCUREMENT_RE = termsRe([...PROCUREMENT_WORDS, ...NATIONAL_PROCUREMENT_NAMES, ...LINK_PARTY_TERMS]);

/**
 * An outage, a repair or a recovery, in the lexicon's words (both deciders' outage words, the repairs under way,
 * the recoveries that presuppose an outage, the national data centre's disruption): "Server LPSE Down",
 * "Situs Lelang Kembali Normal", "Gangguan PDN".
 */
export const OUTAGE_RE = termsRe([...OUTAGE_TERMS, ...OUTAGE_STORY_TERMS, ...REPAIR_TERMS]);
const PDN_RE = sourcesRe(CAUSE_PATTERNS.pdn);
const statesOutage = (s: string) => OUTAGE_RE.test(s) || RECOVERY_RE.test(s) || PDN_RE.test(s);

/** An LPSE's announcement words: schedule changes (`SCHEDULE_TERMS`), planned maintenance, the record, the server. */
const ANNOUNCEMENT_RE = termsRe([...SCHEDULE_TERMS, ...ANNOUNCEMENT_TERMS]);
const MAINTENANCE_RE = sourcesRe(CAUSE_PATTERNS.maintenance);
const announcesDisruption = (s: string) => statesOutage(s) || ANNOUNCEMENT_RE.test(s) || MAINTENANCE_RE.test(s);

/**
 * A news title that is likely about an LPSE outage: such links go to the front of the crawl queue. It never keeps
 * a link out of the queue (a headline such as "Server Rusak, Tiga Paket Proyek Batal Dilelang" does not name
 * the system); every listed article is fetched and judged on its text (isRelevantText). A title is likely about
 * an outage when it names an e-procurement system, or a procurement word and an outage word.
 *
 * @example isRelevantTitle("Server LPSE Kabupaten Gresik Error, LSM FPSR Mendesak …") // true
 * @example isRelevantTitle("DPRD Gresik Sahkan Perubahan APBD 2023") // false
 */
export function isRelevantTitle(title: string): boolean {
  return namesSystem(title) || (PROCUREMENT_RE.test(title) && statesOutage(title));
}

/**
 * An LPSE announcement worth fetching: the LPSE's own list is all procurement, so only the words of a disruption
 * count (an outage, a repair or a recovery, a schedule change, planned maintenance, the record of a disruption).
 *
 * @example isRelevantAnnouncement("Perubahan Jadwal Tahapan Tender Akibat Gangguan Server") // true
 * @example isRelevantAnnouncement("Jadwal Pelatihan Penyedia SPSE 4.5 Tahun 2021") // false
 */
export function isRelevantAnnouncement(title: string): boolean {
  return announcesDisruption(title);
}

/** Page text that mentions an e-procurement system at all. */
export function mentionsProcurementSystem(text: string): boolean {
  return namesSystem(text);
}

/**
 * An article worth archiving, judged after fetching on its title and its main text (boilerplate removed, so a
 * sidebar of LPSE headlines does not make a football report relevant): the text names an e-procurement system.
 * Whether it reports an incident is the extractor's decision, later.
 *
 * @example isRelevantText("Server Rusak, Tiga Paket Proyek Batal Dilelang", "… laman LPSE Kabupaten Sigi tidak dapat diakses …") // true
 * @example isRelevantText("Sultra United Menang Tipis", "Gol tunggal dicetak pada menit ke-78.") // false
 */
export function isRelevantText(title: string, text: string): boolean {
  return namesSystem(title) || namesSystem(text);
}

/**
 * An LPSE announcement worth archiving, judged on its title and main text: the LPSE's own pages are all about
 * procurement, so it must carry an outage word.
 *
 * @example isRelevantAnnouncementText("Pengumuman", "Aplikasi SPSE tidak dapat diakses karena pemeliharaan server") // true
 */
export function isRelevantAnnouncementText(title: string, text: string): boolean {
  return announcesDisruption(title) || announcesDisruption(text);
}

/** The words of an URL's last path segment, for listings that show no title ("/2021/06/09/server-lpse-rusak/"). */
export function titleFromUrl(url: string): string {
  try {
    const segs = new URL(url).pathname.split('/').filter(Boolean);
    const last = segs.reverse().find((s) => /[a-z].*-.*[a-z]/i.test(s)) ?? '';
    return decodeURIComponent(last)
      .replace(/\.(?:html?|php|aspx?)$/i, '')
      .replace(/[-_+]+/g, ' ');
  } catch {
    return '';
  }
}

// The SPSE error page, as LKPP's application renders it.
export const SPSE_ERROR_RE = /Maaf,?\s+terjadi\s+(?:error|kesalahan)\s+pada\s+aplikasi\s+SPSE/i;
export const SPSE_ERROR_CODE_RE = /Kode\s+Error\s*:?\s*(?<code>[\w-]{3,40})/i;

/**
 * The SPSE error of a page, if it is one.
 *
 * @example spseError("<h4>Maaf, terjadi error pada aplikasi SPSE</h4> … Kode Error : 4f7a2c91") // { code: "4f7a2c91", … }
 */
export function spseError(text: string): { code: string | null; message: string } | null {
  const m = SPSE_ERROR_RE.exec(text);
  const c = SPSE_ERROR_CODE_RE.exec(text);
  if (!m && !(c && /SPSE/i.test(text))) return null;
  return { code: c?.groups?.code ?? null, message: m ? m[0] : (c?.[0] ?? '') };
}
