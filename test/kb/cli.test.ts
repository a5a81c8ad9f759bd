/**
 * The KB commands end to end: `pantau index`, `search`, `incident` and `export` run as a person would, against
 * one embedded Meilisearch started here (the CLI reuses it through the data dir's server.json).
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveDataDir } from '../../src/config.ts';
import { INCIDENT_CSV_HEADER, incidentRow } from '../../src/kb/format.ts';
import { readIncidents } from '../../src/kb/incident-store.ts';
import { type MeiliConnection, connectMeili } from '../../src/meili/embedded.ts';
import type { Incident } from '../../types/index.ts';
import { loadFixtures } from './helpers.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'pantau.js');
const root = mkdtempSync(join(tmpdir(), 'pantau-kb-cli-'));
const dir = resolveDataDir(root);
let conn: MeiliConnection;

async function pantau(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, '--data-dir', root, ...args], {
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, MEILI_URL: '' },
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const fx = loadFixtures();
const later = 'bartim-2021-later-kalteng-today';

beforeAll(async () => {
  mkdirSync(dir.reports, { recursive: true });
  writeFileSync(
    join(dir.reports, 'reports.jsonl'),
    Object.entries(fx)
      .filter(([name]) => name !== later)
      .map(([, r]) => `${JSON.stringify(r)}\n`)
      .join(''),
  );
  conn = await connectMeili(dir);
  const res = await pantau('index');
  expect(res.stderr).not.toMatch(/unexpected/);
  expect(res.code).toBe(0);
  expect(res.stdout).toMatch(/10 reports \(1 syndicated copies merged/);
  expect(res.stdout).toMatch(/4 incidents, 1 of them national with 3 affected LPSEs/);
});

afterAll(async () => {
  await conn?.close();
});

describe('pantau search', () => {
  test('--cause hardware --province "Kalimantan Tengah" finds Barito Timur, with facet counts', async () => {
    const res = await pantau('search', '--cause', 'hardware', '--province', 'Kalimantan Tengah');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^1 incident$/m);
    expect(res.stdout).toMatch(/Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021/);
    expect(res.stdout).toMatch(
      /Kabupaten Barito Timur \(Kalimantan Tengah\) · 2021-06-07 → 2021-06-11 · hardware · 3 sources/,
    );
    expect(res.stdout).toMatch(/^ {2}cause +hardware 1$/m);
    const json = JSON.parse((await pantau('search', 'server', '--regency', 'Barito Timur', '--json')).stdout);
    expect(json.hits[0].regency).toEqual(['Kabupaten Barito Timur']);
    expect(json.facets.year).toBeDefined();
  });

  test('bad input is one line and a usage exit code', async () => {
    const res = await pantau('search', '--cause', 'gempa');
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^pantau: cause: unknown cause "gempa"/);
    const date = await pantau('search', '--from', '2021-13-01');
    expect(date.stderr).toMatch(/from: must be a date YYYY-MM-DD/);
  });
});

describe('pantau incident', () => {
  test('prints the timeline, disagreeing starts, quotes, sources and a citation', async () => {
    const bartim = readIncidents(dir).find((i) => i.report_ids.includes('r-bartim-antara'))!;
    const res = await pantau('incident', bartim.id);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/start +reports disagree: 2021-06-07 \[1\]; 2021-06-08 \[2\]/);
    expect(res.stdout).toMatch(/kaltengpos\.jawapos\.com/);
    expect(res.stdout).toMatch(/Nur Sulistio.*\(complainant\) \[2\]/);
    expect(res.stdout).toMatch(/^Cite as: Pantau, “Gangguan LPSE Kabupaten Barito Timur, 7 Juni 2021”/m);
    const missing = await pantau('incident', 'inc-nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^pantau: no incident inc-nope/);
  });
});

describe('pantau export', () => {
  test('CSV round-trips through a CSV parser: BOM, one row per incident, sources as URLs', async () => {
    const res = await pantau('export', '--format', 'csv');
    expect(res.code).toBe(0);
    expect(res.stdout.startsWith('\ufeff')).toBe(true);
    const rows = parse(res.stdout, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
    const incidents = readIncidents(dir).filter((i) => !i.parent_id);
    expect(rows).toHaveLength(incidents.length);
    expect(Object.keys(rows[0]!)).toEqual(INCIDENT_CSV_HEADER);
    for (const inc of incidents) {
      const row = rows.find((r) => r.id === inc.id)!;
      const expected = incidentRow(inc).map((v) => (Array.isArray(v) ? v.join('\n') : String(v ?? '')));
      expect(Object.values(row)).toEqual(expected);
      expect(row.source_urls!.split('\n')).toEqual(inc.urls);
    }
  });

  test('JSONL carries the full incidents, provenance included; --reports carries text, URLs and incident ids', async () => {
    const res = await pantau('export', '--format', 'jsonl', '--children');
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Incident);
    const stored = readIncidents(dir);
    expect(lines.map((l) => l.id).sort()).toEqual(stored.map((i) => i.id).sort());
    for (const l of lines) expect(l).toEqual(stored.find((i) => i.id === l.id));
    const out = join(root, 'reports.csv');
    const rep = await pantau('export', '--reports', '--format', 'csv', '--cause', 'hardware', '--out', out);
    expect(rep.code).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual(['r-bartim-antara', 'r-bartim-borneonews']);
    const antara = rows.find((r) => r.id === 'r-bartim-antara')!;
    expect(antara.urls!.split('\n')).toHaveLength(2);
    expect(antara.text).toContain('Ada komponen perangkat keras yang rusak');
    expect(antara.incident_ids).toMatch(/^inc-/);
  });
});

describe('pantau index again', () => {
  test('a new report joins the existing incident under the same id (ids persisted across runs)', async () => {
    const before = readIncidents(dir).find((i) => i.report_ids.includes('r-bartim-antara'))!;
    appendFileSync(join(dir.reports, 'reports.jsonl'), `${JSON.stringify(fx[later])}\n`);
    const res = await pantau('index');
    expect(res.stdout).toMatch(/index: updated/);
    const after = readIncidents(dir).find((i) => i.report_ids.includes('r-bartim-antara'))!;
    expect(after.id).toBe(before.id);
    expect(after.report_ids).toContain('r-bartim-kaltengtoday');
    const search = JSON.parse((await pantau('search', 'server diganti', '--json')).stdout);
    expect(search.hits[0].id).toBe(before.id);
    expect((await pantau('index')).stdout).toMatch(/already up to date/);
  });
});
