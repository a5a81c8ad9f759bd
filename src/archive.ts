/**
 * The raw archive: every fetched page's HTML and fetch metadata, under <data>/archive/, keyed by canonical URL,
 * so extraction can be re-run offline and any page promoted to a test fixture without crawling again.
 *
 * Layout (one JSON file per page, so a write is one atomic rename):
 *   archive/pages/<kk>/<key>.json   { key, canonicalUrl, sha256, page: RawPage }
 *   archive/aliases/<kk>/<key>      the key of the page an other URL (request URL, redirect target) stands for
 *   archive/observations/<lpse>/<observedAt>-<hash>.json   an LPSE seen answering with its SPSE error page
 * Writes go to a temporary file in the same directory and are renamed into place: a crawl killed with
 * kill -9 leaves either the old file or the new one, never half of one.
 */
import * as crypto from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DataDir } from './config.ts';
import type { RawPage } from './types.ts';

/** SHA-256 hex; crypto.hash (Node ≥ 20.12) skips the Hash object, which the crawl's hot path notices. */
const sha256hex: (data: string) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data)
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** Query parameters that never change what a page says. */
const TRACKING_PARAM_RE = /^(?:utm_\w+|fbclid|gclid|amp|ref|source|from|_ga)$/i;

/**
 * The form of an URL used for keys: lower-case scheme and host, no default port, no fragment, no tracking
 * parameters, sorted query.
 *
 * @example normalizeUrl("HTTPS://Kalteng.AntaraNews.com:443/berita/1?utm_source=wa#top") // "https://kalteng.antaranews.com/berita/1"
 */
export function normalizeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url.trim();
  }
  u.hash = '';
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING_PARAM_RE.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  u.search = '';
  for (const [k, v] of params) u.searchParams.append(k, v);
  return u.toString();
}

/** The archive key of an URL: 24 hex chars of the SHA-256 of its normal form. */
export function archiveKey(url: string): string {
  return sha256hex(normalizeUrl(url)).slice(0, 24);
}

const CANONICAL_RE = /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i;
const HREF_RE = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The page's declared canonical URL (same scheme and host as where it was fetched), else its final URL. */
export function canonicalUrlOf(page: Pick<RawPage, 'finalUrl' | 'url' | 'body'>): string {
  const base = page.finalUrl || page.url;
  const tag = CANONICAL_RE.exec(page.body.slice(0, 200_000))?.[0];
  const href = tag ? HREF_RE.exec(tag) : null;
  const raw = href ? (href[1] ?? href[2] ?? href[3]) : undefined;
  if (raw) {
    try {
      const c = new URL(raw.trim(), base);
      // A canonical on another host is a syndication claim, not where this copy lives; keep the copy's own URL
      // so the extractor sees both copies (Report.urls).
      if (c.host === new URL(base).host && /^https?:$/.test(c.protocol)) return c.toString();
    } catch {
      // unparsable canonical: fall back to the fetched URL
    }
  }
  return base;
}

export interface ArchivedPage {
  key: string;
  canonicalUrl: string;
  /** SHA-256 of the body: what `pantau extract` compares to find changed pages. */
  sha256: string;
  page: RawPage;
}

const pagePath = (dir: DataDir, key: string) => join(dir.archive, 'pages', key.slice(0, 2), `${key}.json`);
const aliasPath = (dir: DataDir, key: string) => join(dir.archive, 'aliases', key.slice(0, 2), key);

/** Writes a file atomically: temp file in the same directory, then rename. */
const madeDirs = new Set<string>();

export function writeFileAtomic(file: string, data: string): void {
  const dir = dirname(file);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * writeFileAtomic without blocking the event loop: the file is on disk under its final name when the promise
 * resolves (the crawler marks a page done only after that), and other pages are fetched and parsed meanwhile.
 */
export async function writeFileAtomicAsync(file: string, data: string): Promise<void> {
  const dir = dirname(file);
  if (!madeDirs.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** The archived page an URL leads to (its own key or an alias), or null. */
export function readArchived(dir: DataDir, url: string): ArchivedPage | null {
  let key = archiveKey(url);
  if (!existsSync(pagePath(dir, key))) {
    const alias = aliasPath(dir, key);
    if (!existsSync(alias)) return null;
    key = readFileSync(alias, 'utf8').trim();
  }
  try {
    return JSON.parse(readFileSync(pagePath(dir, key), 'utf8')) as ArchivedPage;
  } catch {
    return null;
  }
}

/** Is this URL (as requested, redirected to, or canonical) already in the archive? */
export function hasArchived(dir: DataDir, url: string): boolean {
  const key = archiveKey(url);
  return existsSync(pagePath(dir, key)) || existsSync(aliasPath(dir, key));
}

/**
 * Stores a fetched page under its canonical URL, and aliases for the requested and final URLs. `changed` is
 * false when the same body is already archived (the file is then left untouched, keeping the first fetch time).
 */
export function saveRawPage(dir: DataDir, page: RawPage): { key: string; changed: boolean } {
  const { key, canonicalUrl, sha256, file } = pageRecord(dir, page);
  let changed = true;
  if (existsSync(file)) {
    try {
      changed = (JSON.parse(readFileSync(file, 'utf8')) as ArchivedPage).sha256 !== sha256;
    } catch {
      changed = true; // unreadable: rewrite it
    }
  }
  if (changed) writeFileAtomic(file, JSON.stringify({ key, canonicalUrl, sha256, page } satisfies ArchivedPage));
  for (const u of new Set([page.url, page.finalUrl])) {
    const k = archiveKey(u);
    if (k !== key && !existsSync(aliasPath(dir, k))) writeFileAtomic(aliasPath(dir, k), key);
  }
  return { key, changed };
}

/**
 * saveRawPage for the crawler: same files, same atomicity, written without blocking the event loop. The page and
 * its aliases are on disk under their final names when the promise resolves.
 */
export async function saveRawPageAsync(dir: DataDir, page: RawPage): Promise<{ key: string; changed: boolean }> {
  const { key, canonicalUrl, sha256, file } = pageRecord(dir, page);
  let changed = true;
  if (existsSync(file)) {
    try {
      changed = (JSON.parse(await readFile(file, 'utf8')) as ArchivedPage).sha256 !== sha256;
    } catch {
      changed = true; // unreadable: rewrite it
    }
  }
  if (changed)
    await writeFileAtomicAsync(file, JSON.stringify({ key, canonicalUrl, sha256, page } satisfies ArchivedPage));
  for (const u of new Set([page.url, page.finalUrl])) {
    if (u === canonicalUrl) continue; // its key is `key`: no alias (and no second hash)
    const k = archiveKey(u);
    if (k !== key && !existsSync(aliasPath(dir, k))) await writeFileAtomicAsync(aliasPath(dir, k), key);
  }
  return { key, changed };
}

function pageRecord(dir: DataDir, page: RawPage): { key: string; canonicalUrl: string; sha256: string; file: string } {
  const canonicalUrl = canonicalUrlOf(page);
  const key = archiveKey(canonicalUrl);
  return { key, canonicalUrl, sha256: sha256hex(page.body), file: pagePath(dir, key) };
}

/** Every archived page, in key order (stable across runs). */
export function* listArchived(dir: DataDir): Generator<ArchivedPage & { key: string; page: RawPage }> {
  const root = join(dir.archive, 'pages');
  if (!existsSync(root)) return;
  for (const shard of readdirSync(root).sort()) {
    const files = readdirSync(join(root, shard))
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const f of files) {
      try {
        yield JSON.parse(readFileSync(join(root, shard, f), 'utf8')) as ArchivedPage;
      } catch {
        // a page that cannot be read is skipped, not fatal; a later crawl rewrites it
      }
    }
  }
}

/** Number of archived pages (not counting aliases and observations). */
export function countArchived(dir: DataDir): number {
  const root = join(dir.archive, 'pages');
  if (!existsSync(root)) return 0;
  let n = 0;
  for (const shard of readdirSync(root)) n += readdirSync(join(root, shard)).filter((f) => f.endsWith('.json')).length;
  return n;
}

/** Removes temporary files a killed writer left behind. */
export function cleanArchiveTemp(dir: DataDir): number {
  if (!existsSync(dir.archive)) return 0;
  let n = 0;
  for (const e of readdirSync(dir.archive, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.tmp-\d+-\w+$/.test(e.name)) {
      rmSync(join(e.parentPath, e.name), { force: true });
      n++;
    }
  }
  return n;
}

/** An LPSE seen answering with its SPSE error page ("Maaf, terjadi error pada aplikasi SPSE … Kode Error"). */
export interface LpseObservation {
  /** Source id of the LPSE (crawlers/sources). */
  lpse: string;
  /** The LPSE's SPSE root URL. */
  base: string | null;
  /** Kemendagri region code of the LPSE, when known. */
  region_code: string | null;
  url: string;
  /** ISO timestamp of the fetch that met the error page. */
  observedAt: string;
  status: number;
  kind: 'spse-error';
  /** "4f7a2c91" from "Kode Error : 4f7a2c91", when shown. */
  errorCode: string | null;
  /** The error text as the page shows it. */
  message: string;
}

/** Records an observation (one file each; never overwritten). */
export function saveObservation(dir: DataDir, obs: LpseObservation): string {
  const h = sha256hex(`${obs.url} ${obs.observedAt}`).slice(0, 10);
  const file = join(
    dir.archive,
    'observations',
    obs.lpse.replace(/[^\w.-]+/g, '_'),
    `${obs.observedAt.replace(/[:.]/g, '-')}-${h}.json`,
  );
  writeFileAtomic(file, JSON.stringify(obs));
  return file;
}

/** Every recorded observation, oldest first. */
export function listObservations(dir: DataDir): LpseObservation[] {
  const root = join(dir.archive, 'observations');
  if (!existsSync(root)) return [];
  const out: LpseObservation[] = [];
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    try {
      out.push(JSON.parse(readFileSync(join(e.parentPath, e.name), 'utf8')) as LpseObservation);
    } catch {
      // skip unreadable
    }
  }
  return out.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
}
