/**
 * The crawl's durable state: an append-only journal under <data>/crawl/frontier.jsonl of what was queued,
 * seen, done and failed. Each line is written with a synchronous append before the crawler moves on, so a
 * crawl killed with kill -9 loses at most the line being written (a torn last line is ignored on load), and the
 * next run re-queues exactly what was queued and not done.
 *
 * Why not Crawlee's persisted RequestQueue: its file storage writes in the background (an enqueue can be lost
 * on kill -9) and it persists request locks, so requests in flight at the kill stay locked after a restart.
 */
import { closeSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openJournal } from '../src/journal.ts';

export type Label = 'LIST' | 'ARTICLE' | 'ARTICLE_PART' | 'FEED' | 'SITEMAP' | 'LPSE_LIST' | 'LPSE_PAGE';

/** The `why` of a "seen" line for a page fetched and found, on its text, not to be about LPSE/SPSE. */
const IRRELEVANT_PAGE = 'irrelevant-page';

export interface QueuedRequest {
  url: string;
  label: Label;
  source: string;
  /** Listing pages: how many pages deep in the pagination (start page = 0). */
  depth?: number;
  /** The title the listing showed, if any. */
  title?: string;
  /** Queued at the front: its headline looks like an outage story. */
  priority?: boolean;
  /** ARTICLE_PART: the URL of the article's first page, and this page's number (2, 3, …). */
  partOf?: string;
  part?: number;
}

type Entry =
  | ({ op: 'add' } & QueuedRequest)
  | { op: 'seen'; url: string; why?: string }
  | { op: 'done'; url: string }
  | { op: 'fail'; url: string; error: string };

export class Frontier {
  readonly file: string;
  /** URLs known before this run started (queued, fetched or judged irrelevant). */
  readonly seenAtStart = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly pending = new Map<string, QueuedRequest>();
  /** Pages fetched and found not to be about LPSE/SPSE, in this or an earlier run. */
  private readonly irrelevantPages = new Set<string>();
  /** Requests left unfinished by an earlier run, re-queued by this one. */
  readonly resumed: QueuedRequest[] = [];
  /** Requests that failed in an earlier run (retried once per run). */
  readonly failedBefore: QueuedRequest[] = [];

  constructor(crawlDir: string) {
    mkdirSync(crawlDir, { recursive: true });
    this.file = join(crawlDir, 'frontier.jsonl');
    this.load();
  }

  private load(): void {
    if (!existsSync(this.file)) return;
    const adds = new Map<string, QueuedRequest>();
    const failed = new Map<string, QueuedRequest>();
    const text = readFileSync(this.file, 'utf8');
    const lines = text.split('\n');
    for (const line of lines) {
      if (!line) continue;
      let e: Entry;
      try {
        e = JSON.parse(line) as Entry;
      } catch {
        continue; // torn write at the kill
      }
      this.seen.add(e.url);
      if (e.op === 'seen' && e.why === IRRELEVANT_PAGE) this.irrelevantPages.add(e.url);
      if (e.op === 'add') {
        const { op: _op, ...req } = e;
        adds.set(e.url, req);
        failed.delete(e.url);
      } else if (e.op === 'done') {
        adds.delete(e.url);
        failed.delete(e.url);
      } else if (e.op === 'fail') {
        const req = adds.get(e.url);
        if (req) failed.set(e.url, req);
        adds.delete(e.url);
      }
    }
    for (const u of this.seen) this.seenAtStart.add(u);
    this.resumed.push(...adds.values());
    this.failedBefore.push(...failed.values());
    for (const r of adds.values()) this.pending.set(r.url, r);
    // Compact: keep what is still needed (seen URLs, pending and failed requests), so the journal does not grow
    // without bound. Written atomically like the archive.
    if (lines.length > 4 * (this.seen.size + 16)) this.compact(adds, failed);
  }

  private compact(adds: Map<string, QueuedRequest>, failed: Map<string, QueuedRequest>): void {
    const out: string[] = [];
    for (const u of this.seen) {
      if (adds.has(u) || failed.has(u)) continue;
      const why = this.irrelevantPages.has(u) ? { why: IRRELEVANT_PAGE } : {};
      out.push(JSON.stringify({ op: 'seen', url: u, ...why }));
    }
    for (const r of failed.values())
      out.push(JSON.stringify({ op: 'add', ...r }), JSON.stringify({ op: 'fail', url: r.url, error: 'earlier run' }));
    for (const r of adds.values()) out.push(JSON.stringify({ op: 'add', ...r }));
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, out.length ? `${out.join('\n')}\n` : '');
    renameSync(tmp, this.file);
  }

  private fd: number | null = null;

  private buffer: string[] = [];

  /**
   * Lines are buffered while a page is handled and written with its "done" line in one write(2) (or by
   * flush() before the queue is handed new requests). A kill before that write loses the page's lines and its
   * "done" together, so the page is handled again; once written, the kernel has them, kill -9 or not.
   */
  private write(e: Entry): void {
    this.buffer.push(JSON.stringify(e));
  }

  /** Writes the buffered lines to the journal. */
  flush(): void {
    if (!this.buffer.length) return;
    // a line torn by a kill must not swallow the first line of this run
    this.fd ??= openJournal(this.file);
    writeSync(this.fd, `${this.buffer.join('\n')}\n`);
    this.buffer = [];
  }

  /** Closes the journal file (the crawl's end). */
  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Was this URL known before this run? */
  knewBefore(url: string): boolean {
    return this.seenAtStart.has(url);
  }

  isPending(url: string): boolean {
    return this.pending.has(url);
  }

  /** Records a request about to be queued. */
  add(req: QueuedRequest): void {
    this.pending.set(req.url, req);
    this.seen.add(req.url);
    this.write({ op: 'add', ...req });
  }

  /** Records an URL looked at and not queued (irrelevant title, robots.txt, already archived). */
  markSeen(url: string, why?: string): void {
    if (this.seen.has(url)) return;
    this.seen.add(url);
    this.write({ op: 'seen', url, ...(why ? { why } : {}) });
  }

  /**
   * Records a fetched page found not to be about LPSE/SPSE (written even though the URL was queued, unlike
   * markSeen), so that a later run does not fetch it again for a link that shows no title either.
   */
  markIrrelevantPage(url: string): void {
    if (this.irrelevantPages.has(url)) return;
    this.seen.add(url);
    this.irrelevantPages.add(url);
    this.write({ op: 'seen', url, why: IRRELEVANT_PAGE });
  }

  /** Was this page fetched, in this or an earlier run, and found not to be about LPSE/SPSE? */
  wasIrrelevantPage(url: string): boolean {
    return this.irrelevantPages.has(url);
  }

  done(url: string): void {
    this.pending.delete(url);
    this.write({ op: 'done', url });
    this.flush();
  }

  fail(url: string, error: string): void {
    this.pending.delete(url);
    this.write({ op: 'fail', url, error: error.slice(0, 300) });
    this.flush();
  }
}
