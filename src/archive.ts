/**
 * The raw archive: every fetched page's HTML and fetch metadata, under <data>/archive/, keyed by canonical URL,
 * so extraction can be re-run offline and any page promoted to a test fixture without crawling again.
 *
 * Layout. Pages are appended to a few large files, not written one file each: creating a file costs about
 * 1.2 ms of kernel time on an ext4 disk, appending a record about 0.05 ms, and a crawl archives thousands.
 *   archive/segments/<started>-<seq>-<pid>-<rand>.jsonl   one line per page version:
 *                                                  { key, canonicalUrl, sha256, page: RawPage }
 *   archive/index.jsonl   a first line { v: 2 } (the key scheme), then where each page's current version is,
 *                         one line per write: { k: key, s: segment, o: offset, n: length, h: sha256 }, and aliases
 *                         { a: key of another URL (request URL, redirect target), k: key of the page }
 *   archive/observations/<lpse>/<observedAt>-<hash>.json   an LPSE seen answering with its SPSE error page
 * Each writing process appends to a segment of its own. A page's index line is written only after its record
 * is in the segment, so a crawl killed with kill -9 leaves at worst a record nothing points to (the page is
 * fetched again), never an index line pointing at half a record; a torn last index line is ignored. The last
 * index line of a key wins: a changed page is a new record, and the old one stays in its segment as history.
 * Readers pick up index lines appended since they last looked, so `pantau serve` sees what a running crawl
 * archives. A lost index.jsonl is rebuilt from the segments. Data dirs of the first layout (one file per page
 * under archive/pages/ and archive/aliases/) are moved into segments the first time they are opened, and an index
 * of the first key scheme (without the { v: 2 } line) is rebuilt with today's keys (see `INDEX_HEADER`).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalUrl } from '../extractors/urls.ts';
import type { RawPage } from '../types/index.ts';
import type { DataDir } from './config.ts';
import { messageOf, UserError } from './errors.ts';
import { sha256hex } from './hash.ts';
import { openJournal } from './journal.ts';
import { acquireLock } from './lock.ts';

/**
 * The archive key of an URL: 24 hex chars of the SHA-256 of its canonical form, the form a report id hashes too
 * (extractors/urls.ts), so the page a report came from is found by the report's URL.
 *
 * @example archiveKey('http://www.k.example/berita/a/?utm_source=wa') === archiveKey('https://k.example/berita/a') // true
 */
export function archiveKey(url: string): string {
  return sha256hex(canonicalUrl(url)).slice(0, 24);
}

/**
 * The first line of an index of today's key scheme. Version 1 (no such line) keyed pages by a normal form of the
 * archive's own (scheme and "www." kept, a trailing slash kept, another tracking-parameter list, sorted query),
 * so a report id and an archive key could disagree for one page; an index of version 1 is rebuilt from the
 * segments on open, the records staying where they are (each still names its first key: `formerKey`).
 */
const INDEX_HEADER = '{"v":2}';

const CANONICAL_RE = /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>/i;
const HREF_RE = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The page's declared canonical URL (same scheme and host as where it was fetched), else its final URL. */
export function canonicalUrlOf(page: Pick<RawPage, 'finalUrl' | 'url' | 'body' | 'partOf'>): string {
  const base = page.finalUrl || page.url;
  // A further page of an article ("Halaman 2") often names page 1 as its canonical: it keeps its own URL, or it
  // would replace page 1 in the archive.
  if (page.partOf) return base;
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
  /**
   * The key the record was written under, when the archive was re-keyed since (see `INDEX_HEADER`): what
   * bookkeeping keyed by archive key and written before (the extract state) finds it by. Not stored.
   */
  formerKey?: string;
  canonicalUrl: string;
  /** SHA-256 of the body: what `pantau extract` compares to find changed pages. */
  sha256: string;
  page: RawPage;
}

/** Writes a file atomically: temp file in the same directory, then rename. */
const madeDirs = new Set<string>();

export function writeFileAtomic(file: string, data: string): void {
  const dir = dirname(file);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    madeDirs.add(dir);
  }
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
  } catch (err) {
    // a disk that filled up: the old file stays whole, and no half-written temp file is left taking space
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Where a page's current version lives. */
interface IndexEntry {
  /** Segment file name (under archive/segments/). */
  s: string;
  /** Byte offset and length of the record's line, without its newline. */
  o: number;
  n: number;
  /** SHA-256 of the body. */
  h: string;
}

type IndexLine = ({ k: string } & IndexEntry) | { a: string; k: string };

/** A segment rolls over to a new file past this size. */
const SEGMENT_BYTES = 256 * 1024 * 1024;

/**
 * One data dir's archive: the index in memory (kept up to date with lines other processes append), and this
 * process's own segment, opened on its first write.
 */
class Archive {
  private readonly root: string;
  private readonly indexFile: string;
  private readonly segDir: string;
  private readonly pages = new Map<string, IndexEntry>();
  private readonly aliases = new Map<string, string>();
  /** Bytes of index.jsonl read so far (always at a line end). */
  private indexRead = 0;
  /** The inode of index.jsonl when read: another process re-keying the archive replaces the file. */
  private indexIno = 0;
  private indexFd: number | null = null;
  private seg: { name: string; fd: number; size: number } | null = null;
  private migrated = false;
  private migrating = false;

  constructor(root: string) {
    this.root = root;
    this.indexFile = join(root, 'index.jsonl');
    this.segDir = join(root, 'segments');
  }

  /** Reads index lines appended since the last look (by this process or another one). */
  refresh(): void {
    if (!this.migrated && !this.migrating) {
      // the migration reads the index itself (refresh), hence the guard; done only once it has succeeded, so a
      // failure (disk full) is met again by the next call instead of leaving an archive that looks empty
      this.migrating = true;
      try {
        try {
          this.rekey();
        } catch (err) {
          throw new UserError(`could not re-key the archive in ${this.root}: ${messageOf(err)}`);
        }
        try {
          this.migrateLegacy();
        } catch (err) {
          throw new UserError(`could not move the archive in ${this.root} to its segment layout: ${messageOf(err)}`);
        }
        this.migrated = true;
      } finally {
        this.migrating = false;
      }
    }
    let size: number;
    let ino: number;
    try {
      ({ size, ino } = statSync(this.indexFile));
    } catch {
      if (this.indexRead === 0 && existsSync(this.segDir)) this.rebuildIndex();
      return;
    }
    if (size < this.indexRead || (this.indexRead > 0 && ino !== this.indexIno)) {
      // Rewritten (rebuilt or re-keyed by another process): start over.
      this.pages.clear();
      this.aliases.clear();
      this.indexRead = 0;
    }
    this.indexIno = ino;
    if (size === this.indexRead) return;
    const fd = openSync(this.indexFile, 'r');
    try {
      const buf = Buffer.allocUnsafe(size - this.indexRead);
      const got = readSync(fd, buf, 0, buf.length, this.indexRead);
      const end = buf.lastIndexOf(10, got - 1);
      if (end < 0) return; // only a torn line so far
      for (const line of buf.toString('utf8', 0, end).split('\n')) this.apply(line);
      this.indexRead += end + 1;
    } finally {
      closeSync(fd);
    }
  }

  private apply(line: string): void {
    if (!line) return;
    let e: IndexLine;
    try {
      e = JSON.parse(line) as IndexLine;
    } catch {
      return; // torn by a kill, then followed by a newline from the next writer
    }
    // a line read back is checked; one this process writes is put as it is
    if (
      'a' in e ? typeof e.a === 'string' && typeof e.k === 'string' : typeof e.k === 'string' && typeof e.s === 'string'
    )
      this.put(e);
  }

  /** Takes one index line into the in-memory index. */
  private put(e: IndexLine): void {
    if ('a' in e) this.aliases.set(e.a, e.k);
    else this.pages.set(e.k, { s: e.s, o: e.o, n: e.n, h: e.h });
  }

  /** The page key an URL leads to (its own or an alias), reading new index lines only on a miss. */
  keyOf(url: string): string | null {
    const key = archiveKey(url);
    // An alias counts only with its page: one to a page never archived (unreadable in the first layout) must
    // not keep the URL from being fetched again.
    const find = () => {
      if (this.pages.has(key)) return key;
      const to = this.aliases.get(key);
      return to !== undefined && this.pages.has(to) ? to : null;
    };
    const hit = find();
    if (hit !== null) return hit;
    this.refresh();
    return find();
  }

  read(key: string, fds?: Map<string, number>): ArchivedPage | null {
    const e = this.pages.get(key);
    if (!e) return null;
    let fd = fds?.get(e.s);
    const own = fd === undefined;
    try {
      if (fd === undefined) {
        fd = openSync(join(this.segDir, e.s), 'r');
        if (fds) fds.set(e.s, fd);
      }
      const buf = Buffer.allocUnsafe(e.n);
      if (readSync(fd, buf, 0, e.n, e.o) !== e.n) return null;
      const rec = JSON.parse(buf.toString('utf8')) as ArchivedPage;
      if (rec.key === key) return rec;
      // written before the archive was re-keyed: the record names its first key; anything else is a line pointing
      // at the wrong record
      return archiveKey(rec.canonicalUrl) === key ? { ...rec, key, formerKey: rec.key } : null;
    } catch {
      return null; // a segment deleted or damaged by hand: the page is missing, not fatal
    } finally {
      if (own && !fds && fd !== undefined) closeSync(fd);
    }
  }

  keys(): string[] {
    this.refresh();
    return [...this.pages.keys()].sort();
  }

  count(): number {
    this.refresh();
    return this.pages.size;
  }

  /** Appends a page unless the same body is archived under its key already. */
  save(page: RawPage): { key: string; changed: boolean } {
    const canonicalUrl = canonicalUrlOf(page);
    const key = archiveKey(canonicalUrl);
    const sha256 = sha256hex(page.body);
    if (!this.pages.has(key)) this.refresh();
    const changed = this.pages.get(key)?.h !== sha256;
    const lines: IndexLine[] = [];
    if (changed) {
      const rec = Buffer.from(JSON.stringify({ key, canonicalUrl, sha256, page } satisfies ArchivedPage));
      const seg = this.segment(rec.length + 1);
      try {
        writeAll(seg.fd, Buffer.concat([rec, NEWLINE]), seg.size);
      } catch (err) {
        // (disk full) what was written of the record is a torn tail nothing points to; the next record goes into a
        // fresh segment rather than after it
        this.closeSegment();
        throw err;
      }
      const e: IndexEntry = { s: seg.name, o: seg.size, n: rec.length, h: sha256 };
      seg.size += rec.length + 1;
      lines.push({ k: key, ...e });
    }
    for (const u of new Set([page.url, page.finalUrl])) {
      if (!u || u === canonicalUrl) continue; // its key is `key`: no alias (and no second hash)
      const a = archiveKey(u);
      if (a !== key && this.aliases.get(a) !== key) lines.push({ a, k: key });
    }
    // After the record: an index line never points at a record that is not fully written.
    if (lines.length) this.appendIndex(lines);
    return { key, changed };
  }

  private appendIndex(lines: IndexLine[]): void {
    // a line torn by a kill must not swallow the first line of this run
    let header = '';
    if (this.indexFd === null) {
      this.indexFd = openJournal(this.indexFile);
      // a new index says its key scheme (two processes creating it at once write it twice: lines of no page)
      if (statSync(this.indexFile).size === 0) header = `${INDEX_HEADER}\n`;
    }
    // One write(2) in append mode: lines of concurrent writers never interleave.
    const text = `${header}${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
    let written: number;
    try {
      written = writeSync(this.indexFd, text);
    } catch (err) {
      this.closeIndex();
      throw err;
    }
    if (written < Buffer.byteLength(text)) {
      // A short write (the disk filled up in the middle): the torn line is ended by the next opening
      // (openJournal), so it cannot swallow the next line; the pages of this call are not indexed.
      this.closeIndex();
      throw Object.assign(new Error(`short write to ${this.indexFile}: no space left on device`), { code: 'ENOSPC' });
    }
    for (const l of lines) this.put(l);
  }

  private segment(bytes: number): { name: string; fd: number; size: number } {
    if (this.seg && this.seg.size > 0 && this.seg.size + bytes > SEGMENT_BYTES) {
      closeSync(this.seg.fd);
      this.seg = null;
    }
    if (!this.seg) {
      mkdirSync(this.segDir, { recursive: true, mode: 0o700 });
      // Names sort in creation order (a rebuilt index lets the later record of a key win): milliseconds, then a
      // counter for segments this process opens within one millisecond.
      const stamp = new Date().toISOString().replace(/[-:.]/g, '');
      const name = `${stamp}-${String(segmentSeq++).padStart(6, '0')}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.jsonl`;
      this.seg = { name, fd: openSync(join(this.segDir, name), 'wx', 0o600), size: 0 };
    }
    return this.seg;
  }

  private closeSegment(): void {
    if (this.seg) closeSync(this.seg.fd);
    this.seg = null;
  }

  private closeIndex(): void {
    if (this.indexFd !== null) closeSync(this.indexFd);
    this.indexFd = null;
  }

  /** Closes this process's files (the end of a crawl). The next write opens a new segment. */
  close(): void {
    if (this.seg) closeSync(this.seg.fd);
    if (this.indexFd !== null) closeSync(this.indexFd);
    this.seg = null;
    this.indexFd = null;
  }

  /** index.jsonl lost (deleted by hand): the segments hold every record; the last one of a key wins. */
  private rebuildIndex(): void {
    const lines = this.scanSegments();
    // No whole record yet (a writer's first one under way, or torn by a kill): nothing to index, and no
    // index.jsonl to stat.
    if (!lines.length) return;
    this.appendIndex(lines);
    this.indexRead = statSync(this.indexFile).size;
  }

  /** The index lines of every whole record in the segments, in segment order, keyed by today's scheme. */
  private scanSegments(): IndexLine[] {
    const lines: IndexLine[] = [];
    if (!existsSync(this.segDir)) return lines;
    for (const name of readdirSync(this.segDir).sort()) {
      if (!name.endsWith('.jsonl')) continue;
      const buf = readFileSync(join(this.segDir, name));
      let o = 0;
      while (o < buf.length) {
        let end = buf.indexOf(10, o);
        if (end < 0) end = buf.length;
        try {
          const rec = JSON.parse(buf.toString('utf8', o, end)) as ArchivedPage;
          if (end < buf.length && typeof rec.key === 'string' && typeof rec.canonicalUrl === 'string') {
            // the key its canonical URL has now (a record of the first key scheme names another)
            const key = archiveKey(rec.canonicalUrl);
            lines.push({ k: key, s: name, o, n: end - o, h: rec.sha256 });
            // Its aliases too (the record names the URLs it was requested and found at), as save() writes them.
            for (const u of new Set([rec.page.url, rec.page.finalUrl])) {
              const a = u && u !== rec.canonicalUrl ? archiveKey(u) : key;
              if (a !== key) lines.push({ a, k: key });
            }
          }
        } catch {
          // a record torn by a kill (or a hole left by one): skipped
        }
        o = end + 1;
      }
    }
    return lines;
  }

  /**
   * Rebuilds an index of the first key scheme (see `INDEX_HEADER`) from the segments, under a lock (a second
   * process opening the same archive waits, then finds it done), and swaps it in with a rename: a kill leaves the
   * old index, re-keyed again on the next open. The records are not rewritten.
   */
  private rekey(): void {
    const first = this.indexFirstLine();
    if (first === null || first === INDEX_HEADER) return;
    const release = acquireLock(
      join(this.root, 'rekey.lock'),
      (holder) => `another Pantau process (${holder}) is re-keying it; try again when it is done`,
      { waitMs: 120_000 },
    );
    try {
      if (this.indexFirstLine() === INDEX_HEADER) return; // done by the process waited for
      this.closeIndex();
      const lines = this.scanSegments();
      const tmp = `${this.indexFile}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
      try {
        writeFileSync(tmp, [INDEX_HEADER, ...lines.map((l) => JSON.stringify(l))].map((l) => `${l}\n`).join(''), {
          mode: 0o600,
        });
        renameSync(tmp, this.indexFile);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      this.pages.clear();
      this.aliases.clear();
      this.indexRead = 0;
    } finally {
      release();
    }
  }

  /** The first line of index.jsonl, or null when there is none (no index yet, or an empty one). */
  private indexFirstLine(): string | null {
    let fd: number;
    try {
      fd = openSync(this.indexFile, 'r');
    } catch {
      return null;
    }
    try {
      const buf = Buffer.alloc(64);
      const got = readSync(fd, buf, 0, buf.length, 0);
      if (got === 0) return null;
      const end = buf.indexOf(10);
      return buf.toString('utf8', 0, end < 0 || end > got ? got : end);
    } finally {
      closeSync(fd);
    }
  }

  /** Moves an archive of the first layout (one file per page, one per alias) into segments, then deletes it. */
  private migrateLegacy(): void {
    const pagesDir = join(this.root, 'pages');
    const aliasDir = join(this.root, 'aliases');
    if (!existsSync(pagesDir) && !existsSync(aliasDir)) return;
    this.refresh(); // a migration cut short by a kill: what it moved is indexed already
    for (const f of walk(pagesDir)) {
      if (!f.endsWith('.json')) continue;
      let rec: ArchivedPage;
      try {
        rec = JSON.parse(readFileSync(f, 'utf8')) as ArchivedPage;
        if (typeof rec.page.body !== 'string' || typeof rec.page.url !== 'string') continue;
      } catch {
        continue; // unreadable page of the old layout: a later crawl fetches it again
      }
      // Not caught: a page that cannot be written (disk full) must not be deleted with the old layout below.
      if (this.pages.get(rec.key)?.h !== rec.sha256) this.save(rec.page);
    }
    const aliasLines: IndexLine[] = [];
    for (const f of walk(aliasDir)) {
      const a = f.slice(f.lastIndexOf('/') + 1);
      if (a.includes('.tmp-')) continue;
      let k: string;
      try {
        k = readFileSync(f, 'utf8').trim();
      } catch {
        continue; // removed meanwhile by another process migrating the same archive
      }
      if (this.aliases.get(a) !== k) aliasLines.push({ a, k });
    }
    if (aliasLines.length) this.appendIndex(aliasLines);
    this.close();
    rmSync(pagesDir, { recursive: true, force: true });
    rmSync(aliasDir, { recursive: true, force: true });
  }
}

const NEWLINE = Buffer.from('\n');

function writeAll(fd: number, buf: Buffer, position: number): void {
  let done = 0;
  while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done, position + done);
}

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) yield join(e.parentPath, e.name);
}

const archives = new Map<string, Archive>();
let segmentSeq = 0;

function archiveOf(dir: DataDir): Archive {
  let a = archives.get(dir.archive);
  if (!a) {
    a = new Archive(dir.archive);
    archives.set(dir.archive, a);
  }
  return a;
}

/** The archived page an URL leads to (its own key or an alias), or null. */
export function readArchived(dir: DataDir, url: string): ArchivedPage | null {
  const a = archiveOf(dir);
  // a page known already may have a newer version from a crawl running beside this reader (`pantau serve`)
  a.refresh();
  const key = a.keyOf(url);
  return key === null ? null : a.read(key);
}

/** The archived page of this key (as `listArchived` yields it), or null. */
export function readArchivedKey(dir: DataDir, key: string): ArchivedPage | null {
  const a = archiveOf(dir);
  a.refresh();
  return a.read(key);
}

/** Is this URL (as requested, redirected to, or canonical) already in the archive? */
export function hasArchived(dir: DataDir, url: string): boolean {
  return archiveOf(dir).keyOf(url) !== null;
}

/**
 * Stores a fetched page under its canonical URL, and aliases for the requested and final URLs. `changed` is
 * false when the same body is already archived (nothing is written then, keeping the first fetch time).
 */
export function saveRawPage(dir: DataDir, page: RawPage): { key: string; changed: boolean } {
  return archiveOf(dir).save(page);
}

/**
 * Closes the files this process writes the archive with and forgets its index (the crawl calls it when it
 * ends); the next call reads the archive from disk again.
 */
export function closeArchive(dir: DataDir): void {
  archives.get(dir.archive)?.close();
  archives.delete(dir.archive);
}

/** Every archived page, in key order (stable across runs). */
export function* listArchived(dir: DataDir): Generator<ArchivedPage> {
  const a = archiveOf(dir);
  const fds = new Map<string, number>();
  try {
    for (const key of a.keys()) {
      const rec = a.read(key, fds);
      if (rec) yield rec; // a page that cannot be read is skipped, not fatal; a later crawl fetches it again
    }
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
}

/** Number of archived pages (not counting aliases and observations). */
export function countArchived(dir: DataDir): number {
  return archiveOf(dir).count();
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
