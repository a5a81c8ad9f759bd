/**
 * One crawl, one extract and one index run per data dir at a time: a second one is a one-line error naming the
 * holder; a lock left by a killed process is taken over.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { crawl } from '../../crawlers/crawl.ts';
import { resolveDataDir } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { acquireLock, withLock } from '../../src/lock.ts';
import { ROOT, runPantau, tempDir } from '../helpers.ts';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

/** A live process that is not this one, to hold a lock. */
function holder(): number {
  const c = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  children.push(c);
  return c.pid!;
}

/** A pid that belonged to a process now gone. */
async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

function lockAs(file: string, pid: number): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, String(pid));
}

test('a lock held by a live process is refused with its pid; a dead holder is taken over', async () => {
  const file = join(tempDir(), 'locks', 'x.lock');
  const live = holder();
  lockAs(file, live);
  expect(() => acquireLock(file, (holder) => `busy ${holder}`)).toThrow(new UserError(`busy pid ${live}`));
  await expect(
    withLock(
      file,
      (holder) => `busy ${holder}`,
      async () => 1,
    ),
  ).rejects.toThrow(`busy pid ${live}`);
  lockAs(file, await deadPid());
  const release = acquireLock(file, (holder) => `busy ${holder}`);
  expect(existsSync(file)).toBe(true);
  release();
  expect(existsSync(file)).toBe(false);
  expect(
    await withLock(
      file,
      () => 'busy',
      async () => 42,
    ),
  ).toBe(42);
  expect(existsSync(file)).toBe(false);
});

test('two processes taking over the same dead lock: the one that looks last does not remove the new lock', async () => {
  const dir = tempDir();
  const file = join(dir, 'locks', 'x.lock');
  const marker = join(dir, 'checking');
  lockAs(file, await deadPid());
  // The other process reads the dead pid, then is slow to check it (pidAlive); this one takes the lock meanwhile.
  const script = `const { writeFileSync } = await import('node:fs');
    const { acquireLock } = await import('./src/lock.ts');
    const kill = process.kill.bind(process);
    let slow = true;
    process.kill = (pid, sig) => {
      if (sig === 0 && slow) {
        slow = false;
        writeFileSync(${JSON.stringify(marker)}, '');
        const until = Date.now() + 1500;
        while (Date.now() < until);
      }
      return kill(pid, sig);
    };
    try {
      acquireLock(${JSON.stringify(file)}, (holder) => 'busy ' + holder);
      console.log('took it');
    } catch (err) {
      console.log(err.message);
    }`;
  const other = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
  children.push(other);
  let out = '';
  other.stdout!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise((r) => other.on('exit', r));
  const deadline = Date.now() + 20_000;
  while (!existsSync(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const release = acquireLock(file, (holder) => `busy ${holder}`);
  await exited;
  expect(out.trim()).toBe(`busy pid ${process.pid}`);
  expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
  release();
}, 30_000);

test('an empty lock file is a holder about to write its pid, until it is too old to be one', () => {
  const file = join(tempDir(), 'locks', 'x.lock');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '');
  expect(() => acquireLock(file, (holder) => `busy ${holder}`)).toThrow('busy just starting');
  // Killed between creating the file and writing its pid: it stays empty and must not lock the data dir forever.
  const old = new Date(Date.now() - 60_000);
  utimesSync(file, old, old);
  const release = acquireLock(file, (holder) => `busy ${holder}`);
  expect(readFileSync(file, 'utf8')).toBe(String(process.pid));
  release();
});

test('a second crawl on the same data dir is refused; the first one is untouched', async () => {
  const root = tempDir();
  const live = holder();
  lockAs(join(root, 'locks', 'crawl.lock'), live);
  await expect(crawl({ dataDir: resolveDataDir(root), sources: [] })).rejects.toThrow(
    `another pantau crawl (pid ${live}) is crawling into this data dir`,
  );
  expect(existsSync(join(root, 'locks', 'crawl.lock'))).toBe(true);
});

test('pantau extract while another extract runs: one line, non-zero exit', async () => {
  const root = tempDir();
  const live = holder();
  lockAs(join(root, 'locks', 'extract.lock'), live);
  const r = await runPantau(['--data-dir', root, 'extract']);
  expect(r.code).not.toBe(0);
  expect(r.stderr.trim().split('\n')).toEqual([
    expect.stringContaining(`another pantau extract (pid ${live}) is extracting this data dir`),
  ]);
});

test('a second index run on the same data dir is refused before it touches Meilisearch', async () => {
  const { syncIndexes } = await import('../../src/kb/run.ts');
  const root = tempDir();
  const live = holder();
  lockAs(join(root, 'locks', 'index.lock'), live);
  // No server is needed: the lock is taken before the client is used (an unreachable URL would fail otherwise).
  const { Meilisearch } = await import('meilisearch');
  const client = new Meilisearch({ host: 'http://127.0.0.1:9' });
  await expect(syncIndexes(client, resolveDataDir(root))).rejects.toThrow(
    `another pantau index (pid ${live}) is indexing this data dir`,
  );
});

test('a lock naming our own pid that this process does not hold was left by an earlier process with that pid', () => {
  const file = join(tempDir(), 'locks', 'x.lock');
  lockAs(file, process.pid); // a container restarted after a kill -9 often hands out the same pid
  const release = acquireLock(file, (holder) => `busy ${holder}`);
  // while this process holds it, a second take in the same process is refused
  expect(() => acquireLock(file, (holder) => `busy ${holder}`)).toThrow(`busy pid ${process.pid}`);
  release();
  expect(existsSync(file)).toBe(false);
});
