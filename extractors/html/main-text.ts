/**
 * The main text of a page: strip what is never content, pick the block that holds the article (a known body
 * selector, else the element whose paragraphs carry the most prose, as readability scores them), then keep its
 * paragraphs minus "Baca juga" lines, credits and paragraphs the site printed twice.
 */
import {
  BOILERPLATE_LINE_RE,
  BOILERPLATE_WORDS,
  CONTENT_SELECTORS,
  CREDIT_LINE_RE,
  NEVER_CONTENT_SELECTORS,
  SIGN_OFF_RE,
} from './boilerplate.ts';
import {
  type ChildNode,
  compileSelector,
  type Document,
  type Element,
  eachElement,
  findAll,
  isElement,
  matches,
  type ParentNode,
  removeNode,
} from './dom.ts';

const NEVER_CONTENT = compileSelector(NEVER_CONTENT_SELECTORS);
const CONTENT_BODIES = CONTENT_SELECTORS.map((s) => compileSelector(s));
const ANY_CONTENT_BODY = compileSelector(CONTENT_SELECTORS);
const BOILERPLATE_SET = new Set(BOILERPLATE_WORDS);
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
]);

export interface MainText {
  /** Paragraphs of the article body in page order. */
  paragraphs: string[];
  /** Credit lines found in the body ("Penulis: …", "Editor: …"), by role, lower-cased. */
  credits: Array<{ role: string; name: string }>;
}

function isBoilerplateElement(el: Element): boolean {
  if (KEEP_TAGS.has(el.name)) return false;
  const tokens: string[] = [];
  const id = el.attribs.id;
  if (id) tokens.push(id);
  for (const c of (el.attribs.class ?? '').split(/\s+/)) if (c && !TAXONOMY_CLASS_RE.test(c)) tokens.push(c);
  for (const t of tokens) {
    for (const w of t.toLowerCase().split(/[-_\s]+/)) if (BOILERPLATE_SET.has(w)) return true;
  }
  return false;
}

/** Whitespace-normalised text of a node, with <br> and block boundaries as line breaks (a loop, not recursion). */
function blockText(node: ParentNode | ChildNode, out: string[]): void {
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\u00a0\u200b]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  // Entries are nodes to enter, or `null` markers that close a block element after its children.
  const stack: Array<ChildNode | ParentNode | null> = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null) {
      flush();
      continue;
    }
    if (n === undefined) break;
    if (n.type === 'text') {
      line += n.data.replace(/\s+/g, ' ');
      continue;
    }
    if (n.type !== 'tag' && n.type !== 'root') continue;
    const kids = 'children' in n ? n.children : [];
    if (n.type === 'tag' && BLOCK_TAGS.has(n.name)) {
      flush();
      stack.push(null);
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  flush();
}

interface TextStats {
  /** Characters of text, whitespace runs counted as one. */
  len: number;
  /** Commas and full stops. */
  punct: number;
}

const INLINE_OWN_TAGS = new Set(['br', 'b', 'i', 'em', 'strong', 'a', 'span']);

/** Text length and punctuation of every element, summed bottom-up in one pass (no element is read twice). */
function textStats(root: ParentNode): Map<Element, TextStats> {
  const stats = new Map<Element, TextStats>();
  const textStat = (data: string): TextStats => ({
    len: data.replace(/\s+/g, ' ').length,
    punct: data.match(/[,.]/g)?.length ?? 0,
  });
  const stack: Array<{ n: ParentNode | ChildNode; done: boolean }> = [{ n: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const n = top.n;
    if (!('children' in n)) continue;
    if (!top.done) {
      stack.push({ n, done: true });
      for (let i = n.children.length - 1; i >= 0; i--) {
        const c = n.children[i]!;
        if ('children' in c) stack.push({ n: c, done: false });
      }
      continue;
    }
    if (!isElement(n)) continue;
    const s: TextStats = { len: 0, punct: 0 };
    if (n.type === 'tag') {
      for (const c of n.children) {
        const cs = c.type === 'text' ? textStat(c.data) : isElement(c) ? stats.get(c) : undefined;
        if (cs) {
          s.len += cs.len;
          s.punct += cs.punct;
        }
      }
    }
    stats.set(n, s);
  }
  return stats;
}

/** The stats of a <div>'s own text: its text nodes and inline children (sites that write paragraphs as <div>s). */
function ownStats(el: Element, stats: Map<Element, TextStats>): TextStats {
  const s: TextStats = { len: 0, punct: 0 };
  for (const c of el.children) {
    let cs: TextStats | undefined;
    if (c.type === 'text') cs = { len: c.data.replace(/\s+/g, ' ').length, punct: c.data.match(/[,.]/g)?.length ?? 0 };
    else if (c.type === 'tag' && INLINE_OWN_TAGS.has(c.name)) cs = stats.get(c);
    if (cs) {
      s.len += cs.len;
      s.punct += cs.punct;
    }
  }
  return s;
}

function prose(s: TextStats): number {
  // Readability's heuristic: long text with commas is prose; short lines are navigation.
  if (s.len < 25) return 0;
  return 1 + Math.min(s.len / 100, 3) + s.punct * 0.3;
}

const SCORED_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'div']);

/** The element holding the article: a known body selector with enough text, else the best-scored parent. */
function pickContainer(doc: Document): ParentNode | null {
  const all = findAll(doc, () => true);
  const stats = textStats(doc);
  for (const sel of CONTENT_BODIES) {
    let best: Element | null = null;
    let bestLen = 0;
    for (const el of all) {
      if (!matches(el, sel)) continue;
      const len = stats.get(el)?.len ?? 0;
      if (len > bestLen) {
        best = el;
        bestLen = len;
      }
    }
    if (best && bestLen >= 200) return best;
  }
  const scores = new Map<Element, number>();
  for (const el of all) {
    if (!SCORED_TAGS.has(el.name)) continue;
    const s = prose(el.name === 'div' ? ownStats(el, stats) : (stats.get(el) ?? { len: 0, punct: 0 }));
    if (!s) continue;
    const parent = el.name === 'div' ? el : el.parent;
    if (parent?.type !== 'tag') continue;
    scores.set(parent, (scores.get(parent) ?? 0) + s);
    const grand = parent.parent;
    if (grand && grand.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + s / 2);
  }
  let best: ParentNode | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best ?? all.find((el) => el.name === 'body') ?? null;
}

function normKey(p: string): string {
  return p
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The article's paragraphs, without boilerplate. Mutates the document: call it on a fresh parse.
 *
 * @example extractMainText(parseHtml(html)).paragraphs[0] // "Tamiang Layang (ANTARA) - Pemerintah Kabupaten Barito Timur, …"
 */
export function extractMainText(doc: Document, opts: { title?: string } = {}): MainText {
  // Wrappers of a known article body are kept even when a class calls them boilerplate (a theme's
  // "main-content-wrapper post-meta" div); marked walking up from each body, stopping at a marked one.
  const holdsBody = new Set<ParentNode>();
  for (const el of findAll(doc, (e) => matches(e, ANY_CONTENT_BODY))) {
    let p: ParentNode | null = el.parent;
    while (p && !holdsBody.has(p)) {
      holdsBody.add(p);
      p = p.parent;
    }
  }
  const drop: Element[] = [];
  eachElement(doc, (el) => {
    if (matches(el, NEVER_CONTENT) || (el.type === 'tag' && isBoilerplateElement(el) && !holdsBody.has(el))) {
      drop.push(el);
      return false;
    }
    return undefined;
  });
  for (const el of drop) removeNode(el);
  const container = pickContainer(doc);
  const lines: string[] = [];
  if (container) blockText(container, lines);

  const titleKey = opts.title ? normKey(opts.title) : '';
  const seen = new Set<string>();
  const paragraphs: string[] = [];
  const credits: Array<{ role: string; name: string }> = [];
  for (const line of lines) {
    const credit = CREDIT_LINE_RE.exec(line);
    if (credit?.groups) {
      credits.push({ role: credit.groups.role!.toLowerCase(), name: credit.groups.name!.trim() });
      continue;
    }
    if (BOILERPLATE_LINE_RE.test(line) || SIGN_OFF_RE.test(line)) continue;
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
