/**
 * Language of an article, ISO 639-3. franc alone confuses Indonesian (ind) with Malay (zlm) and is slow on long
 * text, so the page's lang, the domain, and words that only one of the two languages uses come first; franc runs
 * restricted with `only` on a sample.
 */
import { franc } from 'franc';
import type { Extracted } from '../../types/index.ts';
import type { ExtractContext } from '../context.ts';

/** Function words of English; a text dense in them is English. */
const ENGLISH_WORDS = ['the', 'of', 'and', 'to', 'is', 'was', 'that', 'with', 'for', 'are', 'has', 'have', 'from'];
/** Function words shared by Indonesian and Malay. */
const MALAY_FAMILY_WORDS = ['yang', 'dan', 'di', 'ke', 'dari', 'ini', 'itu', 'dengan', 'untuk', 'dalam', 'akan'];
/** Words (or spellings) Indonesian uses and Malaysian Malay does not. */
const INDONESIAN_ONLY = [
  'bisa',
  'karena',
  'tersebut',
  'saat',
  'kabupaten',
  'pemkab',
  'pemerintah',
  'kantor',
  'dikatakan',
  'mengatakan',
  'sejak',
  'hingga',
  'belum',
  'aplikasi',
  'rekanan',
  'lelang',
  'jaringan',
  'tidak bisa',
  'server',
  'kota',
  'kemarin',
  'sekarang',
];
/** Words (or spellings) Malaysian Malay uses and Indonesian does not. */
const MALAY_ONLY = [
  'kerana',
  'boleh',
  'sahaja',
  'ialah',
  'semasa',
  'dipaparkan',
  'soalan',
  'lazim',
  'ralat',
  'punca',
  'perkhidmatan',
  'bahagian',
  'maklumat',
  'mempunyai',
  'kerajaan',
  'mencipta',
  'penggiliran',
  'kelulusan',
  'tempoh',
  'dijana',
  'pautan',
  'tarikh',
  'nombor',
  'sistem eperolehan',
  'perolehan',
];

/** Javanese function words no Indonesian text uses: a Javanese report has more of these than Malay-family ones. */
const JAVANESE_ONLY = [
  'ora',
  'sing',
  'lan',
  'karo',
  'amarga',
  'menawa',
  'kasebut',
  'wiwit',
  'nganti',
  'wis',
  'durung',
  'arep',
  'padha',
  'marang',
  'saka',
  'iku',
  'kuwi',
  'iki',
  'banjur',
  'nalika',
  'kanggo',
  'ing',
];
const wordSet = (ws: readonly string[]) => new Set(ws.filter((w) => !w.includes(' ')));
const ENGLISH_SET = wordSet(ENGLISH_WORDS);
const MALAY_FAMILY_SET = wordSet(MALAY_FAMILY_WORDS);
const INDONESIAN_SET = wordSet(INDONESIAN_ONLY);
const MALAY_SET = wordSet(MALAY_ONLY);
const JAVANESE_SET = wordSet(JAVANESE_ONLY);
const WORD_RE = /[a-z]+/g;

/**
 * Scripts other than Latin, each with the language it means here (ISO 639-3) and its code points: a page mostly in
 * kana is Japanese, in Hangul Korean, in Han characters alone Chinese. Checked first: the word counts read Latin
 * letters only.
 */
const SCRIPTS: readonly (readonly [lo: number, hi: number, lang: string])[] = [
  [0x3040, 0x30ff, 'jpn'],
  [0xac00, 0xd7af, 'kor'],
  [0x4e00, 0x9fff, 'zho'],
  [0x0600, 0x06ff, 'ara'],
  [0x0e00, 0x0e7f, 'tha'],
  [0x0400, 0x04ff, 'rus'],
];
/** Latin letters: A–Z, a–z, U+00C0–U+024F. */
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
/** Languages franc may answer when the word counts decide nothing (French and Spanish wire copy of Indonesian news). */
const FRANC_LANGUAGES = ['ind', 'zlm', 'eng', 'jav', 'sun', 'fra', 'spa', 'por', 'deu', 'nld', 'ita'];

/**
 * The script-given language of a text mostly in a non-Latin script, or null. One pass counts the UTF-16 code units
 * of each script (matching every character with a regex built an array as long as the text).
 */
function scriptLanguage(sample: string): string | null {
  let latin = 0;
  const counts: number[] = new Array(SCRIPTS.length).fill(0);
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      if (isLatin(c)) latin++;
      continue;
    }
    if (isLatin(c)) {
      latin++;
      continue;
    }
    for (let k = 0; k < SCRIPTS.length; k++) {
      const [lo, hi] = SCRIPTS[k]!;
      if (c >= lo && c <= hi) {
        counts[k]!++;
        break;
      }
    }
  }
  // kana beside Han is Japanese; Han alone is Chinese
  const kana = counts[0]!;
  for (const [k, [, , lang]] of SCRIPTS.entries()) {
    const n = counts[k]!;
    if (n > latin && n >= 20) return lang === 'zho' && kana >= 5 ? 'jpn' : lang;
  }
  return null;
}

/** How many characters of the text franc sees. */
const FRANC_SAMPLE = 2000;

/** Maps a page's declared lang ("id-ID", "ms", "en-US") to ISO 639-3. */
const LANG_TAGS: Record<string, string> = {
  id: 'ind',
  in: 'ind',
  ind: 'ind',
  ms: 'zlm',
  msa: 'zlm',
  zlm: 'zlm',
  en: 'eng',
  eng: 'eng',
  jv: 'jav',
  su: 'sun',
};

/**
 * @example extractLanguage(ctx("Server LPSE tidak bisa diakses sejak Senin…")) → { value: "ind", … }
 */
export function extractLanguage(ctx: ExtractContext): Extracted<string> {
  const sample = `${ctx.title}\n${ctx.text}`.slice(0, 3000).toLowerCase();
  const script = scriptLanguage(sample);
  if (script) return { value: script, evidence: [{ text: `script: ${script}` }], confidence: 0.9 };
  const words = sample.match(WORD_RE) ?? [];
  let en = 0;
  let family = 0;
  let ind = 0;
  let zlm = 0;
  let jv = 0;
  for (const w of words) {
    if (JAVANESE_SET.has(w)) jv++;
    if (ENGLISH_SET.has(w)) en++;
    if (MALAY_FAMILY_SET.has(w)) family++;
    if (INDONESIAN_SET.has(w)) ind++;
    if (MALAY_SET.has(w)) zlm++;
  }
  const host = ctx.host ?? '';
  const declared = ctx.article.lang ? LANG_TAGS[ctx.article.lang.toLowerCase().split(/[-_]/)[0] ?? ''] : undefined;
  const evidence = [
    {
      text: `words: eng ${en}, ind/zlm ${family} (ind-only ${ind}, zlm-only ${zlm}), jav-only ${jv}; host ${host || '-'}; lang ${ctx.article.lang ?? '-'}`,
    },
  ];

  // too little text to tell (a caption, binary garbage): the page's declared language or 'und'
  if (words.length < 3 || words.join('').length < 20) return { value: declared ?? 'und', evidence, confidence: 0.2 };
  if (en > (family + ind + zlm) * 1.5 && en >= 3) return { value: 'eng', evidence, confidence: 0.9 };
  const malayFamily = family + ind + zlm;
  if (jv >= 5 && jv > malayFamily && jv > en) return { value: 'jav', evidence, confidence: 0.75 };
  if (malayFamily > en) {
    if (/\.my$/.test(host)) return { value: 'zlm', evidence, confidence: 0.9 };
    if (zlm > ind * 1.5 && zlm >= 3) return { value: 'zlm', evidence, confidence: 0.8 };
    if (/\.id$/.test(host) || ind >= zlm) return { value: 'ind', evidence, confidence: 0.85 };
  }
  if (declared) return { value: declared, evidence, confidence: 0.7 };
  const guess = franc(sample.slice(0, FRANC_SAMPLE), { only: FRANC_LANGUAGES, minLength: 10 });
  // franc confuses Indonesian with Malay on short text: Malay only on a Malay-only word (or the .my host above)
  if (guess === 'zlm' && zlm === 0) return { value: 'ind', evidence, confidence: 0.4 };
  return { value: guess === 'und' ? 'ind' : guess, evidence, confidence: 0.5 };
}
