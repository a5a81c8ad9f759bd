/**
 * `pantau fixture promote URL|ARCHIVE-KEY`: turns an archived page into a golden page, as readability keeps
 * `test/generate-testcase.js`. The page's HTML goes to `fixtures/pages/<source>/<slug>/source.html`, with what
 * Pantau reads from it today as the expected files (`expected.json`: the Article as test/article/golden.test.ts
 * checks it; `report.json`: the Report), for a reviewer to correct before committing: the fixture then holds
 * Pantau to the corrected reading. Nothing is overwritten unless asked.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteHostOf } from '../extractors/hosts.ts';
import { decodeHtml, toArticle } from '../extractors/html-article.ts';
import { buildReport } from '../extractors/report.ts';
import { type ArchivedPage, readArchived, readArchivedKey } from './archive.ts';
import type { DataDir } from './config.ts';
import { UserError } from './errors.ts';
import { reportIdOf } from './hash.ts';

const ARCHIVE_KEY_RE = /^[0-9a-f]{24}$/;

export interface PromoteOptions {
  /** Where the golden pages live (default fixtures/pages under the working directory). */
  pagesDir?: string;
  /** The folder names (default: the page's source id, else its site; the last segment of its URL path). */
  source?: string;
  slug?: string;
  /** Replace a fixture of the same name. */
  force?: boolean;
}

export interface Promoted {
  dir: string;
  files: string[];
  /** Things the reviewer should know (a declared charset the UTF-8 copy does not match, pages not joined). */
  notes: string[];
}

/** A folder name: lower-case letters, digits and dashes, at most 80 characters. @example slugOf('LPSE_Sigi Down!') // "lpse-sigi-down" */
export function slugOf(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'page'
  );
}

/** The last meaningful segment of a URL's path ("…/2023/11/08/situs-lpse-sigi/" → "situs-lpse-sigi"). */
function slugOfUrl(url: string): string {
  try {
    const u = new URL(url);
    const segs = u.pathname.split('/').filter(Boolean);
    const last = segs.reverse().find((s) => /[a-z]/i.test(s)) ?? segs[0] ?? u.hostname;
    return slugOf(decodeURIComponent(last).replace(/\.[a-z]{2,5}$/i, ''));
  } catch {
    return 'page';
  }
}

function findPage(dir: DataDir, ref: string): ArchivedPage {
  const rec = ARCHIVE_KEY_RE.test(ref) ? readArchivedKey(dir, ref) : readArchived(dir, ref);
  if (rec) return rec;
  throw new UserError(
    ARCHIVE_KEY_RE.test(ref)
      ? `no archived page has the key ${ref}`
      : /^https?:\/\//i.test(ref)
        ? `${ref} is not in the archive of ${dir.root} (crawl it first, or give its archive key)`
        : `not a URL or an archive key (24 hex characters): ${ref.slice(0, 100)}`,
  );
}

/** Copies an archived page into the golden pages with its current Article and Report as the expected files. */
export function promoteFixture(dir: DataDir, ref: string, opts: PromoteOptions = {}): Promoted {
  const { page } = findPage(dir, ref);
  const url = page.finalUrl || page.url;
  const source = slugOf(opts.source ?? page.sourceId ?? siteHostOf(url) ?? 'unknown');
  const slug = opts.slug ? slugOf(opts.slug) : slugOfUrl(url);
  const out = join(resolve(opts.pagesDir ?? 'fixtures/pages'), source, slug);
  if (existsSync(out) && !opts.force) throw new UserError(`${out} exists already (--force replaces it)`);
  // What the golden test reads: the bytes of source.html, decoded as it decodes them.
  const bytes = Buffer.from(page.body, 'utf8');
  const html = decodeHtml(bytes);
  const article = toArticle({ url, html });
  const report = buildReport(article, { id: reportIdOf(article), published: article.published });
  const expected = {
    url,
    title: article.title,
    published: article.published,
    author: article.author,
    publisher: article.publisher,
    canonicalUrl: article.canonicalUrl,
    lang: article.lang,
    text: article.text,
    // for the reviewer: strings of the page's menus, footers and related links that must never reach the text
    boilerplate: [] as string[],
  };
  const notes: string[] = [];
  if (html !== page.body)
    notes.push(
      'the page declares a charset other than UTF-8: source.html is the archived text as UTF-8, check it reads right',
    );
  if (page.parts?.length)
    notes.push(`the article has ${page.parts.length} further page(s); only this one is in the fixture`);
  rmSync(out, { recursive: true, force: true }); // --force: no file of the old fixture is left beside the new ones
  mkdirSync(out, { recursive: true });
  const files = [
    ['source.html', page.body],
    ['expected.json', `${JSON.stringify(expected, null, 2)}\n`],
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
  ] as const;
  for (const [name, data] of files) writeFileSync(join(out, name), data);
  return { dir: out, files: files.map(([name]) => join(out, name)), notes };
}
