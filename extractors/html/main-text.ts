/**
 * The main text of a page, in one pass over the tree and a second over the chosen block, no recursion:
 *
 * 1. Every element gets its text length, link text length, commas and counts of paragraphs, list items, images
 *    and inputs, summed bottom-up (what trafilatura and readability measure: text density and link density).
 * 2. Candidates: the best known article-body selector (CONTENT_SELECTORS, trafilatura's BODY_XPATH), and the
 *    block readability's scoring prefers (paragraphs scored by length and commas, credited to their ancestors,
 *    weighted by class words, discounted by link density), with the siblings that read like its continuation.
 * 3. The fallback chain compares them and keeps the body selector unless the scored block holds clearly more
 *    plausible text; when the strict pass (boilerplate classes pruned) finds under 500 characters, a lenient pass
 *    without the class pruning is tried and the longer result kept, as readability retries with its flags off.
 * 4. Inside the chosen block, link-heavy lists, share bars and boilerplate classes are pruned, then lines are
 *    filtered: "Baca juga", credits ("Editor:", "Penulis:"), sign-offs, the repeated headline, duplicates.
 */
import {
  BOILERPLATE_LINE_RE,
  BOILERPLATE_WORDS,
  CONTENT_SELECTORS,
  CONTENT_WORDS,
  CREDIT_LINE_RE,
  HIDDEN_STYLE_RE,
  NEVER_CONTENT_ATTRS,
  NEVER_CONTENT_TAGS,
  SIGN_OFF_RE,
} from './boilerplate.ts';
import { DATE_ONLY_LINE_RE } from './dates.ts';
import {
  type ChildNode,
  compileSelector,
  type Document,
  type Element,
  matches,
  type ParentNode,
  textOf,
} from './dom.ts';

const BOILERPLATE_SET = new Set(BOILERPLATE_WORDS);
const CONTENT_SET = new Set(CONTENT_WORDS);
const NEVER_TAGS = new Set(NEVER_CONTENT_TAGS);
const CONTENT_BODIES = CONTENT_SELECTORS.map((s) => compileSelector(s));
/** WordPress puts the post's taxonomy in its classes ("tag-lpse", "category-daerah"): not boilerplate. */
const TAXONOMY_CLASS_RE = /^(?:tag|category|kategori|post|type|format|status|postid|author|single|page|hentry)-/i;
const KEEP_TAGS = new Set(['html', 'body', 'article', 'main']);
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'pre',
  'td',
  'th',
  'dd',
  'dt',
  'div',
  'section',
  'article',
  'table',
  'ul',
  'ol',
  'dl',
  'tr',
  'figure',
  'header',
  'main',
  'center',
  'br',
  'hr',
  'address',
  'details',
  'summary',
  'caption',
]);
/** Elements scored as paragraphs (readability's DEFAULT_TAGS_TO_SCORE without the headings). */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td']);
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'img',
]);
/** Blocks readability cleans "conditionally": dropped when they read like navigation rather than prose. */
const CONDITIONAL_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'header', 'dl']);
const COMMA_RE = /[,،，、]/g;
const MIN_ARTICLE_CHARS = 500;
const LINK_LINE_MAX = 100;
const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export interface MainText {
  /** Paragraphs of the article body in page order. */
  paragraphs: string[];
  /** Credit lines found in the body ("Penulis: …", "Editor: …"), by role, lower-cased. */
  credits: Array<{ role: string; name: string }>;
}

/** What the first pass knows of an element. Arrays of these are indexed in document order. */
interface Info {
  el: Element;
  parent: number;
  /** Text characters (whitespace runs count one), of the element and everything under it. */
  len: number;
  /** Of those, characters inside links. */
  linkLen: number;
  commas: number;
  p: number;
  li: number;
  img: number;
  input: number;
  /** Own text and inline children only: a <div> written as a paragraph. */
  ownLen: number;
  ownCommas: number;
  /** Class/id words say boilerplate (self only). */
  bp: boolean;
  /** Class/id weight, readability-style: +25 content words, −25 boilerplate words. */
  weight: number;
  /** Inside a boilerplate-classed element (self included). */
  inBp: boolean;
  score: number;
  scored: boolean;
}

const classCache = new Map<string, { bp: boolean; weight: number }>();
const UNCLASSED = { bp: false, weight: 0 } as const;

function classify(el: Element): { bp: boolean; weight: number } {
  const { id, class: cls } = el.attribs;
  if (!id && !cls) return UNCLASSED;
  // the verdict depends only on the words of id and class together, so "id class" and a class alone are one key
  const key = id ? `${id} ${cls ?? ''}` : (cls as string);
  const hit = classCache.get(key);
  if (hit) return hit;
  let bp = false;
  let content = false;
  for (const token of key.split(/\s+/)) {
    if (!token || TAXONOMY_CLASS_RE.test(token)) continue;
    for (const w of token.toLowerCase().split(/[-_]+/)) {
      if (BOILERPLATE_SET.has(w)) bp = true;
      else if (CONTENT_SET.has(w)) content = true;
    }
  }
  const r = { bp, weight: (content ? 25 : 0) - (bp ? 25 : 0) };
  if (classCache.size > 5000) classCache.clear();
  classCache.set(key, r);
  return r;
}

/** NEVER_CONTENT_ATTRS by attribute name: the values that hide an element, `null` when the attribute alone does. */
const NEVER_ATTR_VALUES = new Map<string, Set<string | null>>();
for (const [name, value] of NEVER_CONTENT_ATTRS) {
  const values = NEVER_ATTR_VALUES.get(name) ?? new Set();
  values.add(value);
  NEVER_ATTR_VALUES.set(name, values);
}

function neverContent(el: Element): boolean {
  if (NEVER_TAGS.has(el.name)) return true;
  const a = el.attribs;
  // an element has a few attributes and the list has many: walk the element's
  for (const name in a) {
    const values = NEVER_ATTR_VALUES.get(name);
    if (values && (values.has(null) || values.has(a[name]!))) return true;
  }
  const style = a.style;
  return style !== undefined && style.length > 8 && HIDDEN_STYLE_RE.test(style);
}

function collapsedLength(s: string): number {
  // whitespace runs count one character, as the text will be written
  let n = 0;
  let ws = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isWs = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (isWs) {
      if (!ws) n++;
      ws = true;
    } else {
      n++;
      ws = false;
    }
  }
  return n;
}

function countCommas(s: string): number {
  COMMA_RE.lastIndex = 0;
  let n = 0;
  while (COMMA_RE.exec(s)) n++;
  return n;
}

/** The first pass: elements in document order with their sums. Never-content subtrees are left out. */
function measure(doc: Document): { infos: Info[]; index: Map<Element, number> } {
  const infos: Info[] = [];
  const index = new Map<Element, number>();
  // two stacks side by side (node, its parent's info) rather than an object a node: a page has thousands
  const stack: ChildNode[] = [];
  const parents: number[] = [];
  for (let i = doc.children.length - 1; i >= 0; i--) {
    stack.push(doc.children[i]!);
    parents.push(-1);
  }
  while (stack.length > 0) {
    const n = stack.pop()!;
    const parent = parents.pop()!;
    if (n.type === 'text') {
      if (parent < 0) continue;
      const info = infos[parent]!;
      const len = collapsedLength(n.data);
      if (len === 0) continue;
      const commas = countCommas(n.data);
      info.len += len;
      info.commas += commas;
      info.ownLen += len;
      info.ownCommas += commas;
      continue;
    }
    if (n.type !== 'tag') continue;
    if (neverContent(n)) continue;
    const cls = classify(n);
    const bp = cls.bp && !KEEP_TAGS.has(n.name);
    const info: Info = {
      el: n,
      parent,
      len: 0,
      linkLen: 0,
      commas: 0,
      p: 0,
      li: 0,
      img: 0,
      input: 0,
      ownLen: 0,
      ownCommas: 0,
      bp,
      weight: cls.weight,
      inBp: false,
      score: 0,
      scored: false,
    };
    const id = infos.length;
    infos.push(info);
    index.set(n, id);
    for (let i = n.children.length - 1; i >= 0; i--) {
      stack.push(n.children[i]!);
      parents.push(id);
    }
  }
  // Children come after their parent in document order: summing from the end adds each total once.
  sumUp(infos);
  // A boilerplate class on a wrapper of most of the page (a theme's "site-header-sticky" page div) says nothing.
  const pageLen = infos.reduce((m, i) => (i.parent < 0 ? Math.max(m, i.len) : m), 0);
  for (const info of infos) {
    if (info.bp && info.len >= pageLen * 0.5) info.bp = false;
    info.inBp = info.bp || (info.parent >= 0 && infos[info.parent]!.inBp);
  }
  return { infos, index };
}

function sumUp(infos: Info[]): void {
  for (let i = infos.length - 1; i >= 0; i--) {
    const info = infos[i]!;
    const tag = info.el.name;
    if (tag === 'a') info.linkLen = info.len;
    else if (tag === 'p') info.p++;
    else if (tag === 'li') info.li++;
    else if (tag === 'img') info.img++;
    else if (tag === 'input') info.input++;
    if (info.parent < 0) continue;
    const up = infos[info.parent]!;
    up.len += info.len;
    up.linkLen += info.linkLen;
    up.commas += info.commas;
    up.p += info.p;
    up.li += info.li;
    up.img += info.img;
    up.input += info.input;
    if (INLINE_TAGS.has(tag)) {
      up.ownLen += info.len;
      up.ownCommas += info.commas;
    }
  }
}

const linkDensity = (i: Info) => (i.len > 0 ? i.linkLen / i.len : 0);

function baseScore(tag: string): number {
  if (tag === 'div') return 5;
  if (tag === 'pre' || tag === 'td' || tag === 'blockquote') return 3;
  if (['address', 'ol', 'ul', 'dl', 'dd', 'dt', 'li', 'form'].includes(tag)) return -3;
  if (['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th'].includes(tag)) return -5;
  return 0;
}

function credit(infos: Info[], id: number, amount: number): void {
  const info = infos[id]!;
  if (!info.scored) {
    info.scored = true;
    info.score = baseScore(info.el.name) + info.weight;
  }
  info.score += amount;
}

/** Readability's choice: the best-scored block, climbed to a parent that scores as well, with its siblings. */
function scoredBlocks(infos: Info[], strict: boolean): number[] {
  for (const info of infos) {
    info.score = 0;
    info.scored = false;
  }
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    if (strict && info.inBp) continue;
    const tag = info.el.name;
    let len: number;
    let commas: number;
    if (tag === 'td') {
      // a cell counts for its own text: nested tables would otherwise credit every cell with all the rest
      len = info.ownLen;
      commas = info.ownCommas;
    } else if (PARAGRAPH_TAGS.has(tag)) {
      len = info.len;
      commas = info.commas;
    } else if (tag === 'div' || tag === 'section' || tag === 'article') {
      // text written straight into a block (<br> lines): scored as a paragraph of its own text
      len = info.ownLen;
      commas = info.ownCommas;
      if (len < 25) continue;
      const s = 1 + commas + Math.min(Math.floor(len / 100), 3);
      credit(infos, i, s);
      let up = info.parent;
      for (let level = 1; up >= 0 && level < 5; level++, up = infos[up]!.parent)
        credit(infos, up, s / (level === 1 ? 2 : level * 3));
      continue;
    } else continue;
    if (len < 25) continue;
    const s = 1 + commas + Math.min(Math.floor(len / 100), 3);
    let up = info.parent;
    for (let level = 0; up >= 0 && level < 5; level++, up = infos[up]!.parent)
      credit(infos, up, level === 0 ? s : level === 1 ? s / 2 : s / (level * 3));
  }
  let top = -1;
  let topScore = 0;
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    if (!info.scored) continue;
    info.score *= 1 - linkDensity(info);
    if (info.score > topScore) {
      top = i;
      topScore = info.score;
    }
  }
  if (top < 0) return [];
  // Climb while the parent scores nearly as well (the article split over several blocks), as readability does.
  let lastScore = topScore;
  const threshold = topScore / 3;
  for (let up = infos[top]!.parent; up >= 0; up = infos[up]!.parent) {
    const u = infos[up]!;
    if (u.el.name === 'body') break;
    if (!u.scored) continue;
    if (u.score < threshold) break;
    if (u.score > lastScore) {
      top = up;
      break;
    }
    lastScore = u.score;
  }
  // An only child says nothing about its parent's other content: move up through single-child wrappers.
  for (let up = infos[top]!.parent; up >= 0; up = infos[up]!.parent) {
    const u = infos[up]!;
    if (u.el.name === 'body' || u.len !== infos[top]!.len) break;
    top = up;
  }
  const topInfo = infos[top]!;
  if (topInfo.parent < 0) return [top];
  const siblingThreshold = Math.max(10, topInfo.score * 0.2);
  const out: number[] = [];
  const topClass = topInfo.el.attribs.class ?? '';
  for (let i = topInfo.parent + 1; i < infos.length; i++) {
    const s = infos[i]!;
    if (s.parent !== topInfo.parent) continue;
    if (i === top) {
      out.push(i);
      continue;
    }
    if (strict && s.inBp) continue;
    const bonus = topClass && s.el.attribs.class === topClass ? topInfo.score * 0.2 : 0;
    if (s.scored && s.score + bonus >= siblingThreshold) out.push(i);
    else if (s.el.name === 'p') {
      const ld = linkDensity(s);
      if ((s.len > 80 && ld < 0.25) || (s.len > 0 && s.len <= 80 && ld === 0 && /\.(?:\s|$)/.test(textEnd(s.el)))) {
        out.push(i);
      }
    }
  }
  return out;
}

function textEnd(el: Element): string {
  const lines: Line[] = [];
  blockText(el, lines, () => false);
  return lines.map((l) => l.text).join(' ');
}

/** Whether a block inside the article reads like navigation: readability's conditional cleaning, simplified. */
function navigationLike(info: Info, strict: boolean): boolean {
  const tag = info.el.name;
  if (!CONDITIONAL_TAGS.has(tag)) return false;
  if (info.commas >= 10) return false;
  const ld = linkDensity(info);
  const isList = tag === 'ul' || tag === 'ol';
  if (info.len === 0) return info.img === 0;
  if (!isList && info.li > info.p + 1 && ld > 0.2) return true;
  if (info.input > Math.floor(info.p / 3) + 1) return true;
  if (!isList && info.len < 25 && ld > 0) return true;
  const weight = strict ? info.weight : Math.max(0, info.weight);
  if (weight < 25 && ld > (isList ? 0.5 : 0.33)) return true;
  if (weight >= 25 && ld > 0.5) return true;
  return false;
}

/** A line of the text and the share of its characters that are link text. */
interface Line {
  text: string;
  link: number;
}

const LINK_END = { type: 'link-end' } as const;

/** Whitespace-normalised lines under a node: <br> and block boundaries end a line. `skip` prunes subtrees. */
function blockText(node: ParentNode | ChildNode, out: Line[], skip: (el: Element) => boolean): void {
  let line = '';
  let linkChars = 0;
  let inLink = 0;
  const flush = () => {
    if (!line) return;
    // soft hyphens and zero-width characters join the word they sit in ("Mit\u00adtel\u00adal\u00adter"), they are no space
    const t = line
      .replace(INVISIBLE_RE, '')
      .replace(/[ \t\u00a0\r\n\f\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
      .trim();
    if (t) out.push({ text: t, link: Math.min(1, linkChars / t.length) });
    line = '';
    linkChars = 0;
  };
  // Entries are nodes to enter, or markers: `null` closes a block element after its children, LINK_END a link.
  const stack: Array<ChildNode | ParentNode | null | typeof LINK_END> = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null) {
      flush();
      continue;
    }
    if (n === undefined) break;
    if (n === LINK_END) {
      inLink--;
      continue;
    }
    if (n.type === 'text') {
      line += n.data;
      if (inLink > 0) linkChars += collapsedLength(n.data);
      continue;
    }
    if (n.type !== 'tag' && n.type !== 'root') continue;
    if (n.type === 'tag') {
      if (neverContent(n) || skip(n)) continue;
      if (BLOCK_TAGS.has(n.name)) {
        flush();
        stack.push(null);
      } else if (n.name === 'a') {
        inLink++;
        stack.push(LINK_END);
      } else if (n.name === 'img' || n.name === 'input') continue;
    }
    const kids = 'children' in n ? n.children : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
}

function normKey(p: string): string {
  return p
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lines of the chosen blocks, pruned of navigation and boilerplate-classed parts. */
function linesOf(infos: Info[], index: Map<Element, number>, roots: number[], strict: boolean): Line[] {
  const lines: Line[] = [];
  for (const r of roots) {
    const root = infos[r]!;
    const skip = (el: Element): boolean => {
      if (el === root.el) return false;
      const id = index.get(el);
      if (id === undefined) return true;
      const info = infos[id]!;
      // a wrapper holding most of the article stays even when its class calls it boilerplate
      if (strict && info.bp && info.len < root.len * 0.6) return true;
      return navigationLike(info, strict);
    };
    blockText(root.el, lines, skip);
  }
  return lines;
}

/** The best known article-body element with some text that is not mostly links, or -1. */
function selectorBlock(infos: Info[]): number {
  // only a block of 25 characters or more, not mostly links, is ever chosen: the others are not tried
  const candidates: number[] = [];
  for (let i = 0; i < infos.length; i++) if (infos[i]!.len >= 25 && linkDensity(infos[i]!) <= 0.5) candidates.push(i);
  let fallback = -1;
  for (const sel of CONTENT_BODIES) {
    let best = -1;
    let bestLen = 0;
    for (const i of candidates) {
      const info = infos[i]!;
      if (info.len <= bestLen || !matches(info.el, sel)) continue;
      best = i;
      bestLen = info.len;
    }
    if (best >= 0 && bestLen >= 200) return best;
    if (best >= 0 && bestLen >= 25 && fallback < 0) fallback = best;
  }
  return fallback;
}

const charsOf = (lines: Line[]) => lines.reduce((n, l) => n + l.text.length, 0);

function isAncestor(infos: Info[], a: number, b: number): boolean {
  for (let up = infos[b]!.parent; up >= 0; up = infos[up]!.parent) if (up === a) return true;
  return false;
}

/** The fallback chain: body selector, scored blocks strict, then lenient; the longer plausible text wins. */
function chooseLines(doc: Document): Line[] {
  const { infos, index } = measure(doc);
  // a page without a single element (plain text served as HTML): its text is the article, paragraph by paragraph
  if (infos.length === 0) {
    return textOf(doc)
      .split(/\n\s*\n/)
      .map((t) => ({ text: t.replace(/\s+/g, ' ').trim(), link: 0 }))
      .filter((l) => l.text);
  }
  const sel = selectorBlock(infos);
  const strictRoots = scoredBlocks(infos, true);
  const scored = linesOf(infos, index, strictRoots, true);
  let best = scored;
  if (sel >= 0) {
    const bySelector = linesOf(infos, index, [sel], true);
    // The theme's own body wins unless the scored blocks hold much more text outside it.
    const inside = strictRoots.some((r) => r === sel || isAncestor(infos, sel, r));
    if (inside || charsOf(bySelector) * 2 >= charsOf(scored)) return bySelector;
    // a short body the theme marks as such (a two-paragraph notice) beats guessing from the whole page
    if (infos[sel]!.len < 200) return charsOf(scored) > charsOf(bySelector) ? scored : bySelector;
  }
  if (charsOf(best) < MIN_ARTICLE_CHARS) {
    const lenient = linesOf(infos, index, scoredBlocks(infos, false), false);
    if (charsOf(lenient) > charsOf(best)) best = lenient;
  }
  if (charsOf(best) < MIN_ARTICLE_CHARS) {
    // Last resort, trafilatura's baseline: the whole body minus navigation (pages without paragraphs).
    const body = infos.findIndex((i) => i.el.name === 'body');
    const whole = linesOf(infos, index, [body >= 0 ? body : 0], true);
    if (charsOf(whole) > charsOf(best) * 1.5) best = whole;
  }
  return best;
}

/**
 * The article's paragraphs, without boilerplate. Reads the parsed page without changing it.
 *
 * @example extractMainText(parseHtml(html)).paragraphs[0] // "Tamiang Layang (ANTARA) - Pemerintah Kabupaten Barito Timur, …"
 */
export function extractMainText(doc: Document, opts: { title?: string } = {}): MainText {
  const lines = chooseLines(doc);
  const titleKey = opts.title ? normKey(opts.title) : '';
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  const credits: Array<{ role: string; name: string }> = [];
  for (const { text: line, link } of lines) {
    // a short line that is all link inside the body: a related story or a tag, not a paragraph
    if (link > 0.8 && line.length < LINK_LINE_MAX) continue;
    const credit = CREDIT_LINE_RE.exec(line);
    if (credit?.groups) {
      credits.push({ role: credit.groups.role!.toLowerCase(), name: credit.groups.name!.trim() });
      continue;
    }
    if (BOILERPLATE_LINE_RE.test(line) || SIGN_OFF_RE.test(line)) continue;
    // a date stamp alone on a line (fixtures/pages/seputarpapua: "Kamis, 27 Juni 2024 - 15:40 WIT")
    if (line.length < 60 && DATE_ONLY_LINE_RE.test(line)) continue;
    const key = normKey(line);
    if (!key) continue;
    if (key === titleKey && paragraphs.length === 0) continue; // the headline repeated at the top of the body
    // Paragraphs the site printed twice (fixtures/pages/kabar-nusantara/server-lpse-bartim-rusak repeats the body).
    if (seen.has(key)) continue;
    seen.add(key);
    paragraphs.push(line);
  }
  return { paragraphs, credits };
}
