/**
 * The DuckDB store: migrations from a v1 file, episodes derived as rows arrive (in order and out of order) equal
 * to the pure rule over all rows, retention, tender upserts and refresh, readers and the writer lock.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import type { ProbeClass, ProbeRow, Tender } from '../../probe/types.ts';
import { Db } from '../../src/series/db.ts';
import { type ProbePoint, toEpisodes, toSpans } from '../../src/series/episodes.ts';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersion } from '../../src/series/schema.ts';
import { type DuckSeries, openSeries, seriesFile } from '../../src/series/store.ts';
import { tempDir } from '../helpers.ts';

const T0 = Date.parse('2026-08-01T00:00:00Z');
const MIN10 = 600_000;
const open: DuckSeries[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function store(dir: string, opts: Parameters<typeof openSeries>[1] = {}): Promise<DuckSeries> {
  const s = await openSeries(dir, opts);
  open.push(s);
  return s;
}

function probe(instance: string, at: number, cls: ProbeClass): ProbeRow {
  const iso = new Date(at).toISOString();
  return {
    round: iso,
    instance,
    url: `https://spse.inaproc.id/${instance}`,
    form: 'central',
    at: iso,
    class: cls,
    status: cls === 'up' ? 200 : cls === 'http-5xx' ? 503 : null,
    latencyMs: 120,
    errorCode: null,
    version: '4.5u20250321',
    detail: cls === 'up' ? null : cls,
  };
}

test('a v1 file is migrated: schema_version says 2 and the episodes of its probes are derived', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'series'), { recursive: true });
  const inst = await DuckDBInstance.create(seriesFile(dir));
  const conn = await inst.connect();
  const db = new Db(conn);
  expect(await migrate(db, { minFailures: 2, maxGapMs: 1_800_000 }, 1)).toEqual([1]);
  const classes: ProbeClass[] = ['up', 'timeout', 'timeout', 'up', 'http-5xx', 'up'];
  await db.append(
    'probes',
    ['ts', 'text', 'text', 'text', 'ts', 'text', 'int', 'int', 'text', 'text', 'text'],
    classes.map((c, i) => [
      T0 + i * MIN10,
      'baritotimurkab',
      'u',
      'central',
      T0 + i * MIN10,
      c,
      null,
      5,
      null,
      null,
      null,
    ]),
  );
  expect(await schemaVersion(db)).toBe(1);
  conn.closeSync();
  inst.closeSync();

  const s = await store(dir, { keepOpen: true });
  expect(await s.use(schemaVersion)).toBe(SCHEMA_VERSION);
  expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  const versions = await s.use((d) =>
    d.all<{ version: number }>('SELECT version FROM schema_version ORDER BY version'),
  );
  expect(versions.map((v) => v.version)).toEqual([1, 2]);
  const eps = await s.episodes();
  expect(eps.map((e) => [e.start, e.end, e.class, e.probes])).toEqual([
    [new Date(T0 + MIN10).toISOString(), new Date(T0 + 3 * MIN10).toISOString(), 'timeout', 2],
  ]);
  // appends after the migration continue the derived state
  await s.appendProbes([
    probe('baritotimurkab', T0 + 6 * MIN10, 'dns'),
    probe('baritotimurkab', T0 + 7 * MIN10, 'dns'),
  ]);
  expect((await s.episodes()).map((e) => [e.class, e.end])).toEqual([
    ['timeout', new Date(T0 + 3 * MIN10).toISOString()],
    ['dns', null],
  ]);
});

test('a reader meeting a v1 file has it migrated (no writer running) and reads it', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'series'), { recursive: true });
  const inst = await DuckDBInstance.create(seriesFile(dir));
  const conn = await inst.connect();
  await migrate(new Db(conn), { minFailures: 2, maxGapMs: 1_800_000 }, 1);
  conn.closeSync();
  inst.closeSync();
  const r = await store(dir, { mode: 'read' });
  expect(await r.use(schemaVersion)).toBe(SCHEMA_VERSION);
  expect(await r.episodes()).toEqual([]);
  expect(existsSync(join(dir, 'locks', 'series.lock'))).toBe(false);
});

test('the file is owner-only, a second writer is refused with the holder, a reader finds no data yet', async () => {
  const dir = tempDir();
  await expect(openSeries(dir, { mode: 'read' })).rejects.toThrow(
    `no probe data yet in ${dir}: run \`pantau probe --once\` first`,
  );
  const s = await store(dir);
  await s.appendProbes([probe('x', T0, 'up')]);
  expect(statSync(seriesFile(dir)).mode & 0o777).toBe(0o600);
  expect(statSync(join(dir, 'series')).mode & 0o777).toBe(0o700);
  await expect(openSeries(dir)).rejects.toThrow(`another Pantau process (pid ${process.pid}) is writing`);
  // the writer closes the file between batches, so a reader can open it meanwhile
  const r = await store(dir, { mode: 'read' });
  expect((await r.stats()).probes).toBe(1);
  await expect(r.appendProbes([probe('x', T0 + MIN10, 'up')])).rejects.toThrow('read-only');
});

test('retention drops old probe rows at open; episodes, spans and tenders stay', async () => {
  const dir = tempDir();
  const day = 86_400_000;
  const s = await store(dir, { retentionDays: null, keepOpen: true });
  const rows: ProbeRow[] = [];
  for (let i = 0; i < 10; i++) rows.push(probe('x', T0 + i * day, i === 3 || i === 4 ? 'timeout' : 'up'));
  for (const r of rows) await s.appendProbes([r]);
  expect((await s.stats()).probes).toBe(10);
  const before = await s.episodes();
  expect(before).toHaveLength(1);
  await s.close();
  const later = await store(dir, { retentionDays: 3, now: () => T0 + 9 * day, keepOpen: true });
  const stats = await later.stats();
  expect(stats.probes).toBe(4); // days 6, 7, 8, 9 are within 3 days of day 9
  expect(stats.firstProbe).toBe(new Date(T0 + 6 * day).toISOString());
  expect(await later.episodes()).toEqual(before);
  // the next rows still derive from the kept state
  await later.appendProbes([probe('x', T0 + 10 * day, 'timeout')]);
  await later.appendProbes([probe('x', T0 + 10 * day + MIN10, 'timeout')]);
  expect(await later.episodes()).toHaveLength(2);
});

describe('incremental derivation', () => {
  const classArb = fc.constantFrom<ProbeClass>('up', 'up', 'up', 'timeout', 'http-5xx', 'dns');
  const scenario = fc.record({
    classes: fc.array(fc.array(classArb, { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 3 }),
    gaps: fc.array(fc.constantFrom(1, 1, 1, 2, 5), { minLength: 40, maxLength: 40 }),
    batch: fc.integer({ min: 1, max: 12 }),
    shuffle: fc.boolean(),
    seed: fc.integer(),
  });

  test('episodes and spans after batched, partly out-of-order appends equal the pure rule over all rows', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ classes, gaps, batch, shuffle, seed }) => {
        const dir = tempDir();
        const s = await openSeries(dir, { keepOpen: true, retentionDays: null, maxGapMinutes: 25 });
        try {
          const all: ProbeRow[] = [];
          classes.forEach((cs, k) => {
            let t = T0 + k * 1000;
            cs.forEach((c, i) => {
              t += gaps[i]! * MIN10;
              all.push(probe(`lpse${k}`, t, c));
            });
          });
          all.sort((a, b) => (a.at < b.at ? -1 : 1));
          const batches: ProbeRow[][] = [];
          for (let i = 0; i < all.length; i += batch) batches.push(all.slice(i, i + batch));
          if (shuffle) {
            // late batches: swap a few neighbours, so some rows arrive older than rows already stored
            let x = seed >>> 0;
            for (let i = batches.length - 1; i > 0; i--) {
              x = (Math.imul(x, 1103515245) + 12345) >>> 0;
              if (x % 3 === 0) [batches[i], batches[i - 1]] = [batches[i - 1]!, batches[i]!];
            }
          }
          for (const b of batches) await s.appendProbes(b);
          const got = await s.episodes();
          const want = classes.flatMap((_, k) => {
            const pts: ProbePoint[] = all
              .filter((r) => r.instance === `lpse${k}`)
              .map((r) => ({ at: Date.parse(r.at), class: r.class }));
            return toEpisodes(`lpse${k}`, pts);
          });
          expect(got).toEqual(want);
          const spans = await s.use((db) =>
            db.all<{ instance: string; s: number; e: number }>(
              'SELECT instance, epoch_ms(start_at)::DOUBLE AS s, epoch_ms(end_at)::DOUBLE AS e FROM spans ORDER BY instance, start_at',
            ),
          );
          const wantSpans = classes.flatMap((_, k) =>
            toSpans(
              all.filter((r) => r.instance === `lpse${k}`).map((r) => Date.parse(r.at)),
              25 * 60_000,
            ).map((sp) => ({ instance: `lpse${k}`, s: sp.start, e: sp.end })),
          );
          expect(spans).toEqual(wantSpans);
        } finally {
          await s.close();
        }
      }),
      { numRuns: 8 },
    );
  });

  test('a changed episode rule re-derives the stored episodes when the store is opened', async () => {
    const dir = tempDir();
    const s = await store(dir, { keepOpen: true });
    const cs: ProbeClass[] = ['up', 'timeout', 'up', 'timeout', 'timeout', 'up'];
    await s.appendProbes(cs.map((c, i) => probe('x', T0 + i * MIN10, c)));
    expect(await s.episodes()).toHaveLength(1);
    await s.close();
    const s1 = await store(dir, { minFailures: 1, keepOpen: true });
    expect(await s1.episodes()).toHaveLength(2);
  });
});

describe('tenders', () => {
  const tender = (code: string, over: Partial<Tender> = {}): Tender => ({
    instance: 'baritotimurkab',
    code,
    kind: 'tender',
    name: `Paket ${code}`,
    value: 1_500_000_000,
    stageNow: 'Upload Dokumen Penawaran',
    stages: [
      {
        name: 'Pengumuman Pascakualifikasi',
        start: '2026-08-10T01:00:00.000Z',
        end: '2026-08-15T08:00:00.000Z',
        changes: 0,
      },
      {
        name: 'Upload Dokumen Penawaran',
        start: '2026-08-11T01:00:00.000Z',
        end: '2026-08-19T13:00:00.000Z',
        changes: 1,
      },
    ],
    history: [
      {
        stage: 'Upload Dokumen Penawaran',
        changedAt: '2026-08-18T02:00:00.000Z',
        originalStart: '2026-08-11T01:00:00.000Z',
        originalEnd: '2026-08-18T13:00:00.000Z',
        note: 'gangguan server',
      },
    ],
    deadline: '2026-08-19T13:00:00.000Z',
    readAt: '2026-08-12T00:00:00.000Z',
    ...over,
  });

  test('an upsert replaces a tender with its stages and history; new and running tenders are refreshed', async () => {
    const dir = tempDir();
    const s = await store(dir, { keepOpen: true });
    await s.upsertTenders([tender('10001'), tender('10002', { stageNow: 'Tender Sudah Selesai' })]);
    await s.upsertTenders([tender('10001', { name: 'Paket baru', history: [] })]);
    const rows = await s.use((db) =>
      db.all<{ code: string; name: string; n: number; h: number }>(`SELECT t.code, t.name,
        (SELECT count(*)::INTEGER FROM tender_stages s WHERE s.code = t.code) AS n,
        (SELECT count(*)::INTEGER FROM schedule_changes c WHERE c.code = t.code) AS h FROM tenders t ORDER BY code`),
    );
    expect(rows).toEqual([
      { code: '10001', name: 'Paket baru', n: 2, h: 0 },
      { code: '10002', name: 'Paket 10002', n: 2, h: 1 },
    ]);
    // during the upload stage: the running one and the new one; not the finished one
    expect(await s.tendersToRefresh('baritotimurkab', ['10001', '10002', '10003'], '2026-08-16T00:00:00.000Z')).toEqual(
      ['10001', '10003'],
    );
    // after every stage ended, only the new one
    expect(await s.tendersToRefresh('baritotimurkab', ['10001', '10002', '10003'], '2026-08-20T00:00:00.000Z')).toEqual(
      ['10003'],
    );
    expect(existsSync(seriesFile(dir))).toBe(true);
  });
});
