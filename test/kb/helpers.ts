import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../types/index.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'reports');

/** The hand-written report fixtures (fixtures/reports/*.json), by file name without .json. */
export function loadFixtures(): Record<string, Report> {
  const out: Record<string, Report> = {};
  for (const f of readdirSync(FIXTURES).sort()) {
    if (f.endsWith('.json')) out[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8'));
  }
  return out;
}

export function fixtureList(except: string[] = []): Report[] {
  return Object.entries(loadFixtures())
    .filter(([name]) => !except.includes(name))
    .map(([, r]) => r);
}
