/** A thin layer over a DuckDB connection: typed rows out, rows appended in bulk inside the open transaction. */
import { type DuckDBConnection, timestampValue } from '@duckdb/node-api';

export type Cell = string | number | null;
/** How a column is appended: text, timestamp (epoch ms in, TIMESTAMP stored), integer, double or boolean. */
export type ColumnKind = 'text' | 'ts' | 'int' | 'double' | 'bool';

export class Db {
  constructor(readonly conn: DuckDBConnection) {}

  async run(sql: string, params: Cell[] = []): Promise<void> {
    await this.conn.run(sql, params.length ? params : undefined);
  }

  /** Rows as plain objects (BIGINT as bigint: cast epochs `::DOUBLE` in the SQL). */
  async all<T = Record<string, unknown>>(sql: string, params: Cell[] = []): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params.length ? params : undefined);
    return reader.getRowObjectsJS() as T[];
  }

  /** Appends rows with DuckDB's appender: part of the transaction in progress, if any. */
  async append(table: string, kinds: readonly ColumnKind[], rows: Iterable<readonly Cell[]>): Promise<number> {
    const appender = await this.conn.createAppender(table);
    let n = 0;
    try {
      for (const row of rows) {
        kinds.forEach((kind, i) => {
          const v = row[i];
          if (v === null || v === undefined) appender.appendNull();
          else if (kind === 'text') appender.appendVarchar(String(v));
          else if (kind === 'ts') appender.appendTimestamp(timestampValue(BigInt(Math.round(Number(v))) * 1000n));
          else if (kind === 'int') appender.appendInteger(Math.round(Number(v)));
          else if (kind === 'bool') appender.appendBoolean(Boolean(v));
          else appender.appendDouble(Number(v));
        });
        appender.endRow();
        n++;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return n;
  }

  /** Runs fn in one transaction: all of it is stored, or (an error, a kill -9) none of it. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.run('BEGIN TRANSACTION');
    try {
      const out = await fn();
      await this.run('COMMIT');
      return out;
    } catch (err) {
      await this.run('ROLLBACK').catch(() => {});
      throw err;
    }
  }
}

/** ISO instant → epoch ms; null stays null (and so does a string that is no instant). */
export function msOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

export const isoOf = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
