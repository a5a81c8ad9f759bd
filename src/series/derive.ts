/**
 * Keeps the derived tables (episodes, observed spans, per-instance state) in step with the probe table. The
 * rules live in the pure `episodes.ts`; this module is the SQL that feeds them the rows they need, in time
 * order, and writes back what they return, inside the caller's transaction.
 *
 * Episodes are separated by successful probes, so the episodes after an instance's last success before the new
 * rows (its "anchor") depend only on the probes from the anchor on: those are re-read and their episodes
 * rewritten. Rows arriving in order (the usual case) find the anchor in `series_state` and read a handful of
 * rows (zone maps skip the old row groups); rows older than the instance's last one look the anchor up in the
 * probe table.
 */
import type { ProbeClass } from '../../probe/types.ts';
import type { Cell, Db } from './db.ts';
import { type EpisodeRun, type ProbePoint, type Span, toEpisodes, toSpans } from './episodes.ts';

export interface DeriveSettings {
  minFailures: number;
  /** Probes at most this far apart cover the time between them. */
  maxGapMs: number;
}

const EPISODE_KINDS = ['text', 'text', 'ts', 'ts', 'text', 'int', 'ts', 'text'] as const;
const episodeRow = (e: EpisodeRun): Cell[] => [
  e.id,
  e.instance,
  Date.parse(e.start),
  e.end === null ? null : Date.parse(e.end),
  e.class,
  e.probes,
  Date.parse(e.lastFailure),
  JSON.stringify(e.classes),
];

interface Anchor {
  instance: string;
  /** Probes from here on are re-read: the last success before the new rows, else the first probe. */
  from: number;
  fromIsUp: boolean;
  /** The instance's first probe (kept in the state, so finding it needs no scan). */
  firstAt: number;
}

/**
 * Re-derives the instances given with the earliest time among their new rows. Rows in order need only the state
 * table; only rows older than an instance's last one look its anchor up in the probe table (a scan).
 */
export async function deriveAfterAppend(
  db: Db,
  firstNew: ReadonlyMap<string, number>,
  s: DeriveSettings,
): Promise<void> {
  if (!firstNew.size) return;
  await db.run('CREATE OR REPLACE TEMP TABLE _touched (instance VARCHAR, first_new TIMESTAMP)');
  await db.append(
    '_touched',
    ['text', 'ts'],
    [...firstNew].map(([i, t]) => [i, t]),
  );
  const states = await db.all<{ instance: string; last: number; up: number | null; first: number }>(
    `SELECT st.instance, epoch_ms(st.last_at)::DOUBLE AS last, epoch_ms(st.last_up_at)::DOUBLE AS up,
       epoch_ms(st.first_at)::DOUBLE AS first
     FROM series_state st JOIN _touched t ON st.instance = t.instance`,
  );
  const stateOf = new Map(states.map((x) => [x.instance, x]));
  const anchors: Anchor[] = [];
  const late: string[] = [];
  for (const [instance, first] of firstNew) {
    const st = stateOf.get(instance);
    if (!st) {
      // a new instance: every probe of it is new
      anchors.push({ instance, from: first, fromIsUp: false, firstAt: first });
    } else if (first > st.last) {
      anchors.push(
        st.up !== null
          ? { instance, from: st.up, fromIsUp: true, firstAt: st.first }
          : { instance, from: st.first, fromIsUp: false, firstAt: st.first },
      );
    } else late.push(instance);
  }
  if (late.length) {
    await db.run('CREATE OR REPLACE TEMP TABLE _late (instance VARCHAR, first_new TIMESTAMP)');
    await db.append(
      '_late',
      ['text', 'ts'],
      late.map((i) => [i, firstNew.get(i)!]),
    );
    const found = await db.all<{ instance: string; up: number | null; first: number }>(
      `SELECT t.instance,
         epoch_ms(max(p.probed_at) FILTER (WHERE p.class = 'up' AND p.probed_at < t.first_new))::DOUBLE AS up,
         epoch_ms(min(p.probed_at))::DOUBLE AS first
       FROM _late t JOIN probes p ON p.instance = t.instance GROUP BY t.instance`,
    );
    for (const f of found) {
      anchors.push({ instance: f.instance, from: f.up ?? f.first, fromIsUp: f.up !== null, firstAt: f.first });
    }
  }
  await rederive(db, anchors, s);
}

/** Rewrites the derived rows of the anchored instances from their anchors on. */
async function rederive(db: Db, anchors: readonly Anchor[], s: DeriveSettings): Promise<void> {
  if (!anchors.length) return;
  await db.run('CREATE OR REPLACE TEMP TABLE _anchor (instance VARCHAR, from_at TIMESTAMP, from_up BOOLEAN)');
  await db.append(
    '_anchor',
    ['text', 'ts', 'bool'],
    anchors.map((a) => [a.instance, a.from, a.fromIsUp ? 1 : 0]),
  );
  // the span holding each anchor: the new spans continue it
  const seeds = new Map(
    (
      await db.all<{ instance: string; seed: number }>(
        `SELECT a.instance, epoch_ms(min(sp.start_at))::DOUBLE AS seed FROM _anchor a JOIN spans sp
           ON sp.instance = a.instance AND sp.start_at <= a.from_at AND sp.end_at >= a.from_at GROUP BY a.instance`,
      )
    ).map((r) => [r.instance, r.seed]),
  );
  // Episodes after a success are rewritten; without a success before the new rows every episode that may
  // reach into the re-read probes is.
  await db.run(`DELETE FROM episodes e USING _anchor a WHERE e.instance = a.instance AND
    (e.start_at > a.from_at OR (NOT a.from_up AND (e.start_at >= a.from_at OR e.end_at IS NULL OR e.end_at > a.from_at)))`);
  await db.run('CREATE OR REPLACE TEMP TABLE _seed (instance VARCHAR, seed_start TIMESTAMP)');
  await db.append(
    '_seed',
    ['text', 'ts'],
    anchors.map((a) => [a.instance, seeds.get(a.instance) ?? a.from]),
  );
  await db.run('DELETE FROM spans sp USING _seed x WHERE sp.instance = x.instance AND sp.start_at >= x.seed_start');
  const byInstance = new Map(anchors.map((a) => [a.instance, a]));
  const points = new Map<string, ProbePoint[]>();
  const minFrom = Math.min(...anchors.map((a) => a.from));
  const read = await db.all<{ instance: string; at: number; class: ProbeClass }>(
    `SELECT p.instance, epoch_ms(p.probed_at)::DOUBLE AS at, p.class FROM probes p JOIN _anchor a
       ON p.instance = a.instance AND p.probed_at >= a.from_at
     WHERE p.probed_at >= $1::TIMESTAMP ORDER BY p.instance, p.probed_at`,
    [new Date(minFrom).toISOString()],
  );
  for (const r of read) {
    const list = points.get(r.instance);
    if (list) list.push({ at: r.at, class: r.class });
    else points.set(r.instance, [{ at: r.at, class: r.class }]);
  }
  const episodes: Cell[][] = [];
  const spans: Cell[][] = [];
  const state: Cell[][] = [];
  for (const [instance, pts] of points) {
    const a = byInstance.get(instance)!;
    for (const e of toEpisodes(instance, pts, { minFailures: s.minFailures })) episodes.push(episodeRow(e));
    const seedStart = seeds.get(instance);
    const seed: Span | null = seedStart !== undefined ? { start: seedStart, end: a.from } : null;
    for (const sp of toSpans(
      pts.map((p) => p.at),
      s.maxGapMs,
      seed,
    ))
      spans.push([instance, sp.start, sp.end]);
    let lastUp: number | null = a.fromIsUp ? a.from : null;
    for (const p of pts) if (p.class === 'up') lastUp = p.at;
    state.push([instance, pts[pts.length - 1]!.at, lastUp, Math.min(a.firstAt, pts[0]!.at)]);
  }
  await db.append('episodes', EPISODE_KINDS, episodes);
  await db.append('spans', ['text', 'ts', 'ts'], spans);
  await db.run('DELETE FROM series_state st USING _anchor a WHERE st.instance = a.instance');
  await db.append('series_state', ['text', 'ts', 'ts', 'ts'], state);
}

/**
 * Derives everything again from the probe table (after a migration, or when the episode rule or the gap
 * setting changes), streaming the probes instance by instance so memory stays bounded.
 */
export async function rebuildDerived(db: Db, s: DeriveSettings): Promise<void> {
  await db.run('DELETE FROM episodes');
  await db.run('DELETE FROM spans');
  await db.run('DELETE FROM series_state');
  const result = await db.conn.stream(
    'SELECT instance, epoch_ms(probed_at)::DOUBLE AS at, class FROM probes ORDER BY instance, probed_at',
  );
  let instance: string | null = null;
  let pts: ProbePoint[] = [];
  const episodes: Cell[][] = [];
  const spans: Cell[][] = [];
  const state: Cell[][] = [];
  const flush = () => {
    if (instance === null || !pts.length) return;
    for (const e of toEpisodes(instance, pts, { minFailures: s.minFailures })) episodes.push(episodeRow(e));
    for (const sp of toSpans(
      pts.map((p) => p.at),
      s.maxGapMs,
    ))
      spans.push([instance, sp.start, sp.end]);
    let lastUp: number | null = null;
    for (const p of pts) if (p.class === 'up') lastUp = p.at;
    state.push([instance, pts[pts.length - 1]!.at, lastUp, pts[0]!.at]);
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const names = chunk.getColumnValues(0) as string[];
    const ats = chunk.getColumnValues(1) as number[];
    const classes = chunk.getColumnValues(2) as ProbeClass[];
    for (let i = 0; i < chunk.rowCount; i++) {
      if (names[i] !== instance) {
        flush();
        instance = names[i]!;
        pts = [];
      }
      pts.push({ at: ats[i]!, class: classes[i]! });
    }
  }
  flush();
  await db.append('episodes', EPISODE_KINDS, episodes);
  await db.append('spans', ['text', 'ts', 'ts'], spans);
  await db.append('series_state', ['text', 'ts', 'ts', 'ts'], state);
  await db.run('DELETE FROM settings');
  await db.append(
    'settings',
    ['text', 'text'],
    [
      ['min_failures', String(s.minFailures)],
      ['max_gap_ms', String(s.maxGapMs)],
    ],
  );
}
