/**
 * The time-series store: `<data>/series/pantau.duckdb`, one DuckDB file holding the probes, the episodes and
 * observed spans derived from them, and the tender schedules. One writer per data dir (a pid lock under
 * `<data>/locks/`); readers open the file read-only. DuckDB lets one process at a time open a file for writing
 * and refuses readers meanwhile, so the writer opens it for each batch and closes it after (unless `keepOpen`),
 * and both sides wait a little for the other to finish.
 *
 * Every append is one transaction: a kill -9 in the middle of it loses that batch and nothing before it (DuckDB
 * replays its write-ahead log on the next open).
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DeadlineQuery, DeadlineView, Episode, ProbeRow, SeriesStore, Tender } from '../../probe/types.ts';
import { UserError } from '../errors.ts';
import { acquireLock } from '../lock.ts';
import { correlate, type InstanceSeries } from './correlation.ts';
import { type Cell, Db, isoOf, msOf } from './db.ts';
import { DEFAULT_PERMUTATIONS, DEFAULT_RETENTION_DAYS, DEFAULT_SEED, DEFAULT_WINDOW_HOURS } from './defaults.ts';
import { type DeriveSettings, deriveAfterAppend, rebuildDerived } from './derive.ts';
import { DEFAULT_MIN_FAILURES, type EpisodeRun } from './episodes.ts';
import { instanceInfo } from './instances.ts';
import { migrate, SCHEMA_VERSION, schemaVersion } from './schema.ts';

export interface SeriesOptions {
  /** `write` (default) takes the data dir's series lock; `read` opens the file read-only. */
  mode?: 'write' | 'read';
  /** Probe rows older than this many days are dropped (episodes, spans and tenders are kept); null keeps all. */
  retentionDays?: number | null;
  /** Failed probes in a row that make an episode (2). */
  minFailures?: number;
  /** Probes at most this many minutes apart cover the time between them (30: three missed 10-minute rounds). */
  maxGapMinutes?: number;
  /** The writer keeps the file open between calls (faster; readers wait until it closes). */
  keepOpen?: boolean;
  /** How long to wait for the other side (a reader, the writer) to let go of the file (30 s). */
  waitMs?: number;
  /** The clock, for retention (tests pass their own). */
  now?: () => number;
}

export { DEFAULT_PERMUTATIONS, DEFAULT_RETENTION_DAYS, DEFAULT_SEED, DEFAULT_WINDOW_HOURS };

/** The database file of a data dir. */
export const seriesFile = (dataDir: string) => join(dataDir, 'series', 'pantau.duckdb');

const LOCKED_RE = /Could not set lock|Conflicting lock/i;

/** A tender still in progress at `now` (or never read with a schedule) is read again; a finished one is not. */
const FINISHED_RE = /selesai|batal|gagal|dibatalkan/i;

export interface SeriesStats {
  probes: number;
  instances: number;
  episodes: number;
  tenders: number;
  firstProbe: string | null;
  lastProbe: string | null;
}

export class DuckSeries implements SeriesStore {
  private instance: DuckDBInstance | null = null;
  private db: Db | null = null;
  private closed = false;
  private lastPrune = 0;

  constructor(
    readonly file: string,
    private readonly opts: Required<Omit<SeriesOptions, 'retentionDays'>> & { retentionDays: number | null },
    private readonly release: (() => void) | null,
  ) {}

  get settings(): DeriveSettings {
    return { minFailures: this.opts.minFailures, maxGapMs: this.opts.maxGapMinutes * 60_000 };
  }

  /** Runs fn with the database open (opened now and closed after, unless kept open). */
  async use<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error('series store is closed');
    if (this.db) return fn(this.db);
    const { instance, db } = await this.open();
    try {
      return await fn(db);
    } finally {
      if (this.opts.keepOpen && this.opts.mode === 'write') {
        this.instance = instance;
        this.db = db;
      } else {
        db.conn.closeSync();
        instance.closeSync();
      }
    }
  }

  private async open(): Promise<{ instance: DuckDBInstance; db: Db }> {
    const deadline = Date.now() + this.opts.waitMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
      try {
        const instance = await DuckDBInstance.create(
          this.file,
          this.opts.mode === 'read' ? { access_mode: 'READ_ONLY' } : {},
        );
        const conn = await instance.connect();
        if (this.opts.mode === 'write') {
          for (const f of [this.file, `${this.file}.wal`]) {
            try {
              chmodSync(f, 0o600);
            } catch {}
          }
        }
        return { instance, db: new Db(conn) };
      } catch (err) {
        if (!LOCKED_RE.test(String((err as Error).message)) || Date.now() >= deadline) {
          if (LOCKED_RE.test(String((err as Error).message))) {
            throw new UserError(
              `the probe database ${this.file} stayed busy for ${Math.round(this.opts.waitMs / 1000)} s (another Pantau process has it open); try again`,
            );
          }
          throw err;
        }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  async appendProbes(rows: readonly ProbeRow[]): Promise<void> {
    if (this.opts.mode !== 'write') throw new Error('series store opened read-only');
    if (!rows.length) return;
    const firstNew = new Map<string, number>();
    const cells: Cell[][] = rows.map((r) => {
      const at = msOf(r.at);
      const round = msOf(r.round);
      if (at === null || round === null) throw new Error(`probe of ${r.instance} has no valid time (${r.at})`);
      const seen = firstNew.get(r.instance);
      if (seen === undefined || at < seen) firstNew.set(r.instance, at);
      return [
        round,
        r.instance,
        r.url,
        r.form,
        at,
        r.class,
        r.status,
        Math.round(r.latencyMs),
        r.errorCode,
        r.version,
        r.detail,
      ];
    });
    await this.use((db) =>
      db.transaction(async () => {
        await db.append(
          'probes',
          ['ts', 'text', 'text', 'text', 'ts', 'text', 'int', 'int', 'text', 'text', 'text'],
          cells,
        );
        await deriveAfterAppend(db, firstNew, this.settings);
      }),
    );
    if (this.opts.now() - this.lastPrune > 86_400_000) await this.prune();
  }

  /** Drops probe rows older than the retention; returns how many. Derived rows and tenders stay. */
  async prune(): Promise<number> {
    this.lastPrune = this.opts.now();
    if (this.opts.retentionDays === null || this.opts.mode !== 'write') return 0;
    const cut = new Date(this.opts.now() - this.opts.retentionDays * 86_400_000).toISOString();
    return this.use(async (db) => {
      const n = await db.all<{ n: number }>(
        'SELECT count(*)::DOUBLE AS n FROM probes WHERE probed_at < $1::TIMESTAMP',
        [cut],
      );
      if (n[0]?.n) await db.run('DELETE FROM probes WHERE probed_at < $1::TIMESTAMP', [cut]);
      return n[0]?.n ?? 0;
    });
  }

  async upsertTenders(tenders: readonly Tender[]): Promise<void> {
    if (this.opts.mode !== 'write') throw new Error('series store opened read-only');
    if (!tenders.length) return;
    await this.use((db) =>
      db.transaction(async () => {
        await db.run('CREATE OR REPLACE TEMP TABLE _tk (instance VARCHAR, code VARCHAR)');
        await db.append(
          '_tk',
          ['text', 'text'],
          tenders.map((t) => [t.instance, t.code]),
        );
        for (const table of ['tenders', 'tender_stages', 'schedule_changes']) {
          await db.run(`DELETE FROM ${table} x USING _tk k WHERE x.instance = k.instance AND x.code = k.code`);
        }
        // the last copy of a tender given twice wins
        const last = new Map(tenders.map((t) => [`${t.instance}\u0000${t.code}`, t]));
        const list = [...last.values()];
        await db.append(
          'tenders',
          ['text', 'text', 'text', 'text', 'double', 'text', 'ts', 'ts'],
          list.map((t) => [
            t.instance,
            t.code,
            t.kind,
            t.name,
            t.value,
            t.stageNow,
            msOf(t.deadline),
            msOf(t.readAt) ?? 0,
          ]),
        );
        await db.append(
          'tender_stages',
          ['text', 'text', 'int', 'text', 'ts', 'ts', 'int'],
          list.flatMap((t) =>
            t.stages.map((s, i) => [t.instance, t.code, i, s.name, msOf(s.start), msOf(s.end), s.changes]),
          ),
        );
        await db.append(
          'schedule_changes',
          ['text', 'text', 'int', 'text', 'ts', 'ts', 'ts', 'text'],
          list.flatMap((t) =>
            t.history.map((h, i) => [
              t.instance,
              t.code,
              i,
              h.stage,
              msOf(h.changedAt),
              msOf(h.originalStart),
              msOf(h.originalEnd),
              h.note,
            ]),
          ),
        );
      }),
    );
  }

  async tendersToRefresh(instance: string, listed: readonly string[], now: string): Promise<string[]> {
    if (!listed.length) return [];
    const nowMs = msOf(now) ?? this.opts.now();
    const known = await this.use((db) =>
      db.all<{ code: string; stage_now: string | null; stages: number; open: number }>(
        `SELECT t.code, t.stage_now,
           (SELECT count(*)::INTEGER FROM tender_stages s WHERE s.instance = t.instance AND s.code = t.code) AS stages,
           (SELECT count(*)::INTEGER FROM tender_stages s WHERE s.instance = t.instance AND s.code = t.code
              AND (s.end_at IS NULL OR s.end_at > $2::TIMESTAMP)) AS open
         FROM tenders t WHERE t.instance = $1`,
        [instance, new Date(nowMs).toISOString()],
      ),
    );
    const byCode = new Map(known.map((k) => [k.code, k]));
    return [...new Set(listed)].filter((code) => {
      const k = byCode.get(code);
      if (!k) return true;
      const finished = k.stage_now !== null && FINISHED_RE.test(k.stage_now);
      if (k.stages === 0) return !finished;
      return k.open > 0 && !finished;
    });
  }

  async episodes(query: DeadlineQuery = {}): Promise<EpisodeRun[]> {
    return this.use((db) => readEpisodes(db, query));
  }

  /** Probe rows of one instance in [from, to], oldest first (the evidence of an episode). */
  async probesOf(instance: string, from: string, to: string): Promise<ProbeRow[]> {
    return this.use(async (db) => {
      const rows = await db.all<Record<string, unknown>>(
        `SELECT epoch_ms(round)::DOUBLE AS round, instance, url, form, epoch_ms(probed_at)::DOUBLE AS at, class, status,
           latency_ms, error_code, version, detail FROM probes
         WHERE instance = $1 AND probed_at >= $2::TIMESTAMP AND probed_at <= $3::TIMESTAMP ORDER BY probed_at`,
        [instance, from, to],
      );
      return rows.map(toProbeRow);
    });
  }

  async episodesWithProbes(minMinutes: number): Promise<Array<{ episode: EpisodeRun; rows: ProbeRow[] }>> {
    return this.use(async (db) => {
      const long = `epoch_ms(coalesce(end_at, last_failure)) - epoch_ms(start_at) >= ${Math.max(0, minMinutes) * 60_000}`;
      const episodes = (await readEpisodes(db, {})).filter(
        (e) => Date.parse(e.end ?? e.lastFailure) - Date.parse(e.start) >= minMinutes * 60_000,
      );
      const rows = await db.all<Record<string, unknown>>(
        `SELECT e.id, epoch_ms(p.round)::DOUBLE AS round, p.instance, p.url, p.form, epoch_ms(p.probed_at)::DOUBLE AS at,
           p.class, p.status, p.latency_ms, p.error_code, p.version, p.detail
         FROM probes p JOIN (SELECT * FROM episodes WHERE ${long}) e ON p.instance = e.instance
           AND p.probed_at >= e.start_at AND p.probed_at <= coalesce(e.end_at, e.last_failure)
         ORDER BY e.id, p.probed_at`,
      );
      const byId = new Map<string, ProbeRow[]>();
      for (const r of rows) {
        const list = byId.get(r.id as string) ?? [];
        list.push(toProbeRow(r));
        byId.set(r.id as string, list);
      }
      return episodes.map((episode) => ({ episode, rows: byId.get(episode.id) ?? [] }));
    });
  }

  /** Has anything been probed yet (kept spans count, so retention does not make an old store look empty)? */
  async hasData(): Promise<boolean> {
    return this.use(async (db) => {
      const [r] = await db.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM (SELECT 1 FROM spans LIMIT 1)');
      return (r?.n ?? 0) > 0;
    });
  }

  async stats(): Promise<SeriesStats> {
    return this.use(async (db) => {
      const [p] = await db.all<{ n: number; i: number; a: number | null; b: number | null }>(
        'SELECT count(*)::DOUBLE AS n, count(DISTINCT instance)::DOUBLE AS i, epoch_ms(min(probed_at))::DOUBLE AS a, epoch_ms(max(probed_at))::DOUBLE AS b FROM probes',
      );
      const [e] = await db.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM episodes');
      const [t] = await db.all<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM tenders');
      return {
        probes: p?.n ?? 0,
        instances: p?.i ?? 0,
        episodes: e?.n ?? 0,
        tenders: t?.n ?? 0,
        firstProbe: isoOf(p?.a),
        lastProbe: isoOf(p?.b),
      };
    });
  }

  async deadlineView(query: DeadlineQuery = {}): Promise<DeadlineView> {
    const q: DeadlineQuery = {
      instance: query.instance,
      from: query.from,
      to: query.to,
      windowHours: query.windowHours ?? DEFAULT_WINDOW_HOURS,
      permutations: query.permutations ?? DEFAULT_PERMUTATIONS,
      seed: query.seed ?? DEFAULT_SEED,
    };
    const { series, episodes, deadlines } = await this.use((db) => readSeries(db, q));
    const result = correlate(series, {
      windowHours: q.windowHours!,
      from: msOf(q.from) ?? undefined,
      to: msOf(q.to) ?? undefined,
      permutations: q.permutations!,
      seed: q.seed!,
    });
    return { query: q, ...result, episodes, deadlines };
  }

  /** Derives every episode and span again from the probes. */
  async rebuild(): Promise<void> {
    await this.use((db) => db.transaction(() => rebuildDerived(db, this.settings)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db?.conn.closeSync();
      this.instance?.closeSync();
    } finally {
      this.db = null;
      this.instance = null;
      this.release?.();
    }
  }
}

function toProbeRow(r: Record<string, unknown>): ProbeRow {
  return {
    round: isoOf(r.round as number)!,
    instance: r.instance as string,
    url: r.url as string,
    form: r.form as ProbeRow['form'],
    at: isoOf(r.at as number)!,
    class: r.class as ProbeRow['class'],
    status: (r.status as number | null) ?? null,
    latencyMs: r.latency_ms as number,
    errorCode: (r.error_code as string | null) ?? null,
    version: (r.version as string | null) ?? null,
    detail: (r.detail as string | null) ?? null,
  };
}

/** WHERE conditions for an instance and a [from, to] overlap on (startCol, endCol). */
function filters(q: DeadlineQuery, startCol: string, endCol: string): { where: string; params: Cell[] } {
  const conds: string[] = [];
  const params: Cell[] = [];
  if (q.instance) {
    params.push(q.instance);
    conds.push(`instance = $${params.length}`);
  }
  const from = isoOf(msOf(q.from));
  const to = isoOf(msOf(q.to));
  if (from) {
    params.push(from);
    conds.push(`(${endCol} IS NULL OR ${endCol} >= $${params.length}::TIMESTAMP)`);
  }
  if (to) {
    params.push(to);
    conds.push(`${startCol} <= $${params.length}::TIMESTAMP`);
  }
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

async function readEpisodes(db: Db, q: DeadlineQuery): Promise<EpisodeRun[]> {
  const f = filters(q, 'start_at', 'end_at');
  const rows = await db.all<{
    id: string;
    instance: string;
    s: number;
    e: number | null;
    class: Episode['class'];
    probes: number;
    l: number;
    classes: string;
  }>(
    `SELECT id, instance, epoch_ms(start_at)::DOUBLE AS s, epoch_ms(end_at)::DOUBLE AS e, class, probes,
       epoch_ms(last_failure)::DOUBLE AS l, classes FROM episodes ${f.where} ORDER BY instance, start_at`,
    f.params,
  );
  return rows.map((r) => ({
    id: r.id,
    instance: r.instance,
    start: isoOf(r.s)!,
    end: isoOf(r.e),
    class: r.class,
    probes: r.probes,
    lastFailure: isoOf(r.l)!,
    classes: JSON.parse(r.classes) as EpisodeRun['classes'],
  }));
}

async function readSeries(
  db: Db,
  q: DeadlineQuery,
): Promise<{ series: InstanceSeries[]; episodes: EpisodeRun[]; deadlines: DeadlineView['deadlines'] }> {
  const byInstance = new Map<string, InstanceSeries>();
  const of = (instance: string) => {
    let s = byInstance.get(instance);
    if (!s) {
      s = { instance, offsetMinutes: instanceInfo(instance).offsetMinutes, spans: [], episodes: [], tenders: [] };
      byInstance.set(instance, s);
    }
    return s;
  };
  const sf = filters(q, 'start_at', 'end_at');
  const spans = await db.all<{ instance: string; s: number; e: number }>(
    `SELECT instance, epoch_ms(start_at)::DOUBLE AS s, epoch_ms(end_at)::DOUBLE AS e FROM spans ${sf.where}
     ORDER BY instance, start_at`,
    sf.params,
  );
  for (const r of spans) of(r.instance).spans.push({ start: r.s, end: r.e });
  const episodes = await readEpisodes(db, q);
  for (const e of episodes) {
    of(e.instance).episodes.push({
      id: e.id,
      start: Date.parse(e.start),
      end: e.end === null ? null : Date.parse(e.end),
    });
  }
  const tf = filters(q, 't.deadline', 't.deadline');
  const tenders = await db.all<{
    instance: string;
    code: string;
    name: string;
    value: number | null;
    d: number;
    changes: number[] | null;
  }>(
    `SELECT t.instance, t.code, t.name, t.value, epoch_ms(t.deadline)::DOUBLE AS d,
       (SELECT list(epoch_ms(c.changed_at)::DOUBLE) FROM schedule_changes c
          WHERE c.instance = t.instance AND c.code = t.code AND c.changed_at IS NOT NULL) AS changes
     FROM (SELECT * FROM tenders WHERE deadline IS NOT NULL) t ${tf.where}
     ORDER BY t.deadline, t.instance, t.code`,
    tf.params,
  );
  const deadlines: DeadlineView['deadlines'] = [];
  for (const t of tenders) {
    deadlines.push({ instance: t.instance, tender: t.code, name: t.name, value: t.value, deadline: isoOf(t.d)! });
    // a tender of an instance never probed has nothing to correlate with
    if (byInstance.has(t.instance)) {
      of(t.instance).tenders.push({
        code: t.code,
        name: t.name,
        value: t.value,
        deadline: t.d,
        changes: t.changes ?? [],
      });
    }
  }
  return { series: [...byInstance.values()], episodes, deadlines };
}

/**
 * Opens the store of a data dir: the writer takes its lock, creates the file and applies the migrations
 * (re-deriving the episodes when the episode rule changed); a reader finds the file or says which command fills it.
 *
 * @example const series = await openSeries('/srv/pantau/data'); await series.appendProbes(round); await series.close();
 */
export async function openSeries(dataDir: string, opts: SeriesOptions = {}): Promise<DuckSeries> {
  const full = {
    mode: opts.mode ?? 'write',
    retentionDays: opts.retentionDays === undefined ? DEFAULT_RETENTION_DAYS : opts.retentionDays,
    minFailures: opts.minFailures ?? DEFAULT_MIN_FAILURES,
    maxGapMinutes: opts.maxGapMinutes ?? 30,
    keepOpen: opts.keepOpen ?? false,
    waitMs: opts.waitMs ?? 30_000,
    now: opts.now ?? Date.now,
  } as const;
  if (!Number.isInteger(full.minFailures) || full.minFailures < 1)
    throw new UserError('minFailures must be a whole number ≥ 1');
  const file = seriesFile(dataDir);
  if (full.mode === 'read') {
    if (!existsSync(file)) {
      throw new UserError(`no probe data yet in ${dataDir}: run \`pantau probe --once\` first`);
    }
    const store = new DuckSeries(file, full, null);
    const version = await store.use(schemaVersion);
    if (version < SCHEMA_VERSION) {
      await store.close();
      // a reader cannot migrate; a writer can, once the running one (if any) is gone
      const writer = await openSeries(dataDir, { ...opts, mode: 'write', waitMs: full.waitMs });
      await writer.close();
      return new DuckSeries(file, full, null);
    }
    return store;
  }
  mkdirSync(join(dataDir, 'series'), { recursive: true, mode: 0o700 });
  const release = acquireLock(
    join(dataDir, 'locks', 'series.lock'),
    (holder) =>
      `another Pantau process (${holder}) is writing the probe database of ${dataDir}; wait for it or stop it`,
  );
  const store = new DuckSeries(file, full, release);
  try {
    await store.use(async (db) => {
      await migrate(db, store.settings);
      const stored = new Map(
        (await db.all<{ key: string; value: string }>('SELECT key, value FROM settings')).map((r) => [r.key, r.value]),
      );
      if (
        stored.get('min_failures') !== String(store.settings.minFailures) ||
        stored.get('max_gap_ms') !== String(store.settings.maxGapMs)
      ) {
        await db.transaction(() => rebuildDerived(db, store.settings));
      }
    });
    await store.prune();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
