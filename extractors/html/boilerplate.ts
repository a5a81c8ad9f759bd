/**
 * What is not the article: vocabulary as data, as trafilatura keeps it in xpaths.py. The selectors remove whole
 * elements before the main block is chosen; the line patterns drop single paragraphs inside the main block.
 */

/**
 * Elements that never hold article text. Not <form>: ASP.NET sites wrap the whole page in one, so forms are judged
 * by their inputs and links like any other block.
 */
export const NEVER_CONTENT_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'aside',
  'footer',
  'figcaption',
  'head',
  'object',
  'embed',
  'video',
  'audio',
  'map',
  'dialog',
  'math',
];

/** Attributes that hide an element or mark it as site chrome: [name, value] (null: any value). */
export const NEVER_CONTENT_ATTRS: ReadonlyArray<readonly [string, string | null]> = [
  ['hidden', null],
  ['aria-hidden', 'true'],
  ['role', 'navigation'],
  ['role', 'banner'],
  ['role', 'contentinfo'],
  ['role', 'complementary'],
  ['role', 'dialog'],
  ['role', 'alertdialog'],
  ['role', 'alert'],
  ['role', 'menu'],
  ['role', 'menubar'],
  ['role', 'search'],
  ['role', 'toolbar'],
];

/** Inline styles that hide an element (login errors, modal templates, lazy-loaded teasers). */
export const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * class/id words of boilerplate blocks (WordPress news themes, wire sites, SPSE). Matched as whole words of the
 * class or id, split on - and _, so "related-posts" and "jp-relatedposts" match but "content" does not.
 */
export const BOILERPLATE_WORDS = [
  'menu',
  'navbar',
  'nav',
  'navigation',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'widget',
  'widgets',
  'footer',
  'header',
  'masthead',
  'share',
  'sharing',
  'sharedaddy',
  'social',
  'sosmed',
  'related',
  'relatedposts',
  'terkait',
  'baca',
  'bacajuga',
  'simak',
  'comment',
  'comments',
  'komentar',
  'respond',
  'reply',
  'ads',
  'advert',
  'advertisement',
  'iklan',
  'banner',
  'promo',
  'newsletter',
  'subscribe',
  'popular',
  'populer',
  'terpopuler',
  'trending',
  'tags',
  'tag',
  'tagcloud',
  'pagination',
  'paging',
  'postnav',
  'copyright',
  'cookie',
  'modal',
  'popup',
  'dialog',
  'overlay',
  'login',
  'signin',
  'signup',
  'register',
  'alert',
  'toolbar',
  'dropdown',
  'consent',
  'gdpr',
  'skip',
  'byline',
  'meta',
  'caption',
];

/** class/id words that mark the article body; a block carrying one wins over scoring. */
export const CONTENT_WORDS = [
  'entry',
  'content',
  'article',
  'artikel',
  'post',
  'story',
  'body',
  'detail',
  'isi',
  'berita',
  'text',
  'main',
];

/** Selectors of article bodies in the themes Pantau meets, most specific first. */
export const CONTENT_SELECTORS = [
  '[itemprop="articleBody"]',
  '.entry-content',
  '.post-content',
  '.article-content',
  '.article-body',
  '.detail-text',
  '.detail__body-text',
  '.post-body',
  '.td-post-content',
  '.content-berita',
  '.isi-berita',
  '.story-body',
];

/**
 * How navigation lines inside the body begin: "Baca juga: …", "Simak juga …", share prompts, ad labels, and the
 * same prompts of the other languages a regional news site quotes from wire services. Words; spaces match any
 * whitespace.
 */
export const BOILERPLATE_LINE_STARTS = [
  // Indonesian
  'baca juga',
  'baca pula',
  'baca selengkapnya',
  'simak',
  'pasang iklan',
  'ruang iklan',
  'space iklan',
  'lihat juga',
  'berita terkait',
  'artikel terkait',
  'iklan',
  'bagikan',
  'ikuti kami',
  'ikuti berita',
  'ikuti terus',
  'dapatkan update',
  'dapatkan berita',
  'tinggalkan balasan',
  'tinggalkan komentar',
  'sebelumnya',
  'selanjutnya',
  'hak cipta',
  'scroll untuk melanjutkan',
  'gulir ke bawah',
  // English
  'copyright',
  'related posts',
  'related post',
  'related articles',
  'read more',
  'read also',
  'also read',
  'see also',
  'advertisement',
  'scroll to continue',
  'share this',
  'share',
  'follow us',
  'post a comment',
  'previous post',
  'next post',
  'sign up for',
  'subscribe to',
  // Spanish, Portuguese, French, German, Italian
  'lea también',
  'lee también',
  'lea más',
  'te puede interesar',
  'le puede interesar',
  'leia também',
  'lire aussi',
  'à lire aussi',
  'lesen sie auch',
  'lesen sie mehr',
  'mehr zum thema',
  'das könnte sie auch interessieren',
  'leggi anche',
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const BOILERPLATE_LINE_RE = new RegExp(
  // leading dashes and bullets: "- Advertisement -", "• Baca juga"
  `^[\\s\\-–—|•·*]*(?:©|(?:${[...BOILERPLATE_LINE_STARTS]
    .sort((x, y) => y.length - x.length)
    .map((w) => escapeRe(w).replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}]))`,
  'iu',
);

/** Credit lines at the foot of an article: the byline, not the text. */
export const CREDIT_LINE_RE =
  /^(?<role>penulis|pewarta|reporter|editor|redaktur|penyunting|editing|foto|fotografer|sumber|copyright|hak\s+cipta)\s*[:|]\s*(?<name>.{1,80})$/i;

/** A "(Ono)" / "(*)" / "(yun)" sign-off alone on a line: the reporter's initials. */
export const SIGN_OFF_RE = /^\(\s*[\w*.\s/]{1,20}\)\.?$/;
