/**
 * Process locks on a data dir: a file holding the holder's pid, created exclusively. A lock whose holder is
 * gone (killed, crashed) is taken over, so a `kill -9` never leaves a data dir locked.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Takes the lock, or returns the pid of the live process that holds it. */
function tryLock(file: string): number | null {
  mkdirSync(dirname(file), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = 0;
    try {
      holder = Number.parseInt(readFileSync(file, 'utf8') || '0', 10);
    } catch {
      continue; // released meanwhile
    }
    // An empty file is a holder between its create and its write: wait for it like for a live one.
    if (holder && !pidAlive(holder)) rmSync(file, { force: true });
    else return holder || -1;
  }
}

/** Takes the lock at once or throws busy(holder) as a UserError; returns the release. For synchronous work. */
export function acquireLock(file: string, busy: (pid: number) => string): () => void {
  const holder = tryLock(file);
  if (holder !== null) throw new UserError(busy(holder));
  return () => rmSync(file, { force: true });
}

/**
 * Runs fn holding the lock. Without `waitMs`, a lock held by a live process is an error at once: `busy`
 * receives the holder's pid and says what is going on ("another crawl (pid 123) is writing this data dir").
 */
export async function withLock<T>(
  file: string,
  busy: (pid: number) => string,
  fn: () => Promise<T>,
  opts: { waitMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.waitMs ?? 0);
  for (;;) {
    const holder = tryLock(file);
    if (holder === null) break;
    if (Date.now() >= deadline) throw new UserError(busy(holder));
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}
