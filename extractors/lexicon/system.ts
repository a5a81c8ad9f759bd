/**
 * System names: the e-procurement systems Pantau watches (LPSE, SPSE and what news calls them), the generic heads a
 * report uses for them once they are named ("servernya", "situs tersebut"), and other systems whose outages are not
 * LPSE incidents (PPDB, Dukcapil, SIPD, OSS, banks). Indonesian, Javanese and English; one list a concept, compiled
 * once into `*_RE`.
 */
import { alternation } from '../text-helpers.ts';

/** The procurement systems by name: "LPSE Kabupaten Gresik", "aplikasi SPSE", "Sistem Pengadaan Secara Elektronik". */
export const SYSTEM_NAMES = [
  'LPSE',
  'SPSE',
  'SIKaP',
  'e-procurement',
  'eprocurement',
  'eproc',
  'e-proc',
  'e-tendering',
  'e-lelang',
  'e-tender',
  'Layanan Pengadaan Secara Elektronik',
  'Layanan Pengadaan Sistem Elektronik',
  'Lembaga Pengadaan Secara Elektronik',
  'Sistem Pengadaan Secara Elektronik',
  'Pengadaan Secara Elektronik',
  'lelang elektronik',
  'lelang secara elektronik',
  'pelelangan elektronik',
  'pelelangan secara elektronik',
  'tender elektronik',
  'tender secara elektronik',
  'lelang online',
  'tender online',
  'lelang daring',
  'tender daring',
  'situs lelang',
  'website lelang',
  'server LPSE',
];

/** Names an English report gives only to Indonesia's system (another country's "e-procurement portal" is not one). */
export const INDONESIAN_SYSTEM_NAMES = [
  'LPSE',
  'LKPP',
  'SPSE',
  'SIKaP',
  'Layanan Pengadaan Secara Elektronik',
  'Sistem Pengadaan Secara Elektronik',
];

/** What a site or its machine is called: "situs", "server", "aplikasi"; with a procurement word it is the system. */
export const SITE_HEADS = [
  'situs',
  'laman',
  'halaman',
  'website',
  'web',
  'portal',
  'aplikasi',
  'sistem',
  'sistim',
  'server',
  'jaringan',
  'site',
  'system',
];

/**
 * Procurement words that make a site head the procurement system: "situs pengadaan", "server ULP", "sistem
 * pelelangan", "aplikasi tender", "website UKPBJ". The units that run an LPSE (ULP, UKPBJ, BPBJ…) are among them.
 */
export const PROCUREMENT_WORDS = [
  'pengadaan',
  'pengadaan barang dan jasa',
  'pengadaan barang/jasa',
  'lelang',
  'pelelangan',
  'tender',
  'ULP',
  'ULPBJ',
  'UKPBJ',
  'BPBJ',
  'LPBJ',
  'BLP',
  'PBJ',
  'procurement',
  'tendering',
];

/**
 * Words that may stand between a site head and its procurement word: "situs resmi pengadaan", "server milik ULP",
 * "aplikasi e-".
 */
export const SITE_FILLERS = ['resmi', 'milik', 'layanan', 'unit', 'online', 'elektronik', 'e', 'bagian', 'kantor'];

/**
 * A system named once is then a generic head: "LPSE Kabupaten X … Servernya mati sejak Senin", "Situs tersebut tidak
 * bisa dibuka". These heads carry the outage back to the system named before them.
 */
export const ANAPHORIC_HEADS = [...SITE_HEADS.filter((h) => h !== 'halaman'), 'layanan', 'servers'];

/**
 * Other systems: an outage told of them is not an LPSE incident even when LPSE is mentioned ("Server Dukcapil down,
 * LPSE aman", "SIPD mengalami gangguan"). Matched case-sensitively where the name is an acronym.
 */
export const OTHER_SYSTEMS = [
  'PPDB',
  'Dukcapil',
  'Disdukcapil',
  'Adminduk',
  'SIAK',
  'e-KTP',
  'KTP-el',
  'KTP elektronik',
  'SIPD',
  'OSS',
  'OSS RBA',
  'Samsat',
  'e-Samsat',
  'CPNS',
  'SSCASN',
  'SIMPEG',
  'e-Kinerja',
  'e-Meterai',
  'Sirekap',
  'Sipol',
  'SIRUP',
  'e-Katalog',
  'Katalog Elektronik',
  'e-purchasing',
  'BPJS',
  'imigrasi',
  'paspor',
  'DJP Online',
  'e-Filing',
  'Coretax',
  'SP2D',
  'SIMDA',
  'bank',
  'ATM',
  'mobile banking',
  'Dapodik',
  'e-Rapor',
  'SIMBG',
];

/** The national data centre whose disruption took LPSEs and LKPP's services down (June 2024). */
export const NATIONAL_DATA_CENTRE_NAMES = ['Pusat Data Nasional Sementara', 'Pusat Data Nasional', 'PDNS', 'PDN'];

/** LKPP's own services, hit when the national data centre went down ("layanan LKPP", "digital services at LKPP"). */
export const NATIONAL_PROCUREMENT_NAMES = ['LKPP', 'Lembaga Kebijakan Pengadaan', 'National Public Procurement Agency'];

const PROC_ALT = alternation(PROCUREMENT_WORDS);
const SITE_ALT = alternation(SITE_HEADS);
const FILLER_ALT = alternation(SITE_FILLERS);

/** A procurement system named or described: "LPSE", "situs pengadaan", "server ULP", "sistem pelelangan elektronik". */
export const SYSTEM_RE = new RegExp(
  `\\b(?:${alternation(SYSTEM_NAMES)}|(?:${SITE_ALT})(?:nya)?\\s+(?:(?:${FILLER_ALT})[\\s-]+){0,2}(?:${PROC_ALT}))\\b`,
  'i',
);
export const INDONESIAN_SYSTEM_RE = new RegExp(`\\b(?:${alternation(INDONESIAN_SYSTEM_NAMES)})\\b`, 'i');
/** A generic head that refers back to a system named before: "servernya", "situs tersebut", "sistem". */
export const ANAPHORIC_HEAD_RE = new RegExp(`\\b(?:${alternation(ANAPHORIC_HEADS)})(?:nya)?\\b`, 'i');
/** Other systems by name; acronyms in capitals only ("oss" in a word is nothing), ordinary nouns in any case. */
const OTHER_ACRONYMS = OTHER_SYSTEMS.filter((s) => /^[A-Z0-9-]+(?:\s[A-Z0-9]+)?$/.test(s));
const OTHER_WORDS = OTHER_SYSTEMS.filter((s) => !OTHER_ACRONYMS.includes(s));
export const OTHER_ACRONYM_RE = new RegExp(`\\b(?:${alternation(OTHER_ACRONYMS)})\\b`);
export const OTHER_WORD_RE = new RegExp(`\\b(?:${alternation(OTHER_WORDS)})\\b`, 'i');
export const NATIONAL_DATA_CENTRE_RE = new RegExp(`\\b(?:${alternation(NATIONAL_DATA_CENTRE_NAMES)})\\b`);
export const NATIONAL_PROCUREMENT_RE = new RegExp(`\\b(?:${alternation(NATIONAL_PROCUREMENT_NAMES)})\\b`);
/** The procurement process named: "lelang", "tender", "pengadaan", "ULP". */
export const PROCUREMENT_WORD_RE = new RegExp(`\\b(?:${PROC_ALT})\\b`, 'i');
