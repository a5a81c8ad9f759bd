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

/** Lines that are navigation inside the body: "Baca juga: …", "Simak juga …", share prompts, ad labels. */
export const BOILERPLATE_LINE_RE =
  /^(?:copyright\b|hak\s+cipta\b|©|baca\s+(?:juga|pula|selengkapnya)|simak\s+juga|lihat\s+juga|berita\s+terkait|artikel\s+terkait|related\s+posts?|read\s+more|also\s+read|advertisement|scroll\s+to\s+continue|iklan|bagikan|share(?:\s+this)?|ikuti\s+(?:kami|berita)|dapatkan\s+update|follow\s+us|tinggalkan\s+(?:balasan|komentar)|post\s+a\s+comment|previous\s+post|next\s+post|sebelumnya|selanjutnya)\b/i;

/** Credit lines at the foot of an article: the byline, not the text. */
export const CREDIT_LINE_RE =
  /^(?<role>penulis|pewarta|reporter|editor|redaktur|penyunting|editing|foto|fotografer|sumber|copyright|hak\s+cipta)\s*[:|]\s*(?<name>.{1,80})$/i;

/** A "(Ono)" / "(*)" / "(yun)" sign-off alone on a line: the reporter's initials. */
export const SIGN_OFF_RE = /^\(\s*[\w*.\s/]{1,20}\)\.?$/;
