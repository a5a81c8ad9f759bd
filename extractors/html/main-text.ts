/**
 * The main text of a page: strip what is never content, pick the block that holds the article (a known body
 * selector, else the element whose paragraphs carry the most prose, as readability scores them), then keep its
 * paragraphs minus "Baca juga" lines, credits and paragraphs the site printed twice.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import {
  BOILERPLATE_LINE_RE,
  BOILERPLATE_WORDS,
  CONTENT_SELECTORS,
  CREDIT_LINE_RE,
  NEVER_CONTENT_SELECTORS,
  SIGN_OFF_RE,
} from './boilerplate.ts';

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
  if (KEEP_TAGS.has(el.tagName)) return false;
  const tokens: string[] = [];
  const id = el.attribs.id;
  if (id) tokens.push(id);
  for (const c of (el.attribs.class ?? '').split(/\s+/)) if (c && !TAXONOMY_CLASS_RE.test(c)) tokens.push(c);
  for (const t of tokens) {
    for (const w of t.toLowerCase().split(/[-_\s]+/)) if (BOILERPLATE_SET.has(w)) return true;
  }
  return false;
}

/** Whitespace-normalised text of a node, with <br> and block boundaries as line breaks. */
function blockText($: CheerioAPI, node: AnyNode, out: string[]): void {
  let line = '';
  const flush = () => {
    const t = line.replace(/[ \t\u00a0\u200b]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      line += (n as unknown as { data: string }).data.replace(/\s+/g, ' ');
      return;
    }
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') return;
    const el = n as Element;
    if (el.tagName === 'script' || el.tagName === 'style') return;
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  void $;
}

function prose(text: string): number {
  // Readability's heuristic: long text with commas is prose; short lines are navigation.
  if (text.length < 25) return 0;
  return 1 + Math.min(text.length / 100, 3) + (text.match(/[,.]/g)?.length ?? 0) * 0.3;
}

/** The element holding the article: a known body selector with enough text, else the best-scored parent. */
function pickContainer($: CheerioAPI): AnyNode | null {
  for (const sel of CONTENT_SELECTORS) {
    const found = $(sel).toArray();
    let best: AnyNode | null = null;
    let bestLen = 0;
    for (const el of found) {
      const len = $(el).text().trim().length;
      if (len > bestLen) {
        best = el;
        bestLen = len;
      }
    }
    if (best && bestLen >= 200) return best;
  }
  const scores = new Map<Element, number>();
  $('p, pre, blockquote, td, div').each((_, el) => {
    // A div counts only for the text directly inside it (sites that write paragraphs as <div> or <br> lines).
    const own =
      el.tagName === 'div'
        ? el.children
            .filter(
              (c) =>
                c.type === 'text' ||
                (c.type === 'tag' && ['br', 'b', 'i', 'em', 'strong', 'a', 'span'].includes((c as Element).tagName)),
            )
            .map((c) => $(c).text())
            .join(' ')
        : $(el).text();
    const s = prose(own.replace(/\s+/g, ' ').trim());
    if (!s) return;
    const parent = el.tagName === 'div' ? el : (el.parent as Element | null);
    if (parent?.type !== 'tag') return;
    scores.set(parent, (scores.get(parent) ?? 0) + s);
    const grand = parent.parent as Element | null;
    if (grand && grand.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + s / 2);
  });
  let best: AnyNode | null = null;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best ?? $('body').get(0) ?? null;
}

function normKey(p: string): string {
  return p
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The article's paragraphs, without boilerplate. Mutates the document ($): call it on a fresh load.
 *
 * @example extractMainText(load(html)).paragraphs[0] // "Tamiang Layang (ANTARA) - Pemerintah Kabupaten Barito Timur, …"
 */
export function extractMainText($: CheerioAPI, opts: { title?: string } = {}): MainText {
  $(NEVER_CONTENT_SELECTORS.join(',')).remove();
  $('*').each((_, el) => {
    if (el.type !== 'tag') return;
    if (!isBoilerplateElement(el)) return;
    // Keep a wrapper that holds the article body itself (a theme's "main-content-wrapper post-meta" div).
    if (CONTENT_SELECTORS.some((s) => $(el).find(s).length > 0)) return;
    $(el).remove();
  });
  const container = pickContainer($);
  const lines: string[] = [];
  if (container) blockText($, container, lines);

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
