/**
 * The probe database's schema as numbered migrations. `schema_version` holds one row per migration applied;
 * opening a store applies the missing ones in order, each in its own transaction (a kill in the middle of one
 * leaves the previous version intact). Never edit a migration that has shipped: add the next one.
 */
import type { Db } from './db.ts';
import { type DeriveSettings, rebuildDerived } from './derive.ts';

export interface Migration {
  version: number;
  name: string;
  up(db: Db, settings: DeriveSettings): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'probes and tender schedules',
    async up(db) {
      // One row per probe, appended in round order and never changed: DuckDB's zone maps on probed_at make
      // "since T" reads skip old row groups, so no index is needed.
      await db.run(`CREATE TABLE probes (
        round TIMESTAMP NOT NULL,
        instance VARCHAR NOT NULL,
        url VARCHAR NOT NULL,
        form VARCHAR NOT NULL,
        probed_at TIMESTAMP NOT NULL,
        class VARCHAR NOT NULL,
        status INTEGER,
        latency_ms INTEGER NOT NULL,
        error_code VARCHAR,
        version VARCHAR,
        detail VARCHAR
      )`);
      await db.run(`CREATE TABLE tenders (
        instance VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        value DOUBLE,
        stage_now VARCHAR,
        deadline TIMESTAMP,
        read_at TIMESTAMP NOT NULL
      )`);
      await db.run(`CREATE TABLE tender_stages (
        instance VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        start_at TIMESTAMP,
        end_at TIMESTAMP,
        changes INTEGER NOT NULL
      )`);
      await db.run(`CREATE TABLE schedule_changes (
        instance VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        stage VARCHAR NOT NULL,
        changed_at TIMESTAMP,
        original_start TIMESTAMP,
        original_end TIMESTAMP,
        note VARCHAR
      )`);
    },
  },
  {
    version: 2,
    name: 'episodes and observed spans, derived as probes arrive',
    async up(db, settings) {
      // Derived from probes (and rebuilt from them when the settings change), but kept when retention drops old
      // probe rows: the deadline correlation reads these few rows, never the probe table's millions.
      await db.run(`CREATE TABLE episodes (
        id VARCHAR NOT NULL,
        instance VARCHAR NOT NULL,
        start_at TIMESTAMP NOT NULL,
        end_at TIMESTAMP,
        class VARCHAR NOT NULL,
        probes INTEGER NOT NULL,
        last_failure TIMESTAMP NOT NULL,
        classes VARCHAR NOT NULL
      )`);
      await db.run(`CREATE TABLE spans (
        instance VARCHAR NOT NULL,
        start_at TIMESTAMP NOT NULL,
        end_at TIMESTAMP NOT NULL
      )`);
      await db.run(`CREATE TABLE series_state (
        instance VARCHAR NOT NULL,
        last_at TIMESTAMP NOT NULL,
        last_up_at TIMESTAMP,
        first_at TIMESTAMP NOT NULL
      )`);
      await db.run('CREATE TABLE settings (key VARCHAR NOT NULL, value VARCHAR NOT NULL)');
      await rebuildDerived(db, settings);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The version of an open database (0: empty). */
export async function schemaVersion(db: Db): Promise<number> {
  const t = await db.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'schema_version' AND schema_name = 'main'",
  );
  if (!t[0]?.n) return 0;
  const v = await db.all<{ v: number | null }>('SELECT max(version)::INTEGER AS v FROM schema_version');
  return v[0]?.v ?? 0;
}

/** Applies the migrations above the database's version, up to `target`; returns the versions applied. */
export async function migrate(db: Db, settings: DeriveSettings, target = SCHEMA_VERSION): Promise<number[]> {
  let current = await schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(`schema v${current} is newer than this Pantau knows (v${SCHEMA_VERSION})`);
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    await db.transaction(async () => {
      if (current === 0) {
        await db.run(
          'CREATE TABLE schema_version (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
        );
      }
      await m.up(db, settings);
      await db.run('INSERT INTO schema_version VALUES ($1, $2, now()::TIMESTAMP)', [m.version, m.name]);
    });
    current = m.version;
    applied.push(m.version);
  }
  return applied;
}
