// The probes' outage episodes reach the knowledge base: `syncIndexes` (pantau index, the watch's index step) reads
// them from the probe database beside the news reports, as `probe` reports grouped into an incident of their LPSE.
import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import type { ProbeRow } from '../../probe/types.ts';
import { resolveDataDir } from '../../src/config.ts';
import { readIncidents } from '../../src/kb/incident-store.ts';
import { syncIndexes } from '../../src/kb/run.ts';
import { connectMeili, type MeiliConnection } from '../../src/meili/embedded.ts';
import { openSeries } from '../../src/series/store.ts';
import { tempDir } from '../helpers.ts';

const root = tempDir();
let conn: MeiliConnection | undefined;
afterAll(async () => {
  await conn?.close();
  rmSync(root, { recursive: true, force: true });
});

function row(at: number, ok: boolean): ProbeRow {
  const iso = new Date(at).toISOString();
  return {
    round: iso,
    instance: 'baritotimurkab',
    url: 'https://spse.inaproc.id/baritotimurkab',
    form: 'central',
    at: iso,
    class: ok ? 'up' : 'cloudflare',
    status: ok ? 200 : 522,
    latencyMs: ok ? 180 : 3000,
    errorCode: null,
    version: ok ? '4.5u20250321' : null,
    detail: ok ? null : 'HTTP 522',
  };
}

test('an episode of two hours becomes a probe report in an incident of Kabupaten Barito Timur', async () => {
  const start = Date.parse('2026-08-19T03:00:00Z');
  const rows: ProbeRow[] = [];
  // up, then down for 2 h (13 rounds of 10 minutes), then up again
  rows.push(row(start - 600_000, true));
  for (let k = 0; k <= 12; k++) rows.push(row(start + k * 600_000, false));
  rows.push(row(start + 13 * 600_000, true));
  const store = await openSeries(root);
  await store.appendProbes(rows);
  await store.close();

  const dir = resolveDataDir(root);
  conn = await connectMeili(dir, { env: {} });
  const counts = await syncIndexes(conn.client, dir);
  expect(counts.incidents).toBe(1);
  const [incident] = readIncidents(dir);
  expect(incident?.regions.map((r) => r.value.regency)).toEqual(['Kabupaten Barito Timur']);
  expect(incident?.days?.observed).toEqual(['2026-08-19']);
  expect(incident?.report_ids).toHaveLength(1);
}, 120_000);
