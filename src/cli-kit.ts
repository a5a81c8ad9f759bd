/**
 * What every sub-command gets from the CLI: the data dir, a Meilisearch connection that is closed however the
 * command ends, and progress output on stderr.
 */
import type { Command } from 'commander';
import { type DataDir, ensureWritable, resolveDataDir } from './config.ts';
import { type MeiliConnection, connectMeili } from './meili/embedded.ts';

export interface Cli {
  /** The data dir from --data-dir / PANTAU_DATA_DIR / ./data, created and checked writable. */
  dataDir(): DataDir;
  /** Runs fn with Meilisearch: the running embedded server, one started for this command, or MEILI_URL. */
  withMeili<T>(fn: (conn: MeiliConnection) => Promise<T>, opts?: { port?: number | undefined }): Promise<T>;
  /** A progress or status line on stderr (stdout is for results). */
  info(line: string): void;
}

/** A sub-command module registers itself on the program. */
export type RegisterCommand = (program: Command, cli: Cli) => void;

/** Open connections that started a server, closed on SIGINT/SIGTERM so no Meilisearch is left behind. */
const openConnections = new Set<MeiliConnection>();

export async function closeAll(): Promise<void> {
  await Promise.allSettled([...openConnections].map((c) => c.close()));
  openConnections.clear();
}

export function makeCli(program: Command): Cli {
  const quiet = () => Boolean(program.opts().quiet);
  const cli: Cli = {
    dataDir() {
      const dir = resolveDataDir(program.opts().dataDir as string | undefined);
      ensureWritable(dir.root);
      return dir;
    },
    async withMeili(fn, opts) {
      const conn = await connectMeili(cli.dataDir(), { port: opts?.port, log: (l) => cli.info(l) });
      openConnections.add(conn);
      try {
        return await fn(conn);
      } finally {
        await conn.close();
        openConnections.delete(conn);
      }
    },
    info(line) {
      if (!quiet()) process.stderr.write(`${line}\n`);
    },
  };
  return cli;
}
