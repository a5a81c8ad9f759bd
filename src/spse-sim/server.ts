/**
 * A local SPSE: one HTTP server on 127.0.0.1 that plays many SPSE instances at once, told apart the way the real
 * ones are: by the Host header for the old form (`lpse.<x>.go.id/eproc4/…`) and by the first path segment for
 * the central form (`spse.inaproc.id/<slug>/…`). Names reach it through the lookup map it exports (`sim.lookup`),
 * so 600 hostnames all land on one port without touching /etc/hosts or the network.
 *
 * A timetable (./timetable.ts) makes instances fail on script, against an injected clock: SPSE's error page,
 * nginx 5xx, Cloudflare's 52x pages, 403, a maintenance notice, a redirect loop, a hang, and at the lookup level
 * an unresolvable name (ENOTFOUND) or a refused connection (the name resolves to 127.0.0.2, where nothing listens
 * on the port: the server binds 127.0.0.1 only, and holding that port keeps anyone else from binding it on
 * 0.0.0.0).
 *
 * Pages beyond the home page come from `routes` (SimRoute): the tender list, the DataTables endpoints and the
 * schedule pages live in ./tenders.ts, written against this hook. A route is asked only when the instance is up
 * at that moment, in order; the first answer wins.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { LpseTableEntry } from '../../probe/targets.ts';
import { type SimInstance, tableInstances } from './instances.ts';
import {
  cloudflarePage,
  forbiddenPage,
  homePage45,
  homePageEproc4,
  maintenancePage,
  nginxErrorPage,
  notFoundPage,
  SPSE_ROBOTS_TXT,
  spseErrorPage,
} from './pages.ts';
import { type ActiveFailure, type Timetable, TimetableIndex } from './timetable.ts';

/** The central domain every instance moved to (Keputusan Kepala LKPP 205/2024). */
export const CENTRAL_HOST = 'spse.inaproc.id';

/** A request as a route sees it: which instance, in which form, and the path inside the instance. */
export interface SimRequest {
  method: string;
  headers: IncomingHttpHeaders;
  /** The full URL the client asked for (`http://spse.inaproc.id:47900/baritotimurkab/lelang?tahun=2026`). */
  url: URL;
  /** The path inside the instance, from `/`: `/lelang`, `/dt/lelang`, `/lelang/10012345/jadwal`. */
  path: string;
  form: 'central' | 'old';
  /** The instance's base URL as the client reached it: `http://spse.inaproc.id:47900/baritotimurkab`. */
  base: string;
  /** The request body (form posts of the DataTables endpoints), at most 1 MB. */
  body: string;
  /** The sim's clock at this request (epoch ms): a tender's current stage depends on it. */
  now: number;
}

/** An answer of a route. */
export interface SimResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** Serves some pages of an instance, or returns null to let the next route (or the built-in pages) answer. */
export type SimRoute = (
  req: SimRequest,
  instance: SimInstance,
  url: URL,
) => SimResponse | null | Promise<SimResponse | null>;

export interface SpseSimOptions {
  /** Default: the 600 instances of crawlers/lpse-table.json. */
  instances?: readonly SimInstance[];
  /** Who fails when; default: nobody. */
  timetable?: Timetable;
  /** Epoch milliseconds the timetable is read against (default Date.now; tests pass a fake clock). */
  clock?: () => number;
  routes?: readonly SimRoute[];
  /** Default 0 (a free port). */
  port?: number;
  /** robots.txt of a host (default: SPSE_ROBOTS_TXT for every host); null serves a 404. */
  robotsTxt?: (host: string) => string | null;
  /** How many recent requests `requests` keeps (default 10,000; the count is always kept). */
  keepRequests?: number;
}

export interface SimLogEntry {
  at: number;
  host: string;
  method: string;
  path: string;
  instance: string | null;
  form: 'central' | 'old' | null;
  /** 0 for a request left hanging or a connection cut. */
  status: number;
  userAgent: string;
  referer: string | null;
}

export interface SpseSim {
  port: number;
  /** Resolves a name the way DNS would for the simulated world (pass it to the prober as `lookup`). */
  lookup(host: string): Promise<{ address: string; family: 4 }>;
  /** The LPSE table of the simulated world: the same entries as crawlers/lpse-table.json, with URLs on this port. */
  table(): LpseTableEntry[];
  /** `http://spse.inaproc.id:<port>/<slug>` */
  centralBase(slug: string): string;
  /** `http://<old host>:<port>/eproc4` */
  oldBase(slug: string): string;
  instances: ReadonlyMap<string, SimInstance>;
  /** Replaces the script (a test moving to its next scene). */
  setTimetable(timetable: Timetable): void;
  /** Recent requests, oldest first. */
  requests: SimLogEntry[];
  /** Every request served since the start. */
  requestCount(): number;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
// The announcement pages need a Referer (SPSE.md): "403 Akses Ditolak!" without one.
const NEEDS_REFERER_RE = /^\/(?:lelang|nontender|pl)\/[^/]+\/pengumuman[a-z]*$/;
const MAX_BODY = 1024 * 1024;

/** A stable pseudo-random token from its parts (error codes, Ray IDs): the same script gives the same pages. */
function token(parts: string, length: number, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'): string {
  const h = createHash('sha256').update(parts).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[h[i]! % alphabet.length];
  return out;
}

/** Node's own error for a name that does not resolve, so the prober meets what it meets on the Internet. */
function notFound(host: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException & { hostname?: string } = new Error(`getaddrinfo ENOTFOUND ${host}`);
  err.code = 'ENOTFOUND';
  err.errno = -3008;
  err.syscall = 'getaddrinfo';
  err.hostname = host;
  return err;
}

/**
 * Starts the local SPSE.
 *
 * @example
 * const sim = await createSpseSim({ timetable: { entries: [{ instance: 'baritotimurkab',
 *   from: '2026-08-19T06:00:00Z', to: '2026-08-19T09:00:00Z', fail: 'cloudflare' }] }, clock: () => now });
 * // GET http://spse.inaproc.id:<port>/baritotimurkab (through sim.lookup) → 522 "Connection timed out" at 07:00Z
 */
export async function createSpseSim(opts: SpseSimOptions = {}): Promise<SpseSim> {
  const list = opts.instances ?? tableInstances();
  const bySlug = new Map(list.map((i) => [i.slug, i]));
  const byOldHost = new Map(list.map((i) => [i.oldHost.toLowerCase(), i]));
  let index = new TimetableIndex(opts.timetable ?? { entries: [] });
  const clock = opts.clock ?? Date.now;
  const routes = opts.routes ?? [];
  const robotsTxt = opts.robotsTxt ?? (() => SPSE_ROBOTS_TXT);
  const keep = opts.keepRequests ?? 10_000;
  const requests: SimLogEntry[] = [];
  let count = 0;
  const sockets = new Set<Socket>();
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    const host = hostHeader.replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `http://${hostHeader || '127.0.0.1'}`);
    const entry: SimLogEntry = {
      at: clock(),
      host,
      method: req.method ?? 'GET',
      path: url.pathname,
      instance: null,
      form: null,
      status: 0,
      userAgent: req.headers['user-agent'] ?? '',
      referer: req.headers.referer ?? null,
    };
    count++;
    requests.push(entry);
    if (requests.length > keep) requests.splice(0, requests.length - keep);
    const send = (status: number, headers: Record<string, string>, body: string | Buffer) => {
      entry.status = status;
      const buf = typeof body === 'string' ? Buffer.from(body) : body;
      res.writeHead(status, { 'content-length': String(buf.length), ...headers });
      res.end(req.method === 'HEAD' ? undefined : buf);
    };

    // Which instance, in which form.
    let inst: SimInstance | undefined;
    let form: 'central' | 'old';
    let base: string;
    let path: string;
    if (host === CENTRAL_HOST) {
      form = 'central';
      if (url.pathname === '/robots.txt') {
        const txt = robotsTxt(host);
        return txt === null
          ? send(404, { 'content-type': HTML }, notFoundPage())
          : send(200, { 'content-type': 'text/plain' }, txt);
      }
      const m = /^\/([^/]+)(\/.*)?$/.exec(url.pathname);
      inst = m ? bySlug.get(m[1]!) : undefined;
      base = `http://${hostHeader}/${m?.[1] ?? ''}`;
      path = m?.[2] && m[2] !== '/' ? m[2].replace(/\/+$/, '') : '/';
    } else {
      form = 'old';
      inst = byOldHost.get(host);
      base = `http://${hostHeader}/eproc4`;
      path = url.pathname.startsWith('/eproc4') ? url.pathname.slice('/eproc4'.length).replace(/\/+$/, '') || '/' : '';
    }
    if (!inst) return send(404, { 'content-type': HTML }, notFoundPage());
    entry.instance = inst.slug;
    entry.form = form;
    const failure = index.failureAt(inst.slug, clock(), form);
    const front: Record<string, string> =
      form === 'central'
        ? { server: 'cloudflare', 'cf-ray': `${token(inst.slug + count, 16, '0123456789abcdef')}-CGK` }
        : {};

    if (form === 'old' && url.pathname === '/robots.txt') {
      // robots.txt is the web server's: it fails with the host (a hang, a 5xx), not with the application.
      if (!failure || !['timeout', 'http-5xx', 'cloudflare'].includes(failure.fail)) {
        const txt = robotsTxt(host);
        return txt === null
          ? send(404, { 'content-type': HTML }, notFoundPage())
          : send(200, { 'content-type': 'text/plain' }, txt);
      }
    }
    if (failure) return fail(failure, inst, form, base, path, req, res, entry, send);

    if (form === 'old' && path === '') return send(302, { location: `${base}` }, '');
    if (form === 'old' && inst.moved) {
      return send(302, { location: `http://${CENTRAL_HOST}:${port}/${inst.slug}${path === '/' ? '' : path}` }, '');
    }
    if (NEEDS_REFERER_RE.test(path) && !req.headers.referer) {
      return send(403, { 'content-type': HTML, ...front }, forbiddenPage());
    }
    if (routes.length) {
      const body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : '';
      const simReq: SimRequest = {
        method: entry.method,
        headers: req.headers,
        url,
        path,
        form,
        base,
        body,
        now: clock(),
      };
      for (const route of routes) {
        const answer = await route(simReq, inst, url);
        if (answer) {
          return send(answer.status ?? 200, { 'content-type': HTML, ...front, ...answer.headers }, answer.body);
        }
      }
    }
    if (path === '/') {
      const page = inst.footer === 'eproc4' ? homePageEproc4(inst, base) : homePage45(inst, base, form === 'central');
      return send(200, { 'content-type': HTML, ...front }, page);
    }
    return send(404, { 'content-type': HTML, ...front }, notFoundPage());
  };

  const fail = (
    f: ActiveFailure,
    inst: SimInstance,
    form: 'central' | 'old',
    base: string,
    path: string,
    _req: IncomingMessage,
    res: ServerResponse,
    entry: SimLogEntry,
    send: (status: number, headers: Record<string, string>, body: string | Buffer) => void,
  ) => {
    const front: Record<string, string> = form === 'central' ? { server: 'cloudflare' } : { server: 'nginx' };
    switch (f.fail) {
      case 'timeout':
        return; // never answered; the client gives up, close() destroys what is left
      case 'dns':
      case 'connection-refused':
        // Reached only by a client that bypassed the lookup map: cut the connection rather than pretend to be up.
        entry.status = 0;
        res.socket?.destroy();
        return;
      case 'spse-error': {
        const code = f.code ?? token(`${inst.slug}|${f.from}`, 9);
        return send(500, { 'content-type': HTML, ...front }, spseErrorPage(base, code));
      }
      case 'http-5xx': {
        const status = f.status ?? 502;
        return send(status, { 'content-type': 'text/html', server: 'nginx' }, nginxErrorPage(status));
      }
      case 'cloudflare': {
        const status = f.status ?? 522;
        const ray = token(`${inst.slug}|${count}`, 16, '0123456789abcdef');
        const host = form === 'central' ? CENTRAL_HOST : inst.oldHost;
        return send(
          status,
          { 'content-type': HTML, server: 'cloudflare', 'cf-ray': `${ray}-CGK` },
          cloudflarePage(status, host, ray),
        );
      }
      case 'forbidden':
        return send(403, { 'content-type': HTML, ...front }, forbiddenPage());
      case 'maintenance':
        return send(f.status ?? 503, { 'content-type': HTML, ...front, 'retry-after': '3600' }, maintenancePage(inst));
      case 'redirect-loop':
        // The home page sends to /beranda, which sends back to the home page.
        return send(302, { location: path === '/' ? `${base}/beranda` : `${base}/`, ...front }, '');
      case 'not-found':
        return send(404, { 'content-type': HTML, ...front }, notFoundPage());
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`local SPSE: ${(err as Error).message}`);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok, failListen) => {
    server.once('error', failListen);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('local SPSE has no port');
  port = addr.port;

  const centralBase = (slug: string) => `http://${CENTRAL_HOST}:${port}/${slug}`;
  const oldBase = (slug: string) => {
    const inst = bySlug.get(slug);
    if (!inst) throw new Error(`local SPSE: no instance ${slug}`);
    return `http://${inst.oldHost}:${port}/eproc4`;
  };

  return {
    port,
    instances: bySlug,
    lookup: createSimLookup({ instances: list, failureAt: (slug, at) => index.failureAt(slug, at, 'old'), clock }),
    table: () =>
      list.map((i) => ({
        id: i.slug,
        name: i.name,
        region_code: i.regionCode,
        url: centralBase(i.slug),
        old_url: `http://${i.oldHost}:${port}`,
      })),
    centralBase,
    oldBase,
    setTimetable(t: Timetable) {
      index = new TimetableIndex(t);
    },
    requests,
    requestCount: () => count,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/**
 * The lookup map of the simulated world, on its own: the central host and every instance's old host resolve to
 * 127.0.0.1, an instance scripted `dns` throws ENOTFOUND, one scripted `connection-refused` resolves to 127.0.0.2
 * (nothing listens there), any other name throws ENOTFOUND. A prober in another process than the sim builds its
 * own from the same instances and timetable.
 *
 * @example createSimLookup({ instances, timetable, clock })('lpse.baritotimurkab.go.id') // { address: '127.0.0.1', family: 4 }
 */
export function createSimLookup(opts: {
  instances: readonly SimInstance[];
  clock?: () => number;
  timetable?: Timetable;
  failureAt?: (slug: string, at: number) => ActiveFailure | null;
}): (host: string) => Promise<{ address: string; family: 4 }> {
  const byOldHost = new Map(opts.instances.map((i) => [i.oldHost.toLowerCase(), i]));
  const clock = opts.clock ?? Date.now;
  const index = opts.failureAt ? null : new TimetableIndex(opts.timetable ?? { entries: [] });
  const failureAt = opts.failureAt ?? ((slug: string, at: number) => index!.failureAt(slug, at, 'old'));
  return async (name: string) => {
    const h = name.toLowerCase();
    if (h === CENTRAL_HOST || h === 'localhost' || h === '127.0.0.1') return { address: '127.0.0.1', family: 4 };
    const inst = byOldHost.get(h);
    if (!inst) throw notFound(name);
    const f = failureAt(inst.slug, clock());
    if (f?.fail === 'dns') throw notFound(name);
    if (f?.fail === 'connection-refused') return { address: '127.0.0.2', family: 4 };
    return { address: '127.0.0.1', family: 4 };
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, failRead) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size <= MAX_BODY) parts.push(d);
    });
    req.on('end', () => ok(Buffer.concat(parts).toString('utf8')));
    req.on('error', failRead);
  });
}
