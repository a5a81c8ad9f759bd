/**
 * The officials field decider, reading the annotations of `../officials/` (quotations and attributions with their
 * offsets, speaker phrases parsed into name and role). Officials and quotes: every named person quoted or paraphrased, with the role as written, the organisation, the
 * stance, and each direct quotation credited to the person who said it, or to nobody. A speaker model reads the text
 * in order and follows who is speaking: a named speaker (`"…," kata Kepala LPSE Bartim Abdul Gafur`, `Yanto tohir,
 * salah satu rekanan mengungkapkan`, `Menurut Sapta,`), a pronoun pointing back to that speaker (`katanya`, `ujar dia`,
 * `Ia menambahkan`, `Dikatakannya`), even across paragraphs, or a speaker the text leaves unnamed (`kata seorang
 * kontraktor`), whose quotations are nobody's. A new named speaker always takes over; a person introduced with an
 * appositive after the speaker ("Keluhan datang dari Nama, Ketua Asosiasi X.") is whom a following pronoun means.
 * Bylines, photo credits and "Baca juga" lines are gone before this runs; initials ("HK") are never names.
 */
import type { Extracted, Official, Span } from '../../types/index.ts';
import type { ExtractContext } from '../context.ts';
import { INDEFINITE_SUBJECT_RE, POINTING_BACK_NOUNS, WRITTEN_SOURCE_RE } from '../lexicon/speech.ts';
import { ROLE_HEADS } from '../lexicon/titles.ts';
import { type Attribution, attributions } from '../officials/attributions.ts';
import { paragraphsOf, type Quotation, quotations } from '../officials/quotations.ts';
import {
  ID_RELATIVE_RE,
  introducedIn,
  normName,
  organizationOf,
  parseWho,
  phraseAfter,
  phraseBefore,
  samePerson,
  stanceOf,
  type Who,
} from '../officials/who.ts';
import { alternation, clip } from '../text-helpers.ts';

/** The speaker the text is following: people, or someone it does not name, with where they last spoke. */
interface Current {
  people: Official[] | 'unnamed';
  para: number;
  sentence: number;
}

const ROLE_HEAD_SET = new Set(ROLE_HEADS);
/** Roles of one word that name an office without a unit after them: "kata Bupati", "ujar Sekda". */
const ONE_WORD_ROLES = new Set(['bupati', 'wabup', 'walikota', 'gubernur', 'wagub', 'sekda', 'camat', 'kapolres']);

/** Paragraphs a quotation with no attribution of its own may stand after its speaker's last words. */
const CARRY_PARAGRAPHS = 2;

/**
 * A sentence that points back to the words before it and then introduces their speaker: "Hal itu disampaikan…",
 * "Demikian dikatakan…", "Keluhan tersebut diungkapkan…", "Pernyataan ini ditegaskan…".
 */
const POINTS_BACK_RE = new RegExp(
  `^\\W*(?:(?:${alternation(POINTING_BACK_NOUNS)})\\s+(?:itu|ini|tersebut)|demikian|begitu(?:lah)?)\\s+(?:juga\\s+|pula\\s+)?(?:(?:di|ter)[a-z]+(?:kan|i)?|ungkap|kata|ujar|papar|jelas|tutur)\\b`,
  'i',
);

/** Openers before a sentence's subject: "Sementara itu,", "Di sisi lain,", "Di tempat terpisah,". */
const SUBJECT_OPENER_RE =
  /^\W*(?:sementara\s+itu|di\s+sisi\s+lain|di\s+tempat\s+(?:lain|terpisah)|secara\s+terpisah|adapun|namun|selain\s+itu|meanwhile)\s*,?\s*/i;

/** Punctuation alone between a quotation and a bare verb: `…," kata`, `…” ujarnya`, `…". Kata`. */
const TRAILING_GAP_RE = /^[\s,.;:!?…—–-]{0,6}$/;
/** A pronoun alone between a quotation and an active verb: `“…,” ia menambahkan`. */
const PRONOUN_GAP_RE = /^[\s,]*(?:dia|ia|beliau|he|she|they)\s*$/i;
/**
 * A speaker introduced right before a quotation without a verb: `Andi Akmal, “…`, `Nama: "…"`, `Saat dimintai
 * tanggapan, Ketua LSM X Nama “…”`. What may open such a sentence before the speaker phrase.
 */
const LEAD_IN_OPENING_RE =
  /^(?:(?:saat|ketika|sewaktu|waktu|usai|seusai|sementara\s+itu)\s*,?\s+)?(?:(?:di|ter)?(?:konfirmasi|hubungi|temui|wawancarai|tanya)\w*|dimintai\s+(?:tanggapan|keterangan|komentar|konfirmasi|penjelasan))(?:\s+(?:terpisah|secara\s+terpisah|wartawan|media\s+ini))?\s*,?\s*/i;

function sentenceIndexAt(ctx: ExtractContext, at: number): number {
  const ss = ctx.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(ss.length - 1, lo - 1));
}

const squash = (s: string) => s.replace(/[\s,]+/g, '');

/** Whether attribution `a` is the one right after quotation `q` (`"…," kata X`, `“…,” Siburian said`). */
function trails(text: string, q: Quotation, a: Attribution): boolean {
  if (a.para !== q.para) return false;
  if (!q.closed) {
    // a quotation left open: its attribution is inside, after a comma or a full stop ("…, kata Akmal.")
    return a.kind === 'bare' && a.at > q.start && /[,.]\s*$/.test(text.slice(Math.max(q.start, a.at - 3), a.at));
  }
  if (a.from < q.after) return false;
  if (a.kind !== 'active') return TRAILING_GAP_RE.test(text.slice(q.after, a.at));
  const between = text.slice(q.after, a.at);
  if (a.speaker === 'pronoun') return PRONOUN_GAP_RE.test(between);
  // `“…,” PS-DBM spokesperson Maria Cristina Dela Paz said`: the speaker phrase, perhaps after lower-case role words
  if (!a.phrase || between.length > 150 || /["“”.!?]/.test(between.replace(/\b[A-Z][a-z]{0,4}\.|\.\w/g, '')))
    return false;
  return squash(between).includes(squash(a.phrase.split(',')[0] ?? ''));
}

/**
 * @example extractOfficials(ctx('"Ada komponen perangkat keras yang rusak…," kata Kepala LPSE Bartim Abdul Gafur'))
 *   → { value: [{ name: "Abdul Gafur", role: "Kepala LPSE Bartim", stance: "official", quotes: ["Ada komponen…"] }] }
 */
export function extractOfficials(ctx: ExtractContext): Extracted<Official[]> {
  const people: Official[] = [];
  const evidence: Span[] = [];
  const text = ctx.text;
  // speaker phrases repeat within an article ("kata Gafur" several times): parse each once per article
  const memo = new Map<string, Who | null>();
  const who = (phrase: string): Who | null => {
    let w = memo.get(phrase);
    if (w === undefined) {
      w = parseWho(phrase);
      memo.set(phrase, w);
    }
    return w;
  };
  const add = (w: Who, sentence: string): Official => {
    let p = people.find((o) => samePerson(o.name, w.name));
    if (!p) {
      p = { name: w.name, role: w.role, organization: organizationOf(w.role), stance: stanceOf(w.role), quotes: [] };
      people.push(p);
      evidence.push({ text: clip(sentence) });
    } else {
      if (w.name.length > p.name.length && normName(w.name).length > normName(p.name).length) p.name = w.name;
      if (!p.role && w.role) {
        p.role = w.role;
        p.organization = organizationOf(w.role);
        p.stance = stanceOf(w.role);
      }
    }
    return p;
  };

  const paragraphs = paragraphsOf(ctx.sentences);
  const paraRank = new Map(paragraphs.map((p, i) => [p.para, i]));
  const quotes = quotations(text, paragraphs);
  const attrs = attributions(ctx.sentences, quotes, who, text);

  let current: Current | null = null;
  /** Sentence of the last named speaker: a person introduced after it may be whom a pronoun means. */
  let lastNamed = -1;
  const introducedMemo = new Map<number, Who | null>();
  const subjectMemo = new Map<number, Who | null>();
  const introducedAt = (j: number): Who | null => {
    let w = introducedMemo.get(j);
    if (w === undefined) {
      w = introducedIn(ctx.sentences[j]!.text, who);
      introducedMemo.set(j, w);
    }
    return w;
  };
  /**
   * `"…," kata Kepala LPSE Bartim` after "Kepala LPSE Kabupaten Barito Timur, Abdul Gafur" spoke: a speaker given by
   * role alone is the one person already speaking whose role opens with the same words (the head and the unit after
   * it: "Kepala LPSE", "Kepala Dinas"; a one-word role such as "Bupati" or "Sekda" alone).
   */
  const byRole = (phrase: string): Official[] | null => {
    const words = phrase
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    const head = words[0] ?? '';
    const unit = ROLE_HEAD_SET.has(head) && !ONE_WORD_ROLES.has(head);
    if (!unit && !ONE_WORD_ROLES.has(head)) return null;
    if (unit && words.length < 2) return null;
    const key = unit ? words.slice(0, 2).join(' ') : head;
    const match = people.filter((p) => {
      const role = (p.role ?? '').toLowerCase();
      return role === key || role.startsWith(`${key} `);
    });
    return match.length === 1 ? match : null;
  };
  /** A person introduced with an appositive in sentences `from`..`to` (the last cut at offset `cut`), or null. */
  const introducedBetween = (from: number, to: number, cut: number, para: number | null): Who | null => {
    for (let j = to; j >= from && j >= 0; j--) {
      const s = ctx.sentences[j]!;
      if (para !== null && s.para !== para) break;
      const w = j === to ? introducedIn(s.text.slice(0, Math.max(0, cut - s.start)), who) : introducedAt(j);
      if (w) return w;
    }
    return null;
  };
  const speakerOf = (a: Attribution): Official[] | 'unnamed' | null => {
    const sentence = ctx.sentences[a.sentence]!.text;
    if (a.speaker === 'unnamed') return (a.phrase && byRole(a.phrase)) || 'unnamed';
    if (a.speaker !== 'pronoun') {
      lastNamed = a.sentence;
      return a.speaker.map((w) => add(w, sentence));
    }
    // "Keluhan datang dari Nama, Ketua Asosiasi X. "…," katanya.": the pronoun means the person just introduced
    const intro = introducedBetween(lastNamed + 1, a.sentence, a.at, a.para);
    const prev = current && current.people !== 'unnamed' ? current.people : null;
    if (intro && !prev?.some((p) => samePerson(p.name, intro.name))) {
      lastNamed = a.sentence;
      return [add(intro, sentence)];
    }
    // "Kepala Dinas Kominfo Nama juga hadir di lokasi. "…," ujarnya.": someone else named as a sentence's subject since
    // the speaker last spoke makes the pronoun unclear
    if (prev && current && otherSubject(current.sentence + 1, a.sentence, prev)) return 'unnamed';
    return current ? current.people : null;
  };
  /**
   * Whether sentence `j` opens with someone unnamed as its subject ("Seorang penyedia mengeluh."): not inside a
   * quotation (the speaker's own words), not with a named attribution of its own.
   */
  const unnamedOpens = (j: number): boolean => {
    const s = ctx.sentences[j]!;
    if (!INDEFINITE_SUBJECT_RE.test(s.text)) return false;
    if (quotes.some((q) => s.start >= q.start && s.start < q.end)) return false;
    return !attrs.some((a) => a.sentence === j && a.speaker !== 'pronoun' && a.speaker !== 'unnamed');
  };
  /**
   * A person other than `people` named as the subject opening a sentence `from`..`to` without a speech verb, or someone
   * unnamed opening one.
   */
  const otherSubject = (from: number, to: number, people: readonly Official[]): boolean => {
    for (let j = Math.max(0, from); j <= to; j++) {
      let w = subjectMemo.get(j);
      if (w === undefined) {
        const s = ctx.sentences[j]!;
        // a sentence with its own attribution has had its speaker taken already
        const attributed = attrs.some((a) => a.sentence === j);
        // ("Kepala Dinas X Nama juga hadir": the lower-case words after the name are not part of it)
        // ("Sementara itu, Ketua Gapensi X, Nama.": an opener before the subject is not part of it)
        const phrase = attributed
          ? ''
          : phraseAfter(s.text.slice(0, 200).replace(SUBJECT_OPENER_RE, '')).replace(/(?:\s+[a-z]+)+$/, '');
        const found = phrase ? who(phrase) : null;
        // the subject is a person opening the sentence: by a title ("Kepala Dinas X Nama") or by the name itself
        const head = (phrase.split(/[\s,]+/)[0] ?? '').toLowerCase();
        const opens = found && (ROLE_HEAD_SET.has(head) || phrase.startsWith(found.name));
        w = found && opens && (found.role || normName(found.name).length >= 2) ? found : null;
        subjectMemo.set(j, w);
      }
      const named = w;
      if (named && !people.some((p) => samePerson(p.name, named.name))) return true;
      // "Seorang penyedia mengeluh.": someone unnamed took the floor (a sentence with its own named attribution has
      // had its speaker taken already)
      if (!named && unnamedOpens(j)) return true;
    }
    return false;
  };
  /** `Andi Akmal, “…`, `Saat dimintai tanggapan Ketua LSM X Nama yang berada di Y “…`: the speaker before the mark. */
  const leadIn = (q: Quotation, sIdx: number): Official[] | null => {
    const s = ctx.sentences[sIdx]!;
    let head = text.slice(s.start, q.open).replace(LEAD_IN_OPENING_RE, '');
    head = head.replace(/[\s,:]+$/, '');
    const relative = head.includes(' yang ') ? ID_RELATIVE_RE.exec(head) : null;
    if (relative) head = head.slice(0, relative.index);
    if (!head || head.length > 160) return null;
    const phrase = phraseAfter(head);
    if (squash(phrase) !== squash(head)) return null;
    const w = who(phrase);
    // one capitalised word before a mark is as often a noun opening the sentence ("Ketik "…"", "Tampilan yang
    // muncul: "…"") as a name: a speaker without a verb needs a role or two names
    if (!w || !(w.role || normName(w.name).length >= 2)) return null;
    lastNamed = sIdx;
    return [add(w, s.text)];
  };

  /**
   * `"…," katanya. Hal itu disampaikan Kepala LPSE X, Nama.`, `"…." Keluhan itu diungkapkan Nama, Direktur CV Y.`: the
   * sentence after a quotation no one was credited with opens by pointing back to it and names its speaker (in the
   * same paragraph, or opening the next one).
   */
  const pointedBack = (q: Quotation): Official[] | null => {
    const last = sentenceIndexAt(ctx, Math.max(q.open, q.after - 1));
    const next = ctx.sentences[last + 1];
    if (!next || next.start < q.after - 1) return null;
    if (next.para !== q.para && (paraRank.get(next.para) ?? 0) - (paraRank.get(q.para) ?? 0) !== 1) return null;
    if (!POINTS_BACK_RE.test(next.text)) return null;
    // the attribution of the pointing words themselves: "Hal itu disampaikan X", "Demikian kata X"
    const a = attrs.find((x) => x.sentence === last + 1 && x.at - next.start < 40 && Array.isArray(x.speaker));
    if (!a || !Array.isArray(a.speaker)) return null;
    lastNamed = a.sentence;
    return a.speaker.map((w) => add(w, next.text));
  };

  /** The words before quotation `q` in its sentence name a written source and no speaker. */
  const writtenSource = (q: Quotation, sIdx: number): boolean => {
    const s = ctx.sentences[sIdx]!;
    const head = text.slice(s.start, q.open);
    if (!WRITTEN_SOURCE_RE.test(head)) return false;
    // "Dikonfirmasi lewat pesan singkat, ia mengatakan, "…"": a speaker, named or a pronoun, says it
    return !attrs.some((a) => a.sentence === sIdx && a.from < q.open && a.speaker !== 'unnamed');
  };

  const credited = new Map<number, Official[]>();
  const consumed = new Set<number>();
  let ai = 0;
  const credit = (qi: number, q: Quotation, to: Official[]) => {
    credited.set(qi, to);
    const prevPiece = q.continues !== null ? quotes[q.continues] : undefined;
    const prevTo = q.continues !== null ? credited.get(q.continues) : undefined;
    for (const p of to) {
      // a quotation over several paragraphs is one quotation
      const joined = prevPiece && prevTo?.includes(p) ? p.quotes.findIndex((t) => t.endsWith(prevPiece.text)) : -1;
      if (joined >= 0) p.quotes[joined] = `${p.quotes[joined]} ${q.text}`;
      else if (!p.quotes.includes(q.text)) p.quotes.push(q.text);
    }
    const start = ctx.article.text.indexOf(q.text);
    evidence.push(start >= 0 ? { text: q.text, start, end: start + q.text.length } : { text: q.text });
  };
  const apply = (a: Attribution) => {
    const sp = speakerOf(a);
    if (a.agrees) return;
    if (sp) current = { people: sp, para: a.para, sentence: a.sentence };
  };

  for (const [qi, q] of quotes.entries()) {
    // every attribution before the quotation moves the speaker on
    while (ai < attrs.length && attrs[ai]!.from < q.open) {
      if (!consumed.has(ai)) apply(attrs[ai]!);
      ai++;
    }
    if (!q.speech) continue;
    const sIdx = sentenceIndexAt(ctx, q.open);
    let to: Official[] | 'unnamed' | null = null;
    // 1. the attribution right after it: `"…," kata X`, `"…," ujarnya`, `"…," kata seorang kontraktor`
    for (let k = ai; k < attrs.length; k++) {
      const a = attrs[k]!;
      if (a.para !== q.para || (q.closed && a.from > q.after + 200)) break;
      if (consumed.has(k) || a.agrees || !trails(text, q, a)) continue;
      consumed.add(k);
      to = speakerOf(a);
      break;
    }
    // 2. a quotation continued from the paragraph before keeps its speaker
    if (to === null && q.continues !== null) to = credited.get(q.continues) ?? null;
    // 2b. words of a document, a notice or a post: `Dalam pengumuman itu tertulis, "…"` is no one's, unless the
    // sentence names who says it before the mark
    if (to === null && writtenSource(q, sIdx)) to = 'unnamed';
    // 3. the speaker of this paragraph: `X mengatakan, "…"`, `"…," kata X, "…"`
    // `current` is also moved inside apply() and speakerOf(): TypeScript cannot see that here
    const cur = current as Current | null;
    if (to === null && cur && cur.para === q.para) to = cur.people;
    // 4. a speaker written right before the mark without a verb: `Andi Akmal, “…`
    if (to === null) to = leadIn(q, sIdx);
    // 5. a quotation standing on its own after its speaker's paragraph, unless someone else came in between
    if (to === null && cur && cur.people !== 'unnamed') {
      const gap = (paraRank.get(q.para) ?? 0) - (paraRank.get(cur.para) ?? 0);
      const last: Official[] = cur.people;
      const other = gap > 0 && gap <= CARRY_PARAGRAPHS ? introducedBetween(cur.sentence + 1, sIdx, q.open, null) : null;
      if (
        gap > 0 &&
        gap <= CARRY_PARAGRAPHS &&
        !(other && !last.some((p) => samePerson(p.name, other.name))) &&
        !otherSubject(cur.sentence + 1, sIdx, last)
      )
        to = last;
    }
    // 6. a sentence right after it that points back to it and names the speaker: `"…." Hal itu disampaikan X`
    if (to === null) to = pointedBack(q);
    if (to === null) continue;
    current = { people: to, para: q.para, sentence: sentenceIndexAt(ctx, Math.max(q.open, q.end - 1)) };
    if (to !== 'unnamed') {
      // a quotation over several paragraphs whose speaker is named only after its last piece: every piece is theirs
      const chain: number[] = [];
      for (let c = q.continues; c !== null && !credited.has(c); c = quotes[c]?.continues ?? null) chain.unshift(c);
      for (const c of chain) credit(c, quotes[c]!, to);
      credit(qi, q, to);
    }
  }
  while (ai < attrs.length) {
    if (!consumed.has(ai)) apply(attrs[ai]!);
    ai++;
  }

  // a speaker named bare where quoted ("tukas Abu Bakar") often has an appositive elsewhere: "Asisten II Setda
  // Tebo, Abu Bakar." — take the role (and the fuller name) from there
  for (const p of people) {
    if (p.role) continue;
    const last = normName(p.name).at(-1);
    if (!last) continue;
    for (const s of ctx.sentences) {
      const lower = s.text.toLowerCase();
      let at = lower.indexOf(last);
      while (at >= 0) {
        const end = at + last.length;
        const head = s.text.slice(0, end);
        const tail = /^[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*(?:\s*,\s*[^,.;"“”]{3,80})?/u.exec(s.text.slice(end))?.[0] ?? '';
        const found = who(`${phraseBefore(head)}${phraseAfter(tail)}`.replace(/\s+,/g, ','));
        if (found && samePerson(found.name, p.name)) {
          if (normName(found.name).length > normName(p.name).length) p.name = found.name;
          if (!p.role && found.role) {
            p.role = found.role;
            p.organization = organizationOf(found.role);
            p.stance = stanceOf(found.role);
          }
        }
        if (p.role) break;
        at = lower.indexOf(last, end);
      }
      if (p.role) break;
    }
  }
  return { value: people, evidence, confidence: people.length ? 0.7 : 0.5 };
}
