/**
 * Speech vocabulary of Indonesian news (with the Javanese and English forms the corpus has): speech verbs in their
 * bare form, used after a quote (`"…," kata X`), their me- and ber- forms that follow the speaker (`X mengatakan`),
 * passive and "menurut" forms that introduce the speaker (`Dikatakan X,`, `Menurut X,`), and the pronouns that
 * point back to a speaker (`katanya`, `ujar dia`). One list per form; the regexes are compiled from them once.
 */
import { alternation } from '../text-helpers.ts';

/** Bare speech verbs: `"…," kata Kepala LPSE Bartim Abdul Gafur`. */
export const SPEECH_VERBS_BARE = [
  'kata',
  'ujar',
  'ucap',
  'ungkap',
  'jelas',
  'terang',
  'tutur',
  'tegas',
  'beber',
  'kilah',
  'imbuh',
  'papar',
  'sebut',
  'tukas',
  'tandas',
  'pungkas',
  'lanjut',
  'tambah',
  'sambung',
  'keluh',
  'pinta',
  'sampai',
  'tulis',
  'aku',
  'demikian',
  // less frequent bare verbs of the same use: "…," cetus Nama; "…," timpalnya; "…," sahut Ketua X
  'cetus',
  'seloroh',
  'timpal',
  'sahut',
  'jawab',
  'sergah',
  'kelakar',
  'urai',
  'bilang',
  'tuding',
  'sindir',
  'tutup',
  // mostly in their -nya form after a quote: "…," harapnya; "…," ajaknya; "…," kenangnya
  'harap',
  'ajak',
  'tanya',
  'kenang',
  'kisah',
  'imbau',
  'saran',
  'pesan',
  // English reports: "…," said I Wayan X
  'said',
  'says',
  'added',
  // Javanese reports, the "-e/-ne" form with or without the name after it: "…," ngendikane Sri Hartini
  'ngendikane',
  'kandhane',
  'ujare',
  'tembunge',
  'critane',
];
/** Passive and prepositional forms that introduce the speaker: "Dikatakan Aris,", "Menurut Sapta,". */
export const SPEECH_INTRO = [
  'menurut',
  'dikatakan',
  'diungkapkan',
  'disampaikan',
  'dijelaskan',
  'ditegaskan',
  'diakui',
  'dituturkan',
  'diterangkan',
  'ditambahkan',
  'demikian diungkapkan',
  'demikian disampaikan',
  'demikian dikatakan',
  'diamini oleh',
  'diutarakan',
  'dilontarkan',
  'diamini',
  'according to',
  // "Hal itu dibenarkan Kepala X, Nama", "Rinciannya dipaparkan oleh Nama"
  'dibenarkan',
  'dibeberkan',
  'dipaparkan',
  'dikemukakan',
  'dibantah',
  'ditanggapi',
  // Javanese "menurut": "Miturut Sri, …"
  'miturut',
  // a reaction attributed in the passive: "Kondisi ini disesalkan anggota DPRD X, Y."
  'disesalkan',
  'disayangkan',
  'dikritik',
  'dikeluhkan',
  'dikritisi',
];
/** me- and other active verbs that follow the speaker: "Yanto tohir, salah satu rekanan mengungkapkan". */
export const SPEECH_VERBS_ACTIVE = [
  'mengatakan',
  'menjelaskan',
  'menyampaikan',
  'mengungkapkan',
  'menuturkan',
  'menegaskan',
  'membeberkan',
  'menerangkan',
  'menambahkan',
  'menyebutkan',
  'menyebut',
  'mengaku',
  'mengakui',
  'membenarkan',
  'menduga',
  'menilai',
  'menyatakan',
  'memaparkan',
  'berdalih',
  'mengimbau',
  'memastikan',
  'mengklaim',
  'menanggapi',
  'mengeluhkan',
  'menyayangkan',
  'mengonfirmasi',
  'mengkonfirmasi',
  'berkata',
  'bercerita',
  'berujar',
  'mengemukakan',
  'mengingatkan',
  'menerangkan',
  'mengungkap',
  'meminta',
  'mendesak',
  'menyoroti',
  'mengkritik',
  'menyesalkan',
  'menandaskan',
  'mengharapkan',
  'menyebutkan',
  // a second speaker's reaction: "Ketua X, Y, menyambut baik…", "Penyedia asal X, Y, berharap…"
  'menyambut',
  'berharap',
  'menyayangkan',
  'mempertanyakan',
  'mengusulkan',
  'menyarankan',
  'menekankan',
  'merinci',
  'mengutarakan',
  'menceritakan',
  'mengisahkan',
  'menginformasikan',
  'memberitahukan',
  'menghimbau',
  'menuding',
  'mencurigai',
  'mensinyalir',
  'menyangkal',
  'mengklarifikasi',
  'berpendapat',
  'berpesan',
  'menyinggung',
  'mengeluh',
  // a feeling stated is a paraphrase of speech: "Wakil Direktur PT X, Nama, merasa dirugikan"
  'merasa',
  // English reports: "Minister X confirmed that…", "the spokesperson told reporters"
  'confirmed',
  'explained',
  'stated',
  'told',
  'added',
  'noted',
  'stressed',
  'warned',
  'wrote',
  'said',
  'says',
  // a denial is speech too: "Kuasa hukum terdakwa, Nama, S.H., membantah kliennya…"
  'membantah',
  'menampik',
  'menepis',
  'menyanggah',
  // Javanese reports: "Kepala Bagian …, Sri Hartini, ngandharake yen…", "Suparno, ngaku…"
  'ngandharake',
  'nerangake',
  'njlentrehake',
  'negesake',
  'mratelakake',
  'nyritakake',
  'ngaku',
  'ngakoni',
  'ngendika',
  'ngandika',
];
/**
 * People the text does not name, as a sentence's subject: "Seorang penyedia mengeluh.", "Salah satu rekanan yang enggan
 * disebut namanya kecewa.", "Sumber di Pemkab menyebut…". A pronoun or a bare quotation after such a sentence is theirs,
 * not the speaker's before them: credited to nobody.
 */
export const INDEFINITE_QUANTIFIERS = [
  'salah seorang',
  'salah satu',
  'seorang',
  'sejumlah',
  'beberapa',
  'para',
  'sebagian',
];
export const INDEFINITE_PERSONS = [
  'penyedia',
  'kontraktor',
  'rekanan',
  'pengusaha',
  'pelaku usaha',
  'peserta',
  'warga',
  'pegawai',
  'staf',
  'karyawan',
  'petugas',
  'operator',
  'teknisi',
  'pejabat',
  'sumber',
  'narasumber',
  'anggota',
  'pria',
  'wanita',
  'perempuan',
  'pemilik',
  'direktur',
  'vendor',
  'contractor',
  'contractors',
  'bidder',
  'bidders',
  'official',
  'source',
];
/** What may open the sentence before such a subject: "Sementara itu, seorang penyedia…". */
const INDEFINITE_OPENERS = [
  'sementara itu',
  'di sisi lain',
  'di tempat lain',
  'di tempat terpisah',
  'adapun',
  'namun',
  'meanwhile',
];

/**
 * Nouns that point back to the words before them before a passive speech verb names their speaker: "Hal itu
 * disampaikan Kepala X", "Keluhan tersebut diungkapkan Nama", "Pernyataan ini ditegaskan…".
 */
export const POINTING_BACK_NOUNS = [
  'hal',
  'keluhan',
  'pernyataan',
  'penjelasan',
  'keterangan',
  'ungkapan',
  'pengakuan',
  'harapan',
  'kritik',
  'permintaan',
  'informasi',
  'kalimat',
  'ucapan',
];

/**
 * Words that introduce a quotation from a document, a notice or a post rather than a person: "Dalam pengumuman di
 * laman LPSE tertulis, "…"", "Pengumuman resmi itu berbunyi, "…"", "diunggah pengumuman: "…"". Such a quotation is
 * no one's unless a person is named as saying it in the same sentence.
 */
export const WRITTEN_SOURCE_WORDS = [
  'tertulis',
  'bertuliskan',
  'berbunyi',
  'berisi',
  'isinya',
  'bunyinya',
  'tertera',
  'termuat',
  'dimuat',
  'diunggah',
  'diumumkan',
  'mengumumkan',
  'pengumuman',
  'surat edaran',
  'surat',
  'unggahan',
  'postingan',
  'siaran pers',
  'rilis',
  'notifikasi',
  'pesan',
  'tulisan',
  'keterangan di laman',
  'reads',
  'read',
  'notice',
  'statement',
];

/** Pronouns as speakers: the quote belongs to the last named speaker. */
export const PRONOUNS = ['dia', 'ia', 'beliau', 'nya', 'mereka', 'pihaknya', 'dirinya', 'saya', 'kami', 'he', 'she'];

/**
 * A bare verb after a quote or a clause: `"…," kata Kepala LPSE Bartim Abdul Gafur`, `…, ujarnya`, and after a
 * sentence-opening "Demikian" / "Begitu" pointing back: `Demikian kata Kepala LPSE X`.
 */
export const SPEECH_BARE_RE = new RegExp(
  `(?:^|[,.!?"“”'’…)]\\s*)(?:(?:demikian|begitu|begitulah)\\s+)?(?<verb>${alternation(SPEECH_VERBS_BARE)})(?<nya>nya)?\\b`,
  'gi',
);
/** A form that introduces the speaker after it: `Menurut Sapta,`, `Dikatakannya,`, `Hal senada disampaikan oleh…`. */
export const SPEECH_INTRO_RE = new RegExp(`\\b(?<verb>${alternation(SPEECH_INTRO)})(?<nya>nya)?\\b`, 'gi');
/** An active verb after the speaker: `Yanto tohir, salah satu rekanan mengungkapkan`. */
export const SPEECH_ACTIVE_RE = new RegExp(`\\b(?:${alternation(SPEECH_VERBS_ACTIVE)})\\b`, 'gi');
/** A sentence opening with someone unnamed: "Seorang penyedia mengeluh.", "Sementara itu, beberapa rekanan…". */
export const INDEFINITE_SUBJECT_RE = new RegExp(
  `^[\\s(–—-]*(?:(?:${alternation(INDEFINITE_OPENERS)})\\s*,?\\s+)?(?:(?:${alternation(INDEFINITE_QUANTIFIERS)})\\s+(?:[a-z]+\\s+)?(?:${alternation(INDEFINITE_PERSONS)})|sumber|(?:an?|one|several|some)\\s+(?:${alternation(INDEFINITE_PERSONS)}))\\b`,
  'i',
);
/** A written source in the words before a quotation: "Dalam pengumuman itu tertulis,", "Isi surat edaran:". */
export const WRITTEN_SOURCE_RE = new RegExp(`\\b(?:${alternation(WRITTEN_SOURCE_WORDS)})(?:nya)?\\b`, 'i');
/** Any speech word: sentences without one are skipped before the attribution passes. */
export const ANY_SPEECH_RE = new RegExp(
  `\\b(?:${alternation([...SPEECH_VERBS_BARE, ...SPEECH_INTRO, ...SPEECH_VERBS_ACTIVE])})`,
  'i',
);
