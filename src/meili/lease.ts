/**
 * Leases on the embedded Meilisearch of a data dir: every Pantau process that uses the server holds one, a file
 * `<data>/meili/leases/<pid>_<start>_<command>_<rand>`, and the server stops when the last lease is given back. A lease counts
 * only while its process lives: one left by a process killed with kill -9 (or by an earlier process that had the
 * same pid, which a restarted container often hands out again) is dead and removed by whoever looks next.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive } from '../lock.ts';

export interface Lease {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), which tells a reused pid apart. */
  start: string | null;
  /** What holds it ("serve", "index"…), for messages such as "in use by pantau serve (pid 123)". */
  command: string;
  file: string;
}

/**
 * The start time of a process (field 22 of /proc/<pid>/stat), or null where /proc is not there.
 *
 * @example processStart(process.pid) // "8812345"
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Is the process running, and not a zombie waiting for a parent that never reaps it (pid 1 of a container)? */
export function processRunning(pid: number): boolean {
  if (!pid || !pidAlive(pid)) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: kill(pid, 0) is all we know
  }
}

const leaseDir = (meiliDir: string) => join(meiliDir, 'leases');

/**
 * Takes a lease for this process; returns it (give it back with `dropLease`). The lease is an empty file whose
 * name says everything (`<pid>_<start>_<command>_<rand>`): creating it needs no data block, so it can still be
 * taken and given back on a disk that filled up.
 */
export function takeLease(meiliDir: string, command: string): Lease {
  const dir = leaseDir(meiliDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const start = processStart(process.pid);
  const cmd = command.replace(/[^a-z0-9-]/gi, '-').slice(0, 40) || 'x';
  const file = join(dir, `${process.pid}_${start ?? 'x'}_${cmd}_${randomBytes(4).toString('hex')}`);
  closeSync(openSync(file, 'wx', 0o600));
  return { pid: process.pid, start, command: cmd, file };
}

export function dropLease(lease: Lease): void {
  rmSync(lease.file, { force: true });
}

/** The leases of live processes; dead ones are removed on the way. */
export function liveLeases(meiliDir: string): Lease[] {
  const dir = leaseDir(meiliDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: Lease[] = [];
  for (const name of names) {
    const m = /^(\d+)_(\d+|x)_([A-Za-z0-9-]+)_[0-9a-f]+$/.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    const lease: Lease = { pid: Number(m[1]), start: m[2] === 'x' ? null : (m[2] ?? null), command: m[3] ?? '?', file };
    const alive = processRunning(lease.pid) && (lease.start === null || processStart(lease.pid) === lease.start);
    if (alive) live.push(lease);
    else rmSync(file, { force: true });
  }
  return live;
}

/** "pantau serve (pid 123), pantau index (pid 456)" */
export function describeLeases(leases: readonly Lease[]): string {
  return leases.map((l) => `pantau ${l.command} (pid ${l.pid})`).join(', ');
}
