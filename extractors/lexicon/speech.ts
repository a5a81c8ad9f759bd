/**
 * Speech vocabulary of Indonesian news (with the Javanese and English forms the corpus has): speech verbs in their
 * bare form, used after a quote (`"…," kata X`), their me- and ber- forms that follow the speaker (`X mengatakan`),
 * passive and "menurut" forms that introduce the speaker (`Dikatakan X,`, `Menurut X,`), and the pronouns that
 * point back to a speaker (`katanya`, `ujar dia`). One list per form; the regexes are compiled from them once.
 */
import { alternation } from '../text.ts';

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
  // English reports: "Minister X confirmed that…", "the spokesperson told reporters"
  'confirmed',
  'explained',
  'stated',
  'told',
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
/** Pronouns as speakers: the quote belongs to the last named speaker. */
export const PRONOUNS = ['dia', 'ia', 'beliau', 'nya', 'mereka', 'pihaknya', 'dirinya', 'saya', 'kami', 'he', 'she'];

/** A bare verb after a quote or a clause: `"…," kata Kepala LPSE Bartim Abdul Gafur`, `…, ujarnya`. */
export const SPEECH_BARE_RE = new RegExp(
  `(?:^|[,.!?"“”'’…)]\\s*)(?<verb>${alternation(SPEECH_VERBS_BARE)})(?<nya>nya)?\\b`,
  'gi',
);
/** A form that introduces the speaker after it: `Menurut Sapta,`, `Dikatakannya,`, `Hal senada disampaikan oleh…`. */
export const SPEECH_INTRO_RE = new RegExp(`\\b(?<verb>${alternation(SPEECH_INTRO)})(?<nya>nya)?\\b`, 'gi');
/** An active verb after the speaker: `Yanto tohir, salah satu rekanan mengungkapkan`. */
export const SPEECH_ACTIVE_RE = new RegExp(`\\b(?:${alternation(SPEECH_VERBS_ACTIVE)})\\b`, 'gi');
/** Any speech word: sentences without one are skipped before the attribution passes. */
export const ANY_SPEECH_RE = new RegExp(
  `\\b(?:${alternation([...SPEECH_VERBS_BARE, ...SPEECH_INTRO, ...SPEECH_VERBS_ACTIVE])})`,
  'i',
);
