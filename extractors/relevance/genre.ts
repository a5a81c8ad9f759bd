/**
 * Genres that talk about LPSE errors without reporting one: guides, FAQs, regulations, trials, trainings, vacancies,
 * op-eds, tender pages, notices of work to come. Each is recognised by the words or the layout that name the genre,
 * in the headline or the lead, where a genre is announced.
 */
import { alternation } from '../text-helpers.ts';

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
  'how to resolve',
  'troubleshooting',
  'tips agar',
  'tips supaya',
  'cara agar',
  'cara supaya',
  'begini cara',
  'panduan mengatasi',
  'solusi mengatasi',
  // a headline offering tips: "Gagal Unggah Dokumen? Ini Tips dari Helpdesk LPSE"
  'ini tips',
  'tips dari',
  'simak tips',
];
/** Genres that talk about LPSE errors without reporting one, by the words that name them. */
export const NOT_A_REPORT_TERMS = [
  'frequently asked questions',
  'FAQ',
  'soalan lazim',
  'standard operating procedures',
  'peraturan bupati',
  'peraturan walikota',
  'peraturan gubernur',
  'peraturan kepala',
  'menimbang',
  'apa solusinya',
  // a guide that speaks of itself ("Dalam artikel ini…"); not "Artikel ini telah tayang di…" of syndicated news
  'dalam artikel ini',
  'artikel ini membahas',
  'artikel ini akan',
  'pendahuluan',
  // a Q&A page: "Tanya Jawab Seputar SPSE"
  'tanya jawab',
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
/**
 * A court or corruption case as the story, when the headline or the lead tells it: the outage is a defendant's claim
 * or a detail of the case. Deeper in an outage report, a case is background.
 */
export const CASE_TERMS = [
  // a trial: the outage is a defendant's claim weighed in court
  'terdakwa',
  'majelis hakim',
  'dakwaan',
  'jaksa penuntut umum',
  'persidangan',
  'pengadilan tipikor',
  'saksi ahli',
  // a corruption case: bribery, suspects, arrests are the story
  'ditetapkan sebagai tersangka',
  'operasi tangkap tangan',
  'named a suspect',
  'named as a suspect',
  'named suspects',
  'graft case',
  'corruption case',
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

export const HOWTO_RE = new RegExp(`\\b(?:${alternation(HOWTO_TERMS)})\\b`, 'i');
export const CASE_RE = new RegExp(`\\b(?:${alternation(CASE_TERMS)})\\b`, 'i');
export const NOT_A_REPORT_RE = new RegExp(`\\b(?:${alternation(NOT_A_REPORT_TERMS)})\\b`, 'i');
export const EVENT_GENRE_RE = new RegExp(`\\b(?:${alternation(EVENT_GENRE_TERMS)})\\b`, 'i');
export const OPINION_HEAD_RE = new RegExp(`^\\W*(?:${alternation(OPINION_HEADS)})\\b`, 'i');
export const OPINION_RE = new RegExp(`\\b(?:${alternation(OPINION_TERMS)})\\b`, 'i');
/** Two or more "Label: value" lines of a tender page. */
export const TENDER_FIELD_RE = new RegExp(`^[ \\t]*(?:${alternation(TENDER_FIELD_LABELS)})[ \\t]*:`, 'gim');
/** A Q&A page's numbered questions: "1. Laman LPSE tidak dapat dibuka, apa yang harus saya lakukan?" */
export const NUMBERED_QUESTION_RE = /^[ \t]*\d+[.)][ \t]+[^\n]{5,200}\?[ \t]*$/gm;
/** A Q&A layout: "Q :", "Bagaimana cara…?", "S1." */
export const QA_RE = /(?:^|\n)\s*(?:Q\s*:|\d+\.\s*Q\s*:|S\d+\.\s)|\bBagaimana\s+(?:cara|bila|jika|kalau|apabila)\b/i;
/** A definition: "Keadaan kahar adalah suatu keadaan yang …, termasuk gangguan pada … sistem SPSE". */
export const DEFINITION_RE =
  /\b(?:adalah|ialah|merupakan|yaitu)\s+(?:suatu\s+|sebuah\s+)?(?:keadaan|kondisi|peristiwa|kejadian)\s+(?:yang|di\s+mana|dimana)\b/i;
/**
 * One user's account blocked or locked, the story of the headline or the lead: "Akun SPSE Kontraktor Diblokir",
 * "akun penyedia terkunci karena salah kata sandi". Not an outage of the system (the corpus labelling rules).
 */
export const ACCOUNT_LOCK_VERBS = [
  'diblokir',
  'terblokir',
  'terkunci',
  'dikunci',
  'dinonaktifkan',
  'nonaktif',
  'disuspend',
  'di-suspend',
  'dibekukan',
  'locked',
  'blocked',
  'suspended',
];
export const ACCOUNT_LOCK_RE = new RegExp(
  `\\b(?:akun|account)\\b[^.\\n]{0,40}?\\b(?:${alternation(ACCOUNT_LOCK_VERBS)})\\b`,
  'i',
);
