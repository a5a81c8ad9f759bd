/**
 * What the knowledge base keeps on disk beside the report store: the incidents of the last run
 * (<data>/reports/incidents.json, so incident ids survive runs) and a hash of every indexed document
 * (<data>/reports/index-state.json, so the next run upserts only what changed). Writes are atomic renames.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataDir } from '../config.ts';
import { UserError } from '../errors.ts';
import type { Incident } from '../../types/index.ts';

export const incidentsFile = (dir: DataDir) => join(dir.reports, 'incidents.json');
export const indexStateFile = (dir: DataDir) => join(dir.reports, 'index-state.json');

/** Hashes of the documents last written to each index, by document id. */
export interface IndexState {
  settings: string;
  incidents: Record<string, string>;
  reports: Record<string, string>;
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new UserError(`${file} is not valid JSON (${(err as Error).message}): move it away to start afresh`);
  }
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value)}\n`);
  renameSync(tmp, file);
}

/** The incidents of the previous `pantau index`, or none. */
export function readIncidents(dir: DataDir): Incident[] {
  const value = readJson<{ incidents: Incident[] }>(incidentsFile(dir));
  return value?.incidents ?? [];
}

export function writeIncidents(dir: DataDir, incidents: Incident[]): void {
  writeJson(incidentsFile(dir), { version: 1, incidents });
}

export function readIndexState(dir: DataDir): IndexState | null {
  return readJson<IndexState>(indexStateFile(dir));
}

export function writeIndexState(dir: DataDir, state: IndexState): void {
  writeJson(indexStateFile(dir), state);
}
