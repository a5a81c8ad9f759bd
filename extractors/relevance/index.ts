/**
 * Relevance: does the article report an outage or malfunction of an Indonesian LPSE/SPSE (down, unreachable,
 * uploads failing, hacked so it cannot be used)? Not a tender notice, an LPSE training or award, a corruption case
 * that mentions LPSE, an outage of another government service, a FAQ or how-to about SPSE errors, or another
 * country's portal.
 */
import type { Extracted } from '../../src/types.ts';
import type { ExtractContext } from '../context.ts';
import { MONTHS } from '../html/dates.ts';
import { LATIN_LETTER, alternation, clip } from '../text.ts';
import { ENGLISH_OUTAGE_TERMS } from '../vocab.ts';

/** The procurement systems Pantau watches. */
export const SYSTEM_TERMS = [
  'LPSE',
  'SPSE',
  'e-procurement',
  'eproc',
  'e-proc',
  'SIKaP',
  'Layanan Pengadaan Secara Elektronik',
  'Layanan Pengadaan Sistem Elektronik',
  'Lembaga Pengadaan Secara Elektronik',
  'Sistem Pengadaan Secara Elektronik',
  'situs lelang',
  'sistem lelang elektronik',
  'lelang elektronik',
  'website lelang',
  'sistem layanan pengadaan',
  'server LPSE',
];
/** Words of a malfunction. */
export const MALFUNCTION_TERMS = [
  'gangguan',
  'terganggu',
  'error',
  'eror',
  'down',
  'rusak',
  'kerusakan',
  'macet',
  'macet total',
  'ngadat',
  'lumpuh',
  'lelet',
  'trouble',
  'offline',
  'bermasalah',
  'diretas',
  'dihack',
  'di hack',
  'di-hack',
  'kena hack',
  'dihacker',
  'hacker',
  'disusupi',
  'peretasan',
  'tidak bisa diakses',
  'tidak dapat diakses',
  'tidak bisa di akses',
  'tak bisa diakses',
  'tak dapat diakses',
  'belum bisa diakses',
  'belum dapat diakses',
  'tidak dapat dioperasikan',
  'tidak bisa mengupload',
  'tidak bisa upload',
  'tidak bisa mengunggah',
  'tidak bisa masuk',
  'tidak dapat mengakses',
  'tidak dapat masuk',
  'sulit diakses',
  'susah diakses',
  'kesalahan sistem',
  'kesalahan teknis',
  'gangguan sistem',
  'gangguan teknis',
  'not connection',
  'tidak berfungsinya',
  'terkendala',
  'kendala teknis',
  'server mati',
  'matinya server',
  'kerap eror',
  'masalah teknis',
  'tidak berjalan',
  'putus',
  'terputus',
  'kembali normal',
  'sudah normal',
  'normal kembali',
  'diakses kembali',
  'gagal diakses',
  'lemot',
  'hang',
  'galat',
  'diserang',
  'kena retas',
  'gagal login',
  'gagal upload',
  'gagal mengunggah',
  'mati total',
  'tidak dapat digunakan',
  'tidak bisa digunakan',
  'tak dapat digunakan',
  'tak bisa digunakan',
  'terhenti',
  'tumbang',
  'kolaps',
  'mati',
  'downtime',
  'timbul tenggelam',
  'putus nyambung',
  'putus-nyambung',
  'kewalahan',
  'sulitnya mengakses',
  'sulit mengakses',
  'susah mengakses',
  'kesulitan mengakses',
  'tidak mampu melayani',
  // Javanese reports
  'ora bisa diakses',
  'ora iso diakses',
  'ora bisa dibukak',
  'ora iso dibukak',
  'ora bisa mlebu',
  'normal maneh',
  'pedhot',
  // English reports of an Indonesian portal
  ...ENGLISH_OUTAGE_TERMS,
  'hacked',
  'defaced',
  'taken offline',
  'knocked offline',
  'unable to access',
];
/** Indonesian systems by name: an English article counts only when it names one (other countries' portals do not). */
export const INDONESIAN_SYSTEM_TERMS = [
  'LPSE',
  'SPSE',
  'SIKaP',
  'Layanan Pengadaan Secara Elektronik',
  'Sistem Pengadaan Secara Elektronik',
];
/** Words that deny what follows: "tidak diretas", "bukan gangguan". */
export const NEGATION_WORDS = [
  'tidak',
  'tak',
  'bukan',
  'belum pernah',
  'tidak pernah',
  'belum ada',
  'tanpa',
  'not',
  'never',
  // Javanese
  'ora',
];
/** Words between a negation and the malfunction it denies: "tidak ada laporan gangguan", "tanpa terjadi down". */
export const NEGATION_FILLERS = ['pernah', 'sedang', 'ada', 'mengalami', 'sampai', 'terjadi', 'laporan', 'been'];
/** A how-to guide: "5 Cara Mengatasi Error…", "Berikut beberapa langkah…", "Semoga bermanfaat". */
export const HOWTO_TERMS = [
  'cara mengatasi',
  'cara memperbaiki',
  'tips mengatasi',
  'tips menghindari',
  'langkah mengatasi',
  'berikut beberapa langkah',
  'berikut langkah',
  'berikut cara',
  'berikut tips',
  'semoga bermanfaat',
  'how to fix',
  'tips agar',
  'tips supaya',
  'cara agar',
  'cara supaya',
  'begini cara',
  'panduan mengatasi',
  // a headline offering tips: "Gagal Unggah Dokumen? Ini Tips dari Helpdesk LPSE"
  'ini tips',
  'tips dari',
  'simak tips',
];
/** Genres that talk about LPSE errors without reporting one. */
export const NOT_A_REPORT_TERMS = [
  'frequently asked questions',
  'FAQ',
  'soalan lazim',
  'standard operating procedures',
  'peraturan bupati',
  'menimbang',
  'apa solusinya',
  'artikel ini',
  'pendahuluan',
  'ditetapkan sebagai tersangka',
  'operasi tangkap tangan',
  // the same genres in English reports
  'named a suspect',
  'named as a suspect',
  'named suspects',
  'graft case',
  'corruption case',
  // a Q&A page: "Tanya Jawab Seputar SPSE"
  'tanya jawab',
  // a trial: the outage is a defendant's claim weighed in court
  'terdakwa',
  'majelis hakim',
  'dakwaan',
  'jaksa penuntut umum',
  'persidangan',
  'pengadilan tipikor',
  'saksi ahli',
  // a job vacancy: handling server faults is a duty
  'rekrutmen',
  'lowongan',
  'uraian tugas',
  'berkas lamaran',
  // a yearly performance report: past outages only as counts
  'laporan kinerja',
  'laporan tahunan',
  'capaian kinerja',
  'uptime',
];
/** An opinion piece: the headline's rubric ("Opini: …") or the author's note at its end ("Penulis adalah dosen…"). */
export const OPINION_HEADS = ['opini', 'kolom', 'tajuk rencana', 'editorial', 'perspektif'];
export const OPINION_TERMS = ['penulis adalah', 'penulis merupakan', 'tulisan ini merupakan pendapat pribadi'];
/**
 * Field labels of a tender page or tender document ("Kode Tender: …", "Nilai HPS Paket: …"): its "apabila terjadi
 * gangguan" clauses are the document's rules, not an event.
 */
export const TENDER_FIELD_LABELS = [
  'kode tender',
  'kode paket',
  'kode lelang',
  'nama tender',
  'nama paket',
  'nama lelang',
  'paket pekerjaan',
  'satuan kerja',
  'nilai pagu',
  'nilai pagu paket',
  'nilai hps',
  'nilai hps paket',
  'metode pengadaan',
  'metode pemilihan',
  'jenis pengadaan',
  'kualifikasi usaha',
  'lokasi pekerjaan',
];

/**
 * Events that are the story when the headline or the lead names them ("…mengikuti pelatihan SPSE…"); further down
 * an outage report, "pelatihan" or "sosialisasi" is a remedy someone asks for.
 */
export const EVENT_GENRE_TERMS = [
  'studi banding',
  'management training',
  'bimbingan teknis',
  'pelatihan',
  'sosialisasi',
  'training session',
  'workshop',
  'seminar',
  'webinar',
  'lokakarya',
  'diskusi publik',
  'focus group discussion',
  'talkshow',
  'gelar wicara',
  'simulasi',
];

/**
 * Words that make a malfunction only possible, feared or still to come: "LPSE rawan diretas", "bisa down",
 * "akan offline Sabtu malam", "kalau sampai diretas", "dapat membuat LPSE tidak bisa diakses" (a negated one, "tidak
 * akan down", is no event either).
 */
export const POSSIBILITY_WORDS = [
  'rawan',
  'rentan',
  'berpotensi',
  'berisiko',
  'terancam',
  'mudah',
  'gampang',
  'ancaman',
  'potensi',
  'risiko',
  'khawatir',
  'dikhawatirkan',
  'bisa',
  'bisa saja',
  'dapat',
  'akan',
  'bakal',
  'mungkin',
  'kemungkinan',
  'kalau sampai',
  'jika sampai',
  'bila sampai',
  'jangan sampai',
  'sampai ada',
  'could',
  'might',
];
/** Causative verbs between a possibility and its malfunction: "dapat membuat LPSE tidak bisa diakses". */
export const CAUSATIVE_WORDS = ['membuat', 'menyebabkan', 'mengakibatkan', 'memicu', 'make', 'cause'];
/** Purposes that avert a malfunction: "untuk menghindari gangguan akibat padatnya akses", "mencegah peretasan". */
export const AVERT_WORDS = [
  'menghindari',
  'menghindarkan',
  'mencegah',
  'pencegahan',
  'mengantisipasi',
  'antisipasi',
  'meminimalkan',
  'meminimalisasi',
  'meminimalisir',
  'menangkal',
  'avoid',
  'prevent',
];
/** Recovery words presuppose an outage even after "akan" or "bisa": "layanan akan kembali normal". */
export const RECOVERY_TERMS = ['kembali normal', 'sudah normal', 'normal kembali', 'diakses kembali', 'normal maneh'];
/** Conditions: a clause they open states no event ("bila server utama bermasalah", "Dalam hal SPSE mengalami…"). */
export const CONDITION_WORDS = [
  'jika',
  'jikalau',
  'apabila',
  'bila',
  'bilamana',
  'kalau',
  'seandainya',
  'andaikan',
  'andaikata',
  'manakala',
  'dalam hal',
  'if',
];
/**
 * After a verb of saying or knowing, "bila" and "kalau" mean "that": "membenarkan bila servernya mengalami gangguan",
 * "muncul informasi bila laman LPSE sempat dihack". Me-…-kan verbs (mengatakan, membenarkan…) are matched as a form.
 */
export const THAT_CLAUSE_HEADS = [
  'mengakui',
  'mengaku',
  'menyebut',
  'membantah',
  'menduga',
  'mengira',
  'tahu',
  'sadar',
  'informasi',
  'kabar',
  'isu',
  'diakui',
  'dibenarkan',
  'diketahui',
  'terbukti',
  'ternyata',
];
/** Anyone who meets a malfunction, offered help: "pendampingan bagi penyedia yang mengalami kendala teknis". */
export const USER_NOUNS = ['penyedia', 'peserta', 'rekanan', 'pengguna', 'vendor', 'pelaku usaha', 'kontraktor'];
export const MEET_VERBS = ['mengalami', 'menemui', 'menghadapi', 'menemukan', 'kesulitan'];
/**
 * Other places, or places in general: "pengalaman sejumlah daerah yang LPSE-nya sempat mati", "seperti yang menimpa
 * situs daerah lain", "keluhan … muncul di berbagai daerah". A sentence about them reports no outage of its own.
 */
export const PLACE_NOUNS = ['daerah', 'pemda', 'pemerintah daerah', 'kabupaten', 'kota', 'provinsi', 'LPSE'];
export const MANY_WORDS = ['sejumlah', 'berbagai', 'beberapa', 'banyak', 'sebagian', 'sebagian besar'];
/**
 * A user's own line or device: "koneksi internet di kantornya terputus", "jaringan milik peserta". Not "milik
 * penyedia": a penyedia layanan is also the ISP whose line took a portal down.
 */
export const USER_LINE_NOUNS = [
  'internet',
  'jaringan',
  'koneksi',
  'sinyal',
  'perangkat',
  'komputer',
  'laptop',
  'modem',
];
export const USER_OWN_TERMS = [
  'kantornya',
  'rumahnya',
  'milik peserta',
  'milik rekanan',
  'penyedia sendiri',
  'peserta sendiri',
  'rekanan sendiri',
  'pengguna sendiri',
  'mereka sendiri',
];
/** A claim called an excuse: "terdakwa berdalih server LPSE mengalami gangguan", "alasan server down itu hanya dalih". */
export const EXCUSE_TERMS = ['berdalih', 'dalih', 'dalihnya', 'berkilah', 'kilah'];
/** A belief the text goes on to correct: "Saya kira LPSE down, ternyata hanya akun saya", "penyedia mengira LPSE down". */
export const MISTAKEN_TERMS = ['mengira', 'dikira', 'kira', 'kirain', 'menyangka', 'disangka', 'sangka'];

/** Words of a service window: a notice names them with the days it will happen on. */
export const WINDOW_TERMS = [
  'pemeliharaan',
  'maintenance',
  'perawatan',
  'menghentikan layanan',
  'penghentian layanan',
  'dihentikan sementara',
  'offline',
  'nonaktif',
  'tidak dapat diakses',
  'tidak bisa diakses',
];

/** A notice of maintenance still to come: the portal is not down yet. */
export const PLANNED_TERMS = [
  'akan melaksanakan pemeliharaan',
  'akan melakukan pemeliharaan',
  'akan dilakukan pemeliharaan',
  'akan dilaksanakan pemeliharaan',
  'rencana pemeliharaan sistem',
  'will undergo maintenance',
  'scheduled maintenance will',
];
/** The system said to be safe in a headline about another failure: "Jaringan Pemkot Down, LPSE Aman". */
export const SAFE_TERMS = [
  'aman',
  'lancar',
  'berjalan lancar',
  'berjalan normal',
  'mulus',
  'berjalan mulus',
  'tetap berjalan normal',
  'tetap berjalan',
  'tetap normal',
  'tetap lancar',
  'tetap bisa diakses',
  'tetap dapat diakses',
  'tidak terdampak',
  'tak terdampak',
];

const SYSTEM_RE = new RegExp(`\\b(?:${alternation(SYSTEM_TERMS)})\\b`, 'i');
/** A malfunction word, also with -nya ("erornya LPSE", "rusaknya server"). */
const MALFUNCTION_RE = new RegExp(`\\b(?:${alternation(MALFUNCTION_TERMS)})(?:nya)?\\b`, 'i');
/** The national data centre outage of June 2024 took SPSE down with it. */
const PDN_OUTAGE_RE =
  /\b(?:Pusat\s+Data\s+Nasional|PDNS?)\b[^.]{0,120}\b(?:gangguan|down|terganggu|diretas|ransomware|serangan)|\b(?:gangguan|down|terganggu|diretas|peretasan|serangan)\b[^.]{0,120}\b(?:Pusat\s+Data\s+Nasional|PDNS?)\b/i;
/** The national data centre, whose outage reached LPSEs in many regions at once. */
const PDN_RE = /\b(?:Pusat\s+Data\s+Nasional|PDNS?)\b/;
const INDONESIAN_SYSTEM_RE = new RegExp(`\\b(?:${alternation(INDONESIAN_SYSTEM_TERMS)})\\b`, 'i');
/** A denied malfunction, cut out before the malfunction test: "LPSE tidak diretas dan tetap berjalan normal". */
const NEGATED_MALFUNCTION_RE = new RegExp(
  `\\b(?:${alternation(NEGATION_WORDS)})\\s+(?:(?:${alternation(NEGATION_FILLERS)})\\s+){0,2}(?:${alternation(MALFUNCTION_TERMS)})(?:nya)?\\b`,
  'gi',
);
/** A rumour of an attack or outage denied: "kabar LPSE kami dibobol itu tidak benar", "tidak diretas". */
const RUMOUR_DENIED_RE = /\b(?:kabar|isu|informasi|narasi)\b[^.]{0,80}\b(?:tidak\s+benar|hoaks|hoax)\b/i;
/** The system said never to have failed: "tidak diretas dan tetap berjalan normal" (a real outage says "kembali normal"). */
const NEVER_DOWN_RE =
  /\b(?:tidak|tak|bukan)\s+(?:ikut\s+)?(?:(?:di)?(?:retas|bobol|hack)|terganggu|terdampak|bermasalah|mengalami\s+gangguan)\b[\s\S]{0,160}?\b(?:tetap|masih)\s+(?:berjalan\s+)?(?:normal|aman|lancar|bisa\s+diakses)/i;
/** Clause breaks of contrast: a denial clause does not lend its system to the clause beside it. */
const CONTRAST_SPLIT_RE =
  /\s*(?:,\s*)?\b(?:tapi|tetapi|namun|meski(?:pun)?|walau(?:pun)?|melainkan|sedangkan|sementara)\b|;/i;
/** A site that will not open ("situs lelang tak bisa dibuka"); a document that will not open is no outage. */
export const SITE_NOUNS = ['situs', 'laman', 'website', 'portal', 'aplikasi', 'web'];
export const UNOPENED_TERMS = ['tidak bisa dibuka', 'tidak dapat dibuka', 'tak bisa dibuka', 'tak dapat dibuka'];
const SITE_UNOPENED_RE = new RegExp(
  `\\b(?:${alternation(SITE_NOUNS)})\\b[^.,;]{0,40}?\\b(?:${alternation(UNOPENED_TERMS)})\\b`,
  'i',
);
const PLANNED_RE = new RegExp(`\\b(?:${alternation(PLANNED_TERMS)})\\b`, 'i');
/** The headline or lead announces a stop to come: "LPSE Badung Akan Offline Sabtu Malam", "akan menghentikan layanan". */
const FUTURE_STOP_RE =
  /\b(?:akan|bakal|dijadwalkan|rencananya)\s+(?:[a-z-]+\s+){0,2}?(?:offline|down|nonaktif|dihentikan\s+sementara|menghentikan\s+(?:sementara\s+)?layanan)\b/i;
const WINDOW_RE = new RegExp(`\\b(?:${alternation(WINDOW_TERMS)})\\b`, 'i');
/** A day with its year ("14 Desember 2024", "14/12/2024") or a bare "(14/12)" in brackets. */
const WINDOW_DATE_RE = new RegExp(
  `\\b(\\d{1,2})\\s+(${alternation(Object.keys(MONTHS))})\\.?\\s+((?:19|20)\\d{2})\\b|\\b(\\d{1,2})[/-](\\d{1,2})[/-]((?:19|20)\\d{2})\\b|\\((\\d{1,2})/(\\d{1,2})\\)`,
  'gi',
);
const MALFUNCTION_EVENT_ALT = alternation(MALFUNCTION_TERMS.filter((t) => !RECOVERY_TERMS.includes(t)));
/** A possible, feared or future malfunction: "rawan diretas", "dapat membuat LPSE tidak bisa diakses". */
const POSSIBLE_MALFUNCTION_RE = new RegExp(
  `\\b(?:${alternation(POSSIBILITY_WORDS)})\\s+(?:(?:${alternation(CAUSATIVE_WORDS)})\\s+(?:[a-z-]+\\s+){0,2}?|(?:[a-z-]+\\s+)??)(?:${MALFUNCTION_EVENT_ALT})(?:nya)?\\b`,
  'gi',
);
/** A malfunction averted: "untuk menghindari gangguan", "mencegah server down". */
const AVERTED_MALFUNCTION_RE = new RegExp(
  `\\b(?:${alternation(AVERT_WORDS)})\\s+(?:[a-z-]+\\s+){0,2}?(?:${MALFUNCTION_EVENT_ALT})(?:nya)?\\b`,
  'gi',
);
/** A condition's clause, to the next punctuation: "bila server utama bermasalah". */
const CONDITION_CLAUSE_RE = new RegExp(`\\b(?:${alternation(CONDITION_WORDS)})\\b[^,.;:!?"“”]*`, 'gi');
/** "bila" after a verb of saying or knowing means "that": the clause is kept. */
const THAT_HEAD_BEFORE_RE = new RegExp(`\\b(?:me[a-z]+kan|${alternation(THAT_CLAUSE_HEADS)})\\s+$`, 'i');
/** Help for whoever meets a malfunction: "bagi penyedia yang mengalami kendala teknis". */
const ANY_USER_CLAUSE_RE = new RegExp(
  `\\b(?:bagi|untuk|kepada|membantu|melayani)\\s+(?:para\\s+)?(?:${alternation(USER_NOUNS)})\\s+yang\\s+(?:${alternation(MEET_VERBS)})\\b[^,.;:!?"“”]*`,
  'gi',
);
const PLACES_ALT = alternation(PLACE_NOUNS);
const OTHER_PLACES_RE = new RegExp(
  `\\b(?:${alternation(MANY_WORDS)})\\s+(?:${PLACES_ALT})\\b|\\b(?:${PLACES_ALT})\\s+lain(?:nya)?\\b`,
  'i',
);
const USER_LINE_RE = new RegExp(
  `\\b(?:${alternation(USER_LINE_NOUNS)})\\b[^.]{0,30}?(?:\\b(?:${alternation(USER_OWN_TERMS)})|\\Bnya\\s+sendiri)\\b`,
  'i',
);
const COUNT_WORDS = '\\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|beberapa|nol';
const IN_YEAR = '\\b(?:pada|sepanjang|selama|tahun|di)\\s+(?:tahun\\s+)?(?:19|20)\\d\\d\\b';
/** A tally of outages in given years: "tujuh kejadian pada 2021", "sepanjang 2023 tercatat tiga kali gangguan". */
const TALLY_RE = new RegExp(
  `\\b(?:${COUNT_WORDS})\\s+(?:kali|kejadian|insiden)\\b[^.]{0,80}?${IN_YEAR}|${IN_YEAR}[^.]{0,80}?\\b(?:${COUNT_WORDS})\\s+(?:kali|kejadian|insiden)\\b`,
  'i',
);
const EXCUSE_RE = new RegExp(`\\b(?:${alternation(EXCUSE_TERMS)})\\b`, 'i');
const MISTAKEN_RE = new RegExp(`\\b(?:${alternation(MISTAKEN_TERMS)})\\b`, 'i');
/** A definition: "Keadaan kahar adalah suatu keadaan yang …, termasuk gangguan pada … sistem SPSE". */
const DEFINITION_RE =
  /\b(?:adalah|ialah|merupakan|yaitu)\s+(?:suatu\s+|sebuah\s+)?(?:keadaan|kondisi|peristiwa|kejadian)\s+(?:yang|di\s+mana|dimana)\b/i;
/** The system said never to have failed, safe word first: "LPSE berjalan normal dan belum pernah diretas". */
const NEVER_DOWN_AFTER_RE = new RegExp(
  `\\b(?:berjalan|tetap|masih)\\s+(?:normal|aman|lancar|stabil)\\b[^.]{0,60}?\\b(?:belum|tidak|tak)\\s+pernah\\s+(?:${MALFUNCTION_EVENT_ALT})`,
  'i',
);
const OPINION_HEAD_RE = new RegExp(`^\\W*(?:${alternation(OPINION_HEADS)})\\b`, 'i');
const OPINION_RE = new RegExp(`\\b(?:${alternation(OPINION_TERMS)})\\b`, 'i');
/** Two or more "Label: value" lines of a tender page. */
const TENDER_FIELD_RE = new RegExp(`^[ \\t]*(?:${alternation(TENDER_FIELD_LABELS)})[ \\t]*:`, 'gim');
/** A Q&A page's numbered questions: "1. Laman LPSE tidak dapat dibuka, apa yang harus saya lakukan?" */
const NUMBERED_QUESTION_RE = /^[ \t]*\d+[.)][ \t]+[^\n]{5,200}\?[ \t]*$/gm;
/** "LPSE Aman", "LPSE Kota Contoh tetap berjalan normal": the system, its name, then a safe word. */
const SYSTEM_SAFE_RE = new RegExp(
  `\\b(?:LPSE|SPSE|Layanan\\s+Pengadaan\\s+Secara\\s+Elektronik(?:\\s+\\(LPSE\\))?)(?:\\s+(?!(?:kembali|sudah|mulai|kini|sekarang|belum|sempat|tidak|tak)\\b)(?:Kota|Kabupaten|Provinsi|[${LATIN_LETTER}][${LATIN_LETTER}-]*)){0,4}\\s+(?:${alternation(SAFE_TERMS)})\\b(?!\\s+(?:kembali|lagi)\\b)`,
  'i',
);
const HOWTO_RE = new RegExp(`\\b(?:${alternation(HOWTO_TERMS)})\\b`, 'i');
const NOT_A_REPORT_RE = new RegExp(`\\b(?:${alternation(NOT_A_REPORT_TERMS)})\\b`, 'i');
const EVENT_GENRE_RE = new RegExp(`\\b(?:${alternation(EVENT_GENRE_TERMS)})\\b`, 'i');
/** A Q&A layout: "Q :", "Bagaimana cara…?", "S1." */
const QA_RE = /(?:^|\n)\s*(?:Q\s*:|\d+\.\s*Q\s*:|S\d+\.\s)|\bBagaimana\s+(?:cara|bila|jika|kalau|apabila)\b/i;
/** The malfunction is denied: "bukan karena aplikasi yang lelet, bukan karena sistem yang salah". */
const DENIAL_RE =
  /\bbukan\s+karena\s+(?:aplikasi|sistem|server)|murni\s+bukan\b|human\s+e?rror|tidak\s+ada\s+masalah\s+dari\s+sisi\s+sist/i;
/** A condition, not an event: "Jika terjadi gangguan, penyedia dapat menghubungi helpdesk LPSE." */
const HYPOTHETICAL_RE =
  /^\W*(?:jika|apabila|bila|kalau|seandainya|andaikan|dalam\s+hal)\b|\b(?:jika|apabila|bila)\s+terjadi\b/i;
/** Another service's outage ("situs web resmi Pemkab", Samsat, Dukcapil) with LPSE only in passing. */
const OTHER_SERVICE_RE =
  /\b(?:samsat|dukcapil|disdukcapil|adminduk|e-?ktp|cpns|(?:situs|laman|website)\s+(?:web\s+)?resmi\s+(?:pemkab|pemkot|pemprov|pemda))\b/i;

/**
 * The sentence without denied malfunctions. When it denies one ("LPSE tidak terganggu meski PDN diserang"), only
 * its clauses that deny nothing and name the system themselves are kept.
 */
function affirmedPart(s: string): string {
  NEGATED_MALFUNCTION_RE.lastIndex = 0;
  if (!NEGATED_MALFUNCTION_RE.test(s)) return s;
  return s
    .split(CONTRAST_SPLIT_RE)
    .filter((c) => {
      NEGATED_MALFUNCTION_RE.lastIndex = 0;
      return !NEGATED_MALFUNCTION_RE.test(c) && SYSTEM_RE.test(c);
    })
    .join(' ');
}

/**
 * The sentence without the malfunctions it only supposes: conditions ("bila server utama bermasalah"), possibilities
 * ("rawan diretas", "akan offline"), averted ones ("untuk menghindari gangguan") and help for anyone who meets one.
 */
function statedPart(s: string): string {
  if (!MALFUNCTION_RE.test(s)) return s;
  return s
    .replace(CONDITION_CLAUSE_RE, (m, at: number, all: string) =>
      THAT_HEAD_BEFORE_RE.test(all.slice(Math.max(0, at - 40), at)) ? m : ' ',
    )
    .replace(ANY_USER_CLAUSE_RE, ' ')
    .replace(POSSIBLE_MALFUNCTION_RE, ' ')
    .replace(AVERTED_MALFUNCTION_RE, ' ');
}

/** A sentence that supposes or excuses rather than states: its malfunctions are none. */
function supposes(s: string): boolean {
  return HYPOTHETICAL_RE.test(s) || EXCUSE_RE.test(s) || DEFINITION_RE.test(s) || MISTAKEN_RE.test(s);
}

/**
 * A sentence about another's trouble: other places' systems or places in general ("LPSE di daerah lain sempat
 * diretas"), one user's own line ("koneksi internet di kantornya terputus"), or past years' tallies.
 */
function elsewhere(s: string): boolean {
  return (OTHER_PLACES_RE.test(s) && !PDN_RE.test(s)) || USER_LINE_RE.test(s) || TALLY_RE.test(s);
}

/** Does a sentence beside the system's state a malfunction (not denied, not supposed)? */
function statesMalfunction(s: string | undefined): boolean {
  if (!s || !MALFUNCTION_RE.test(s) || supposes(s)) return false;
  NEGATED_MALFUNCTION_RE.lastIndex = 0;
  return MALFUNCTION_RE.test(statedPart(s.replace(NEGATED_MALFUNCTION_RE, ' ')));
}

/** A headline that names the system and only denies its malfunction: "Ahli: Server LPSE Tak Pernah Down". */
function deniedInHeadline(title: string): boolean {
  if (!title || !SYSTEM_RE.test(title)) return false;
  NEGATED_MALFUNCTION_RE.lastIndex = 0;
  if (!NEGATED_MALFUNCTION_RE.test(title)) return false;
  return !statesMalfunction(title);
}

/**
 * A notice of a window to come: the lead's sentences that name a service window give days, all after the publication
 * date ("LPSE … tidak dapat diakses pada Minggu, 15 Desember 2024" in a page dated 10 December). A report dates its
 * outage on or before its publication.
 */
function windowAhead(ctx: ExtractContext): boolean {
  const published = ctx.published;
  if (!published || !WINDOW_RE.test(ctx.text.slice(0, 1200))) return false;
  const year = Number(published.slice(0, 4));
  let ahead = 0;
  for (const { text: s } of ctx.sentences.slice(0, 8)) {
    if (!WINDOW_RE.test(s)) continue;
    WINDOW_DATE_RE.lastIndex = 0;
    for (let m = WINDOW_DATE_RE.exec(s); m; m = WINDOW_DATE_RE.exec(s)) {
      const [d, mo, y] = m[1]
        ? [Number(m[1]), MONTHS[(m[2] ?? '').toLowerCase()] ?? 0, Number(m[3])]
        : m[4]
          ? [Number(m[4]), Number(m[5]), Number(m[6])]
          : [Number(m[7]), Number(m[8]), year];
      if (!mo || mo > 12 || !d || d > 31) continue;
      const day = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (day <= published) return false;
      ahead++;
    }
  }
  return ahead > 0;
}

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

export interface RelevanceValue {
  is_incident: boolean;
  /**
   * How many sentences tie a procurement system to a malfunction, less the genre penalties (a guide, a trial, a
   * notice of work to come…); the penalties are weighed only when the sentences alone would make an incident.
   */
  score: number;
}

/**
 * @example extractIsIncident(ctx("Server LPSE Kabupaten Gresik Error…tidak bisa diakses sejak Jumat sore")) → { value: { is_incident: true } }
 */
export function extractIsIncident(ctx: ExtractContext, language: string): Extracted<RelevanceValue> {
  // Javanese regional news reports Indonesian LPSEs in Javanese: its sentences still name LPSE and its Indonesian terms
  if (
    language !== 'ind' &&
    language !== 'jav' &&
    !(language === 'eng' && INDONESIAN_SYSTEM_RE.test(`${ctx.title}\n${ctx.text}`))
  )
    return { value: { is_incident: false, score: 0 }, evidence: [{ text: `language ${language}` }], confidence: 0.8 };
  const evidence: { text: string }[] = [];
  let score = 0;
  const title = ctx.title;
  const lines = [title, ...ctx.sentences.map((s) => s.text)];
  let systemMentions = 0;
  for (const [i, s] of lines.entries()) {
    if (!s) continue;
    const sys = SYSTEM_RE.test(s);
    if (!sys) continue;
    systemMentions++;
    // most lines naming the system name no malfunction, nor does a line beside them: nothing to read further
    const own = MALFUNCTION_RE.test(s) || SITE_UNOPENED_RE.test(s);
    const beside = !own && i > 0 && (statesMalfunction(lines[i - 1]) || statesMalfunction(lines[i + 1]));
    if (!own && !beside) continue;
    // "Jaringan Pemkot Down, LPSE Aman": the malfunction in a line that calls the system safe is another's
    if (DENIAL_RE.test(s) || supposes(s) || SYSTEM_SAFE_RE.test(s) || elsewhere(s)) continue;
    const affirmed = own ? statedPart(affirmedPart(s)) : '';
    if (own && (MALFUNCTION_RE.test(affirmed) || SITE_UNOPENED_RE.test(affirmed))) {
      score += i === 0 ? 2 : 1;
      if (evidence.length < 3) evidence.push({ text: clip(s) });
    } else if (beside || (i > 0 && (statesMalfunction(lines[i - 1]) || statesMalfunction(lines[i + 1])))) {
      // the system in one sentence, its malfunction in the next: "…hilang dari akun LPSE. … mengalami kesalahan teknis."
      score += 0.5;
      if (evidence.length < 3) evidence.push({ text: clip(s) });
    }
  }
  if (systemMentions && PDN_OUTAGE_RE.test(ctx.text)) score += 1;
  // penalties only lower the score: without enough evidence of an outage there is nothing for them to decide
  if (score < 1 || !systemMentions)
    return { value: { is_incident: false, score }, evidence, confidence: Math.min(0.95, 0.5 + Math.abs(score) * 0.1) };
  const head = `${title}\n${ctx.text.slice(0, 3000)}`;
  let penalty = 0;
  const lead = `${title}\n${ctx.text.slice(0, 600)}`;
  if (NOT_A_REPORT_RE.test(head) || EVENT_GENRE_RE.test(lead)) penalty += 2;
  if (OPINION_HEAD_RE.test(title) || OPINION_RE.test(ctx.text)) penalty += 2;
  if (countMatches(TENDER_FIELD_RE, head) >= 2) penalty += 2;
  if (QA_RE.test(head) || countMatches(NUMBERED_QUESTION_RE, head) >= 2) penalty += 2;
  if (
    DENIAL_RE.test(ctx.text) ||
    RUMOUR_DENIED_RE.test(ctx.text) ||
    NEVER_DOWN_RE.test(ctx.text) ||
    (ctx.text.includes('pernah') && NEVER_DOWN_AFTER_RE.test(ctx.text))
  )
    penalty += 2;
  if (deniedInHeadline(title)) penalty += 2;
  // a guide's headline ("5 Cara Mengatasi Error…") names the genre for the whole text
  if (HOWTO_RE.test(head)) penalty += HOWTO_RE.test(title) ? 4 : 2;
  if (OTHER_SERVICE_RE.test(head) && systemMentions <= 1) penalty += 3;
  if (PLANNED_RE.test(head) || FUTURE_STOP_RE.test(lead) || windowAhead(ctx)) penalty += 3;
  // only a headline names the safe system as the story: in the body it is a neighbour ("LPSE Kabupaten X tidak
  // terdampak") beside a real outage
  if (SYSTEM_SAFE_RE.test(title)) penalty += 2;
  const net = score - penalty;
  return {
    value: { is_incident: net >= 1 && systemMentions >= 1, score: net },
    evidence,
    confidence: Math.min(0.95, 0.5 + Math.abs(net) * 0.1),
  };
}
