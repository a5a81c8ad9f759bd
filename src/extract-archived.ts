/**
 * Archive → reports: the I/O around the pure extractors. Extracts every archived page that is new, changed, or
 * was extracted by an older extractor version, and appends the reports to the store. The bookkeeping file is
 * written after the reports, so a crash re-extracts at most the pages of the last batch (the store keeps the
 * newest line per id, so nothing is duplicated).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinParts, toArticle } from '../extractors/html-article.ts';
import { buildReport, EXTRACTOR_VERSION } from '../extractors/report.ts';
import { type ArchivedPage, listArchived, readArchived } from './archive.ts';
import type { DataDir } from './config.ts';
import { messageOf } from './errors.ts';
import { reportIdOf } from './hash.ts';
import { acquireLock } from './lock.ts';
import { appendReports } from './report-store.ts';
import type { RawPage, Report } from '../types/index.ts';

export interface ExtractStats {
  pages: number;
  extracted: number;
  unchanged: number;
  /** Further pages of paginated articles ("Halaman 2"): joined onto their first page, no report of their own. */
  parts: number;
  incidents: number;
  failed: Array<{ url: string; error: string }>;
}

const stateFile = (dir: DataDir) => join(dir.reports, 'extracted.json');

function readState(dir: DataDir): Record<string, string> {
  try {
    return JSON.parse(readFileSync(stateFile(dir), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

function writeState(dir: DataDir, state: Record<string, string>): void {
  mkdirSync(dir.reports, { recursive: true });
  const tmp = `${stateFile(dir)}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, stateFile(dir));
}

/**
 * What must change for a page to be extracted again: its body (the SHA-256 the archive already keeps), its final
 * URL, or the extractor.
 */
function fingerprint(sha256: string, url: string): string {
  return `${EXTRACTOR_VERSION}\0${url}\0${sha256}`;
}

/** Turns every archived page that is new or changed into a report, appended to the report store. */
export function extractArchived(
  dir: DataDir,
  opts: { log?: (line: string) => void; all?: boolean } = {},
): ExtractStats {
  const release = acquireLock(
    join(dir.root, 'locks', 'extract.lock'),
    (holder) => `another pantau extract (${holder}) is extracting this data dir; wait for it to finish`,
  );
  try {
    return extractUnlocked(dir, opts);
  } finally {
    release();
  }
}

function articleOf(page: RawPage) {
  return toArticle({ url: page.finalUrl || page.url, html: page.body, headers: page.headers, kind: page.kind });
}

/**
 * The archived further pages of a paginated article, in page order: those its first page links to, and those
 * each of them links to ("Halaman selanjutnya" on page 2 leads to page 3). Pages not archived (yet) are left out.
 */
function partsOf(dir: DataDir, first: RawPage): ArchivedPage[] {
  const found = new Map<string, ArchivedPage>();
  const queue = [...(first.parts ?? [])];
  while (queue.length && found.size < 50) {
    const rec = readArchived(dir, queue.shift()!);
    if (!rec?.page.partOf || found.has(rec.key)) continue;
    found.set(rec.key, rec);
    queue.push(...(rec.page.parts ?? []));
  }
  return [...found.values()].sort((a, b) => (a.page.part ?? 0) - (b.page.part ?? 0));
}

function extractUnlocked(dir: DataDir, opts: { log?: (line: string) => void; all?: boolean }): ExtractStats {
  const state = opts.all || !existsSync(stateFile(dir)) ? {} : readState(dir);
  const stats: ExtractStats = { pages: 0, extracted: 0, unchanged: 0, parts: 0, incidents: 0, failed: [] };
  let batch: Report[] = [];
  const flush = () => {
    appendReports(dir, batch);
    writeState(dir, state);
    batch = [];
  };
  for (const { key, formerKey, page, sha256 } of listArchived(dir)) {
    stats.pages++;
    if (formerKey !== undefined && formerKey in state) {
      // the archive was re-keyed since this state was written: the page's entry moves to its new key (written with
      // the state at the end), so it is not extracted again for it
      state[key] ??= state[formerKey]!;
      delete state[formerKey];
    }
    if (page.partOf) {
      stats.parts++;
      continue;
    }
    const parts = page.parts?.length ? partsOf(dir, page) : [];
    // a part archived (or changed) after its first page was extracted makes the article extracted again
    const fp = fingerprint([sha256, ...parts.map((p) => p.sha256)].join(','), page.finalUrl);
    if (state[key] === fp) {
      stats.unchanged++;
      continue;
    }
    try {
      const article = joinParts(
        articleOf(page),
        parts.map((p) => articleOf(p.page)),
      );
      const report = buildReport(article, { id: reportIdOf(article), published: article.published });
      batch.push(report);
      stats.extracted++;
      if (report.is_incident) stats.incidents++;
      state[key] = fp;
    } catch (err) {
      stats.failed.push({ url: page.url, error: messageOf(err) });
      opts.log?.(`extract: ${page.url}: ${messageOf(err)}`);
    }
    if (batch.length >= 200) flush();
    if (stats.pages % 500 === 0) opts.log?.(`extract: ${stats.pages} pages, ${stats.extracted} extracted`);
  }
  flush();
  return stats;
}
