/**
 * Process locks on a data dir: a file holding the holder's pid, created exclusively. A lock whose holder is
 * gone (killed, crashed) is taken over, so a `kill -9` never leaves a data dir locked.
 */
import {
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from './errors.ts';

/** Is a process with this pid running (EPERM: running, as another user)? */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An empty lock file older than this is not a holder about to write its pid. */
const EMPTY_STALE_MS = 5000;

/** Lock files this process holds. */
const held = new Set<string>();

/** Takes the lock, or returns the pid of the live process that holds it (-1: one still writing its pid). */
function tryLock(file: string): number | null {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        writeFileSync(fd, String(process.pid));
      } catch (err) {
        // (a full disk) an empty lock would hold everyone off until it is old enough to be called stale
        closeSync(fd);
        rmSync(file, { force: true });
        throw err;
      }
      closeSync(fd);
      held.add(file);
      return null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let seen: LockFile;
    try {
      seen = readLock(file);
    } catch {
      continue; // released meanwhile
    }
    const holder = Number.parseInt(seen.text, 10) || 0;
    // An empty file is a holder between its create and its write: wait for it like for a live one, unless it has
    // been empty too long for that (killed in between, or its write failed): then nothing would ever remove it.
    // Our own pid in a lock this process does not hold was left by an earlier process that had the same pid (a
    // container restarted after a kill -9 often gives the same one).
    const stale = holder
      ? holder === process.pid
        ? !held.has(file)
        : !pidAlive(holder)
      : Date.now() - seen.mtimeMs > EMPTY_STALE_MS;
    if (stale) removeStale(file, seen);
    else return holder || -1;
  }
}

interface LockFile {
  text: string;
  ino: number;
  mtimeMs: number;
}

function readLock(file: string): LockFile {
  const fd = openSync(file, 'r');
  try {
    const { ino, mtimeMs } = fstatSync(fd);
    return { text: readFileSync(fd, 'utf8'), ino, mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the lock file of a dead holder, unless it is no longer the file read: another process may have taken
 * the stale lock over meanwhile, and removing its fresh lock would let two processes hold it. So the file is
 * moved aside (one process gets it), compared with what was read, and linked back if it is someone's new lock.
 */
function removeStale(file: string, seen: LockFile): void {
  const aside = `${file}.stale-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // removed meanwhile
  }
  let same = false;
  try {
    const now = readLock(aside);
    same = now.ino === seen.ino && now.mtimeMs === seen.mtimeMs && now.text === seen.text;
  } catch {
    // unreadable: put back below
  }
  if (!same) {
    try {
      linkSync(aside, file);
    } catch {
      // a third process took the lock in between: it holds it
    }
  }
  rmSync(aside, { force: true });
}

/** "pid 123", or what is known of a holder that has not written its pid yet. */
const holderText = (pid: number) => (pid > 0 ? `pid ${pid}` : 'just starting');

function release(file: string): void {
  held.delete(file);
  rmSync(file, { force: true });
}

/**
 * Takes the lock (at once, or within `waitMs`) or throws busy(holder) as a UserError, the holder as "pid 123";
 * returns the release. For synchronous work.
 */
export function acquireLock(
  file: string,
  busy: (holder: string) => string,
  opts: { waitMs?: number } = {},
): () => void {
  const deadline = Date.now() + (opts.waitMs ?? 0);
  for (;;) {
    const holder = tryLock(file);
    if (holder === null) break;
    if (Date.now() >= deadline) throw new UserError(busy(holderText(holder)));
    // a synchronous caller (the archive re-keying itself on open) waits without returning to the event loop
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  return () => release(file);
}

/**
 * Runs fn holding the lock. Without `waitMs`, a lock held by a live process is an error at once: `busy`
 * receives the holder ("pid 123") and says what is going on ("another crawl (pid 123) is writing this data dir").
 */
export async function withLock<T>(
  file: string,
  busy: (holder: string) => string,
  fn: () => Promise<T>,
  opts: { waitMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.waitMs ?? 0);
  for (;;) {
    const holder = tryLock(file);
    if (holder === null) break;
    if (Date.now() >= deadline) throw new UserError(busy(holderText(holder)));
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    return await fn();
  } finally {
    release(file);
  }
}
