/**
 * The pieces under the embedded server's life, without a server: leases (a dead holder's lease does not count,
 * nor one of an earlier process with the same pid), build indexes of dead runs, owner-only data dirs, and the
 * errors a full disk or a lost backend is recognised by.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { diskOf, tightenDataDir } from '../../src/config.ts';
import { connectionLost, isDiskFull } from '../../src/errors.ts';
import { buildName, isDeadBuild } from '../../src/kb/indexer.ts';
import { describeLeases, dropLease, liveLeases, processStart, takeLease } from '../../src/meili/lease.ts';
import { tempDir } from '../helpers.ts';

async function deadPid(): Promise<number> {
  const c = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => c.on('exit', r));
  return c.pid!;
}

test('a lease counts while its process lives; a dead one, or one of an earlier process with this pid, does not', async () => {
  const meili = tempDir();
  const mine = takeLease(meili, 'serve');
  expect(liveLeases(meili).map((l) => l.file)).toEqual([mine.file]);
  expect(describeLeases(liveLeases(meili))).toBe(`pantau serve (pid ${process.pid})`);
  const dir = join(meili, 'leases');
  const dead = await deadPid();
  writeFileSync(join(dir, `${dead}_${processStart(process.pid)}_index_00aa11bb`), '');
  // this pid, but another start time: a process before this one that had the same pid (killed with kill -9)
  writeFileSync(join(dir, `${process.pid}_1_index_00cc22dd`), '');
  expect(liveLeases(meili).map((l) => l.file)).toEqual([mine.file]);
  expect(readdirSync(dir)).toEqual([mine.file.slice(dir.length + 1)]); // the dead ones are gone
  dropLease(mine);
  expect(liveLeases(meili)).toEqual([]);
});

test('a build index of a dead run is dead; a live run’s, another machine’s and a young legacy one are not', async () => {
  const now = Date.now();
  const stamp = `${now.toString(36)}abcd`;
  const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 50));
    const dead = await deadPid();
    // a name as this process would give it, then the same with another process's pid and start time
    const ours = buildName('incidents', stamp);
    const as = (pid: number, start: string | null) =>
      ours.replace(`_${process.pid}_${processStart(process.pid)}_`, `_${pid}_${start ?? 'x'}_`);
    expect(ours).toMatch(new RegExp(`^incidents__build_${stamp}_${process.pid}_\\d+_[0-9a-f]{6}$`));
    expect(isDeadBuild(as(live.pid!, processStart(live.pid!)), 'incidents', now)).toBe(false);
    expect(isDeadBuild(as(dead, null), 'incidents', now)).toBe(true);
    // the live pid, but not the process that made the build (its start time differs): a reused pid
    expect(isDeadBuild(as(live.pid!, '1'), 'incidents', now)).toBe(true);
    // this process, not building it now: left by an earlier process that had this pid and start (never), or by
    // a rebuild of this one that died
    expect(isDeadBuild(ours, 'incidents', now)).toBe(true);
    // another machine: its pids mean nothing here, so only age counts
    const elsewhere = as(dead, null).replace(/_[0-9a-f]{6}$/, '_zzzzzz');
    expect(isDeadBuild(elsewhere, 'incidents', now)).toBe(false);
    expect(isDeadBuild(elsewhere, 'incidents', now + 7 * 3600_000)).toBe(true);
    // a name of the first layout (no pid): age only
    expect(isDeadBuild(`incidents__build_${stamp}`, 'incidents', now)).toBe(false);
    expect(isDeadBuild(`incidents__build_${stamp}`, 'incidents', now + 7 * 3600_000)).toBe(true);
    // another index's build is never this one's business
    expect(isDeadBuild(as(dead, null).replace('incidents', 'reports'), 'incidents', now)).toBe(false);
  } finally {
    live.kill('SIGKILL');
  }
});

test('tightenDataDir makes an older, loose data dir owner-only and leaves a private one alone', () => {
  const root = tempDir();
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'archive', 'segments'), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, 'archive', 'segments', 'a.jsonl'), '{}\n', { mode: 0o644 });
  mkdirSync(join(root, 'meili', 'bin'), { recursive: true, mode: 0o755 });
  writeFileSync(join(root, 'meili', 'bin', 'meilisearch'), '', { mode: 0o755 });
  expect(tightenDataDir(root)).toBe(7); // the root, 4 dirs under it, 2 files
  const mode = (p: string) => statSync(join(root, p)).mode & 0o777;
  expect(mode('')).toBe(0o700);
  expect(mode('archive/segments')).toBe(0o700);
  expect(mode('archive/segments/a.jsonl')).toBe(0o600);
  expect(mode('meili/bin/meilisearch')).toBe(0o700); // still runnable by its owner
  expect(tightenDataDir(root)).toBe(0);
});

test('a full disk and a lost backend are told apart from other errors, however deep the cause', () => {
  const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  expect(isDiskFull(enospc)).toBe(true);
  expect(isDiskFull(new Error('wrapped', { cause: new Error('outer', { cause: enospc }) }))).toBe(true);
  // Meilisearch refusing a payload it could not write
  expect(
    isDiskFull({
      message: 'x',
      cause: { code: 'malformed_payload', message: 'No space left on device (os error 28)' },
    }),
  ).toBe(true);
  expect(isDiskFull(new Error('ENOENT: no such file'))).toBe(false);
  const refused = new Error('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
  expect(connectionLost(new Error('request failed', { cause: refused }))).toBe('ECONNREFUSED');
  expect(connectionLost(new Error('index_not_found'))).toBeNull();
  expect(diskOf('/').mount).toBe('/');
});
