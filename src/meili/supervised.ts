/**
 * A Meilisearch connection for a long-lived reader (`pantau serve`): it checks the backend every two seconds and,
 * when it is gone (killed, crashed, stopped), reconnects: to the server another Pantau process started meanwhile,
 * or to a new one it starts itself. A request that meets a lost backend waits for the reconnection and is tried
 * once more, so a restart costs a reader a delay rather than an error.
 */
import type { Meilisearch } from 'meilisearch';
import type { DataDir } from '../config.ts';
import { connectionLost, messageOf, UserError } from '../errors.ts';
import { type ConnectOptions, connectMeili, type MeiliConnection } from './embedded.ts';
import { processRunning } from './lease.ts';

export type BackendState = 'available' | 'unavailable' | 'restarting';

export interface BackendStatus {
  ok: boolean;
  backend: BackendState;
  message?: string;
}

export interface SupervisedMeili {
  /** The current connection (it changes after a reconnection). */
  current(): MeiliConnection;
  /** Runs fn with the current client; on a lost backend, reconnects and runs it once more. */
  use<T>(fn: (client: Meilisearch) => Promise<T>): Promise<T>;
  /** The backend's state now (a live /health request, not a remembered one). */
  status(): Promise<BackendStatus>;
  /** Reconnects if the backend is gone; resolves once it is back (or the attempt failed). */
  check(): Promise<void>;
  /** Stops watching and gives the lease back. */
  close(): Promise<void>;
}

export interface SuperviseOptions extends ConnectOptions {
  /** How often the backend is checked (default 2000 ms). */
  intervalMs?: number;
  /** Called with every new connection (the CLI tracks them to close them on Ctrl-C). */
  onConnect?: (conn: MeiliConnection, previous: MeiliConnection | null) => void;
}

async function answers(conn: MeiliConnection, timeoutMs: number): Promise<boolean> {
  if (conn.pid !== undefined && !processRunning(conn.pid)) return false;
  try {
    const res = await fetch(`${conn.url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function superviseMeili(dir: DataDir, opts: SuperviseOptions = {}): Promise<SupervisedMeili> {
  let conn = await connectMeili(dir, opts);
  opts.onConnect?.(conn, null);
  let state: BackendState = 'available';
  let lastError: string | undefined;
  let recovering: Promise<void> | null = null;
  let closed = false;
  const log = opts.log ?? (() => {});

  // `failed` is the connection found dead: a check that began before a restart must not restart the new server
  const recover = (failed: typeof conn): Promise<void> => {
    if (failed !== conn && !recovering) return Promise.resolve();
    recovering ??= (async () => {
      state = 'restarting';
      const old = conn;
      log(`pantau serve: Meilisearch at ${old.url} is gone; reconnecting`);
      try {
        // The new lease first: giving the old one back first could stop a server that only blinked.
        conn = await connectMeili(dir, opts);
        await old.close().catch(() => {});
        opts.onConnect?.(conn, old);
        state = 'available';
        lastError = undefined;
        log(`pantau serve: Meilisearch is back at ${conn.url}`);
      } catch (err) {
        state = 'unavailable';
        lastError = messageOf(err);
        log(`pantau serve: cannot reach Meilisearch: ${lastError}`);
      }
    })().finally(() => {
      recovering = null;
    });
    return recovering;
  };

  const check = async () => {
    if (closed) return;
    if (recovering) return recovering;
    // An external server is not ours to restart, but it may come back: reconnecting checks it again.
    const checked = conn;
    if (!(await answers(checked, 2000))) await recover(checked);
  };

  const timer = setInterval(() => void check(), opts.intervalMs ?? 2000);
  timer.unref();

  return {
    current: () => conn,
    async use(fn) {
      if (recovering) await recovering;
      const used = conn;
      try {
        return await fn(used.client);
      } catch (err) {
        const lost = connectionLost(err);
        if (!lost || closed) throw err;
        await recover(used);
        if (state !== 'available') {
          throw new UserError(`the search backend is unavailable (${lastError ?? lost}); try again shortly`);
        }
        return fn(conn.client);
      }
    },
    async status() {
      if (recovering) return { ok: false, backend: 'restarting' };
      if (await answers(conn, 2000)) return { ok: true, backend: 'available' };
      void check();
      return { ok: false, backend: state === 'available' ? 'unavailable' : state, message: lastError };
    },
    check,
    async close() {
      closed = true;
      clearInterval(timer);
      if (recovering) await recovering;
      await conn.close();
    },
  };
}
