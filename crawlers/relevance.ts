/**
 * Is a listed title (or an URL slug, where a listing shows no title) about LPSE/SPSE or a procurement outage?
 * Decides what the crawler fetches; the extractor decides later what is an incident. Vocabulary is data;
 * the regexes are built from it longest-first.
 */

/** Words that alone make a title about e-procurement systems. */
export const SYSTEM_TERMS = [
  'lpse',
  'spse',
  'inaproc',
  'e-proc',
  'eproc',
  'e-procurement',
  'e-tendering',
  'e-katalog',
  'pengadaan secara elektronik',
  'sistem pengadaan',
  'layanan pengadaan',
  'pengadaan elektronik',
  // How reporters name the system without its acronym ("Sistem Lelang Elektronik Macet, Pemkab Minta Maaf").
  'sistem lelang elektronik',
  'lelang elektronik',
  'tender elektronik',
  'lelang online',
  'situs lelang',
  'website lelang',
  'laman lelang',
  'portal lelang',
  'aplikasi lelang',
];

/** Procurement words that need an outage word beside them. */
export const PROCUREMENT_TERMS = [
  'pengadaan',
  'tender',
  'lelang',
  'ulp',
  'ukpbj',
  'bpbj',
  'pbj',
  'lkpp',
  'pokja',
  'rekanan',
  'penyedia',
];

/** Outage and disruption words (also what an LPSE announcement title must carry to be fetched). */
export const OUTAGE_TERMS = [
  'gangguan',
  'terganggu',
  'error',
  'eror',
  'down',
  'tidak bisa diakses',
  'tak bisa diakses',
  'tidak dapat diakses',
  'sulit diakses',
  'lumpuh',
  'mati',
  'padam',
  'rusak',
  'kerusakan',
  'offline',
  'diretas',
  'peretasan',
  'hacker',
  'bermasalah',
  'trouble',
  'maintenance',
  'pemeliharaan',
  'perbaikan',
  'pulih',
  'normal kembali',
  'kembali normal',
  'not connect',
  'lambat',
  'server',
  'perubahan jadwal',
  'penyesuaian jadwal',
  'berita acara',
  'perpanjangan',
  'pdn',
  'pusat data',
  'kendala',
  'macet',
  'ngadat',
  'lelet',
  'terputus',
  'diputus',
];

function termsRe(terms: string[]): RegExp {
  const alt = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]*'))
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})(?![\\p{L}\\p{N}])`, 'iu');
}

export const SYSTEM_RE = termsRe(SYSTEM_TERMS);
export const PROCUREMENT_RE = termsRe(PROCUREMENT_TERMS);
export const OUTAGE_RE = termsRe(OUTAGE_TERMS);

/**
 * A news title that is likely about an LPSE outage: such links go to the front of the crawl queue. It never keeps
 * a link out of the queue (a headline such as "Server Rusak, Tiga Paket Proyek Batal Dilelang" does not name
 * the system); every listed article is fetched and judged on its text (isRelevantText).
 * it names an e-procurement system, or a procurement word and an outage word.
 *
 * @example isRelevantTitle("Server LPSE Kabupaten Gresik Error, LSM FPSR Mendesak …") // true
 * @example isRelevantTitle("DPRD Gresik Sahkan Perubahan APBD 2023") // false
 */
export function isRelevantTitle(title: string): boolean {
  return SYSTEM_RE.test(title) || (PROCUREMENT_RE.test(title) && OUTAGE_RE.test(title));
}

/**
 * An LPSE announcement worth fetching: the LPSE's own list is all procurement, so only outage words count.
 *
 * @example isRelevantAnnouncement("Perubahan Jadwal Tahapan Tender Akibat Gangguan Server") // true
 * @example isRelevantAnnouncement("Jadwal Pelatihan Penyedia SPSE 4.5 Tahun 2021") // false
 */
export function isRelevantAnnouncement(title: string): boolean {
  return OUTAGE_RE.test(title);
}

/** Page text that mentions an e-procurement system at all. */
export function mentionsProcurementSystem(text: string): boolean {
  return SYSTEM_RE.test(text);
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
  return SYSTEM_RE.test(title) || SYSTEM_RE.test(text);
}

/**
 * An LPSE announcement worth archiving, judged on its title and main text: the LPSE's own pages are all about
 * procurement, so it must carry an outage word.
 *
 * @example isRelevantAnnouncementText("Pengumuman", "Aplikasi SPSE tidak dapat diakses karena pemeliharaan server") // true
 */
export function isRelevantAnnouncementText(title: string, text: string): boolean {
  return OUTAGE_RE.test(title) || OUTAGE_RE.test(text);
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
