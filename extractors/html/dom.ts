/**
 * The page as a tree, and every walk over it without recursion. Crawled pages can nest 20 000 elements deep or
 * leave 500 tables unclosed; a recursive walk (domutils' textContent, behind cheerio's `.text()`, or its findOne)
 * then exhausts the call stack and the page gets no report. Every function here keeps its own stack, so depth
 * costs memory proportional to the page, never stack frames. Parsing is htmlparser2's (a streaming tokenizer,
 * about ten times faster than parse5 on news pages), which builds the tree without recursion too.
 */
import type { ChildNode, Document, Element, ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { ChildNode, Document, Element, ParentNode };

/**
 * Nesting deeper than this is flattened before parsing. htmlparser2 keeps its open elements in an array it
 * unshifts, so each start tag costs the current depth: 20 000 nested <div>s parse in 0.2 s, 100 000 in 8 s,
 * 300 000 in 220 s. No article nests a hundred deep.
 */
export const MAX_NESTING = 1000;

/** Elements that never take children, and those a sibling closes implicitly (they do not deepen a page). */
const NON_NESTING_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'dt',
  'dd',
  'option',
]);

/** A tag: end mark, name, then up to its first ">" (a self-closing tag ends in "/>"). */
const TAG_RE = /<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/g;

/**
 * The HTML with start tags past MAX_NESTING (and as many end tags after them) left out, so their text joins the
 * element at the limit instead of nesting further. The string is only rebuilt when a page is that deep.
 *
 * @example flattenDeepNesting('<div>'.repeat(20000) + 'Server LPSE rusak', 1000) // 1000 <div>s, then the text
 */
export function flattenDeepNesting(html: string, maxDepth = MAX_NESTING): string {
  if (fewerStartTags(html, maxDepth)) return html;
  let depth = 0;
  let suppressed = 0;
  let out: string[] | null = null;
  let last = 0;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const name = m[2]!.toLowerCase();
    const selfClosing = m[0].charCodeAt(m[0].length - 2) === 47; // "/>"
    if (NON_NESTING_TAGS.has(name) || selfClosing) continue;
    let drop = false;
    if (m[1]) {
      if (suppressed > 0) {
        suppressed--;
        drop = true;
      } else if (depth > 0) depth--;
    } else if (depth >= maxDepth) {
      suppressed++;
      drop = true;
    } else depth++;
    if (drop) {
      out ??= [];
      out.push(html.slice(last, m.index));
      last = TAG_RE.lastIndex;
    }
  }
  if (!out) return html;
  out.push(html.slice(last));
  return out.join('');
}

/**
 * Whether the HTML holds fewer than `max` start tags ("<" and a letter): then it cannot nest `max` deep, and the
 * scan above is not needed (most pages: half of them have under 510 start tags).
 */
function fewerStartTags(html: string, max: number): boolean {
  let n = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20; // an ASCII capital read as its small letter
    if (c >= 97 && c <= 122 && ++n >= max) return false;
  }
  return true;
}

/** HTML parsed into a domhandler tree (tags and attribute names lower-cased, entities decoded). */
export function parseHtml(html: string): Document {
  return parseDocument(flattenDeepNesting(html), {
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
    decodeEntities: true,
  });
}

export function isElement(n: ChildNode | ParentNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function childrenOf(n: ChildNode | ParentNode): ChildNode[] | null {
  return 'children' in n && n.children.length > 0 ? n.children : null;
}

/**
 * Every element under `root` in document order (root itself included when it is an element). `visit` returning
 * false skips that element's subtree.
 */
export function eachElement(root: ParentNode | ChildNode, visit: (el: Element) => boolean | undefined): void {
  const stack: Array<ChildNode | ParentNode> = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isElement(n) && visit(n) === false) continue;
    const kids = childrenOf(n);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** The elements under `root` that `test` accepts, in document order. */
export function findAll(root: ParentNode | ChildNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  eachElement(root, (el) => {
    if (test(el)) out.push(el);
    return undefined;
  });
  return out;
}

/** The first element under `root` that `test` accepts, or null. */
export function findFirst(root: ParentNode | ChildNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  eachElement(root, (el) => {
    if (found) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return undefined;
  });
  return found;
}

/**
 * The text under a node, as `textContent` gives it (script and style contents included, as the DOM does). A walk
 * that may be repeated for many nested elements passes `maxNodes`: the text of the first nodes visited is returned,
 * so the total work stays linear in the page however the elements nest.
 */
export function textOf(root: ParentNode | ChildNode, maxNodes = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  const stack: Array<ChildNode | ParentNode> = [root];
  let visited = 0;
  while (stack.length > 0 && visited++ < maxNodes) {
    const n = stack.pop()!;
    if (n.type === 'text' || n.type === 'cdata') {
      if ('data' in n) parts.push(n.data);
      continue;
    }
    if (n.type === 'comment' || n.type === 'directive') continue;
    const kids = childrenOf(n);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return parts.join('');
}

/** Detaches an element from its parent (its subtree goes with it). */
export function removeNode(n: ChildNode): void {
  const parent = n.parent;
  if (!parent) return;
  const i = parent.children.indexOf(n);
  if (i >= 0) parent.children.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = null;
  n.prev = null;
  n.next = null;
}

// --- Selectors -----------------------------------------------------------------------------------------------
// The vocabulary of boilerplate.ts and metadata.ts is written as CSS selectors, as trafilatura writes XPaths. A
// small matcher covers what they use: tag, .class, #id, [attr], [attr="v"], [attr*="v"], compounds of those, the
// descendant combinator and comma lists. Matching walks up the parent chain in a loop.

interface Compound {
  tag: string | null;
  classes: string[];
  id: string | null;
  attrs: Array<{ name: string; op: '' | '=' | '*='; value: string }>;
}

export interface Selector {
  /** Alternatives of the comma list; each is a descendant chain, last compound = the element itself. */
  chains: Compound[][];
  /**
   * Attributes of which a matching element has at least one (one each chain's last compound needs: its class, id
   * or an attribute it tests), or null when a chain needs none (a bare tag). Most elements have none of them and
   * are rejected on one lookup.
   */
  gate: string[] | null;
}

const COMPOUND_PART_RE = /([.#]?)(-?[\w-]+)|\[\s*([\w:-]+)\s*(?:(\*?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*)?\]/gy;

function parseCompound(src: string): Compound {
  const c: Compound = { tag: null, classes: [], id: null, attrs: [] };
  COMPOUND_PART_RE.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    COMPOUND_PART_RE.lastIndex = pos;
    const m = COMPOUND_PART_RE.exec(src);
    if (!m) throw new Error(`unsupported selector part: ${src.slice(pos)}`);
    pos = COMPOUND_PART_RE.lastIndex;
    if (m[2] !== undefined) {
      if (m[1] === '.') c.classes.push(m[2]);
      else if (m[1] === '#') c.id = m[2];
      else c.tag = m[2].toLowerCase();
    } else if (m[3] !== undefined) {
      c.attrs.push({
        name: m[3].toLowerCase(),
        op: (m[4] as '=' | '*=' | undefined) ?? '',
        value: m[5] ?? m[6] ?? m[7] ?? '',
      });
    }
  }
  return c;
}

/**
 * Compiles a selector list ("article h1, main h1, h1.entry-title") once, at module load.
 *
 * @example matches(el, compileSelector('[itemprop="articleBody"], .entry-content, .isi-berita'))
 */
export function compileSelector(src: string | readonly string[]): Selector {
  const list = typeof src === 'string' ? src.split(',') : src.flatMap((s) => s.split(','));
  const chains = list
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/\s+(?![^[]*\])/).map(parseCompound));
  const needs = chains.map((chain) => requiredAttribute(chain[chain.length - 1]!));
  return { chains, gate: needs.includes(null) ? null : [...new Set(needs as string[])] };
}

/** One attribute an element must have to match the compound, or null when it needs none. */
function requiredAttribute(c: Compound): string | null {
  if (c.classes.length) return 'class';
  if (c.id) return 'id';
  return c.attrs[0]?.name ?? null;
}

function hasClass(el: Element, cls: string): boolean {
  const v = el.attribs.class;
  // a substring test rejects almost every element before the class list is split
  if (!v?.includes(cls)) return false;
  if (v === cls) return true;
  for (const c of v.split(/\s+/)) if (c === cls) return true;
  return false;
}

function matchCompound(el: Element, c: Compound): boolean {
  if (c.tag && el.name !== c.tag) return false;
  if (c.id && el.attribs.id !== c.id) return false;
  for (const cls of c.classes) if (!hasClass(el, cls)) return false;
  for (const a of c.attrs) {
    const v = el.attribs[a.name];
    if (v === undefined) return false;
    if (a.op === '=' && v !== a.value) return false;
    if (a.op === '*=' && !v.includes(a.value)) return false;
  }
  return true;
}

function matchChain(el: Element, chain: Compound[]): boolean {
  let i = chain.length - 1;
  if (!matchCompound(el, chain[i]!)) return false;
  i--;
  let p = el.parent;
  while (i >= 0 && p) {
    if (isElement(p) && matchCompound(p, chain[i]!)) i--;
    p = p.parent;
  }
  return i < 0;
}

/** Whether an element matches a compiled selector. */
export function matches(el: Element, sel: Selector): boolean {
  if (sel.gate && !hasAnyAttribute(el, sel.gate)) return false;
  for (const chain of sel.chains) if (matchChain(el, chain)) return true;
  return false;
}

function hasAnyAttribute(el: Element, names: readonly string[]): boolean {
  for (const name of names) if (el.attribs[name] !== undefined) return true;
  return false;
}

/** All elements under root matching the selector, in document order. */
export function selectAll(root: ParentNode | ChildNode, sel: Selector): Element[] {
  return findAll(root, (el) => matches(el, sel));
}

/** The first element under root matching the selector, or null. */
export function selectFirst(root: ParentNode | ChildNode, sel: Selector): Element | null {
  return findFirst(root, (el) => matches(el, sel));
}
