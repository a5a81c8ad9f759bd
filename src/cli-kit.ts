/**
 * What every sub-command gets from the CLI: the data dir, a Meilisearch connection that is closed however the
 * command ends, and progress output on stderr.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import { type DataDir, describeDisk, diskOf, ensureWritable, resolveDataDir, tightenDataDir } from './config.ts';
import { connectionLost, isDiskFull, messageOf, UserError } from './errors.ts';
import { connectMeili, type MeiliConnection } from './meili/embedded.ts';

export interface Cli {
  /** The data dir from --data-dir / PANTAU_DATA_DIR / ./data, created owner-only and checked writable. */
  dataDir(): DataDir;
  /** Runs fn with Meilisearch: the running embedded server, one started for this command, or MEILI_URL. */
  withMeili<T>(fn: (conn: MeiliConnection) => Promise<T>, opts?: { port?: number | undefined }): Promise<T>;
  /** A progress or status line on stderr (stdout is for results). */
  info(line: string): void;
  /** The sub-command being run ("index"), for messages that say what to run next. */
  command(): string;
}

/** A sub-command module registers itself on the program. */
export type RegisterCommand = (program: Command, cli: Cli) => void;

/** Open connections, closed on SIGINT/SIGTERM so their leases are given back and no Meilisearch is left behind. */
const openConnections = new Set<MeiliConnection>();

/**
 * A whole-number option value, checked against its range, or a one-line error naming the option.
 *
 * @example wholeNumber('--rounds', '0', 1, 10_000) // throws "--rounds must be a whole number from 1 to 10000, not 0"
 */
export function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UserError(`${flag} must be a whole number from ${min} to ${max}, not ${value}`);
  return n;
}

/** The same as a commander option parser: `.option('--retries <n>', '…', wholeNumberOption('--retries'), 3)`. */
export const wholeNumberOption =
  (flag: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number =>
    wholeNumber(flag, value, min, max);

/** Tracks a connection made outside withMeili (`pantau serve` reconnecting), in place of the one it replaces. */
export function trackConnection(conn: MeiliConnection, previous: MeiliConnection | null = null): void {
  if (previous) openConnections.delete(previous);
  openConnections.add(conn);
}

export async function closeAll(): Promise<void> {
  await Promise.allSettled([...openConnections].map((c) => c.close()));
  openConnections.clear();
}

/** A command that stops cleanly on its own (`pantau watch`: after its current step) takes the first signal. */
let interruptHandler: ((signal: NodeJS.Signals) => void) | null = null;

/** Registers (or, with null, removes) the handler of the first SIGINT/SIGTERM; a second one stops at once. */
export function onInterrupt(handler: ((signal: NodeJS.Signals) => void) | null): void {
  interruptHandler = handler;
}

/** Hands a signal to the registered handler, once: true if it took it. */
export function takeInterrupt(signal: NodeJS.Signals): boolean {
  const handler = interruptHandler;
  if (!handler) return false;
  interruptHandler = null;
  handler(signal);
  return true;
}

/**
 * The one line for a disk that filled up under a command: which disk, how much is left, what to do.
 *
 * @example diskFullError('/srv/pantau', 'crawl').message
 * // "no space left on the disk of data dir /srv/pantau (ext4 /dev/sdb1 mounted at /srv, 0 B free): free some space and run `pantau crawl` again (what was stored before is intact)"
 */
export function diskFullError(root: string, command: string): UserError {
  return new UserError(
    `no space left on the disk of data dir ${root} (${describeDisk(diskOf(root))}): free some space and run \`pantau ${command}\` again (what was stored before is intact)`,
  );
}

/** The one line for a Meilisearch that went away in the middle of a command. */
export function backendLostError(conn: MeiliConnection, dir: DataDir, command: string, code: string): UserError {
  const which =
    conn.mode === 'external'
      ? `Meilisearch at ${conn.url} (MEILI_URL)`
      : `the embedded Meilisearch of ${dir.root} (pid ${conn.pid}, ${conn.url})`;
  const next =
    conn.mode === 'external'
      ? `check that server, then run \`pantau ${command}\` again`
      : `run \`pantau ${command}\` again: it starts a new one (its log: ${join(dir.meili, 'meilisearch.log')})`;
  return new UserError(`${which} stopped answering in the middle of \`pantau ${command}\` (${code}); ${next}`);
}

export function makeCli(program: Command): Cli {
  const quiet = () => Boolean(program.opts().quiet);
  let command = 'pantau';
  program.hook('preAction', (_program, action) => {
    command = action.name();
  });
  let opened: string | null = null;
  const cli: Cli = {
    dataDir() {
      const dir = resolveDataDir(program.opts().dataDir as string | undefined);
      if (opened !== dir.root) {
        // Everything Pantau (and the Meilisearch and crawler it runs) creates from here on is owner-only.
        process.umask(0o077);
        ensureWritable(dir.root);
        tightenDataDir(dir.root);
        opened = dir.root;
      }
      return dir;
    },
    async withMeili(fn, opts) {
      const dir = cli.dataDir();
      const conn = await connectMeili(dir, { port: opts?.port, log: (l) => cli.info(l), command });
      openConnections.add(conn);
      try {
        return await fn(conn);
      } catch (err) {
        if (err instanceof UserError) throw err;
        if (isDiskFull(err)) {
          if (process.env.PANTAU_DEBUG) console.error(err);
          throw diskFullError(dir.root, command);
        }
        const lost = connectionLost(err);
        if (lost) throw backendLostError(conn, dir, command, lost);
        throw err;
      } finally {
        await conn.close().catch((err) => cli.info(`pantau: could not stop Meilisearch: ${messageOf(err)}`));
        openConnections.delete(conn);
      }
    },
    info(line) {
      if (!quiet()) process.stderr.write(`${line}\n`);
    },
    command: () => command,
  };
  return cli;
}
