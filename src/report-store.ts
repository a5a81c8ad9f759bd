/**
 * The report store: every report Pantau extracted, one JSON object a line in <data>/reports/reports.jsonl.
 * Appending is crash-safe (a torn last line is skipped on read); the newest line for an id wins.
 */
import { closeSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataDir } from './config.ts';
import { openJournal } from './journal.ts';
import type { Report } from '../types/index.ts';

export const reportsFile = (dir: DataDir) => join(dir.reports, 'reports.jsonl');

/** All stored reports, the newest version of each id, in first-seen order. */
export function readReports(dir: DataDir): Report[] {
  const file = reportsFile(dir);
  if (!existsSync(file)) return [];
  const byId = new Map<string, Report>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as Report;
      if (r && typeof r.id === 'string') byId.set(r.id, r);
    } catch {
      // A line torn by a crash mid-write: the report is extracted again on the next run.
    }
  }
  return [...byId.values()];
}

/** Appends reports (new or changed versions). */
export function appendReports(dir: DataDir, reports: Report[]): void {
  if (!reports.length) return;
  // a report line torn by a kill must not swallow the first report appended after it (its page would count as
  // extracted, and the report be lost until `extract --all`)
  const fd = openJournal(reportsFile(dir));
  try {
    const text = reports.map((r) => `${JSON.stringify(r)}\n`).join('');
    // A short write is a disk that filled up: the torn line is skipped on read and the reports after it were not
    // stored, so their pages count as not extracted (the next run extracts them).
    if (writeSync(fd, text) < Buffer.byteLength(text)) {
      throw Object.assign(new Error(`short write to ${reportsFile(dir)}: no space left on device`), { code: 'ENOSPC' });
    }
  } finally {
    closeSync(fd);
  }
}

/** Rewrites the store with exactly these reports (atomic rename), dropping superseded lines. */
export function writeReports(dir: DataDir, reports: Report[]): void {
  const file = reportsFile(dir);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, reports.map((r) => `${JSON.stringify(r)}\n`).join(''), { mode: 0o600 });
    renameSync(tmp, file);
  } catch (err) {
    // a full disk: the store as it was stays, and the half-written copy does not keep the space
    rmSync(tmp, { force: true });
    throw err;
  }
}
