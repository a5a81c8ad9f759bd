/**
 * One probe request: a GET with Node's own http/https (a probe is one request, not a crawl), a fresh connection
 * (the probe measures whether a client can connect now, not whether a pooled socket is still open), redirects
 * followed up to a limit with loops recognised, one deadline for the whole exchange, an injectable name lookup,
 * and at most `maxBodyBytes` of the body read: the rest is never downloaded.
 */
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ProbeOutcome } from './classify.ts';

/** Resolves a host name: `RoundOptions.lookup`'s shape. */
export type Lookup = (host: string) => Promise<{ address: string; family: 4 | 6 }>;

export interface ProbeRequestOptions {
  /** The whole exchange, redirects and body included. */
  timeoutMs: number;
  userAgent: string;
  lookup?: Lookup | undefined;
  /** Redirects followed at most (default 5, as the crawler follows). */
  maxRedirects?: number;
  /** Bytes of the body read at most (default 256 KB): enough for any home page's footer, and memory stays bounded. */
  maxBodyBytes?: number;
  /** Asked before each redirect is followed (robots.txt of the next host); false stops the probe. */
  allow?: ((url: string) => Promise<boolean>) | undefined;
  signal?: AbortSignal | undefined;
}

export interface ProbeResponse {
  outcome: ProbeOutcome;
  /** The HTTP status of the last answer, when one came. */
  status: number | null;
  finalUrl: string;
  redirects: number;
  latencyMs: number;
  /** A redirect led where robots.txt forbids: nothing was observed. */
  refused: boolean;
  /** The signal fired: the probe did not end by itself and says nothing about the instance. */
  aborted: boolean;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

/** Node's callback lookup, from a promise-returning one (Node 20 asks for `all` when it races IPv4 and IPv6). */
export function toNodeLookup(lookup: Lookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname).then(
      ({ address, family }) => {
        if ((options as { all?: boolean }).all)
          (callback as (e: null, a: unknown[]) => void)(null, [{ address, family }]);
        else callback(null, address, family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 4),
    );
  };
}

function codedError(code: string, message: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(message);
  e.code = code;
  return e;
}

interface Hop {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** One GET, no redirects followed. Rejects with a coded error (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, ERR_SSL_…). */
function getOnce(url: URL, opts: ProbeRequestOptions, deadline: number, nodeLookup?: LookupFunction): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const remaining = Math.max(1, deadline - performance.now());
    const reqOpts: RequestOptions = {
      method: 'GET',
      headers: {
        'user-agent': opts.userAgent,
        accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
        'accept-language': 'id,en;q=0.8',
        connection: 'close',
      },
      agent: false,
      signal: opts.signal,
    };
    if (nodeLookup) reqOpts.lookup = nodeLookup;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const done = (err: Error | null, hop?: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(hop!);
    };
    const req = send(url, reqOpts, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      const headers: Record<string, string | undefined> = {};
      for (const h of ['server', 'cf-ray', 'content-type', 'location', 'retry-after']) {
        const v = res.headers[h];
        headers[h] = Array.isArray(v) ? v[0] : v;
      }
      if (status >= 300 && status < 400 && headers.location) {
        res.destroy(); // a redirect's body says nothing
        return done(null, { status, headers, body: '' });
      }
      const max = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const parts: Buffer[] = [];
      let size = 0;
      const finish = () => done(null, { status, headers, body: new TextDecoder().decode(Buffer.concat(parts, size)) });
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        const take = Math.min(chunk.length, max - size);
        if (take > 0) {
          parts.push(take === chunk.length ? chunk : chunk.subarray(0, take));
          size += take;
        }
        if (size >= max) {
          finish();
          res.destroy(); // enough read: the footer, or the error page, is near the top
        }
      });
      res.on('end', finish);
      res.on('error', (e) => done(e));
      // A connection closed before the body ended is a cut answer, not a hang to wait out.
      res.on('close', () => (res.complete ? finish() : done(codedError('ECONNRESET', 'the answer was cut off'))));
    });
    const timer = setTimeout(() => {
      const e = codedError('ETIMEDOUT', `no answer within ${Math.round(opts.timeoutMs)} ms`);
      done(e);
      req.destroy(e);
    }, remaining);
    req.on('error', (e) => done(e));
    req.end();
  });
}

/**
 * Probes one URL.
 *
 * @example await probeUrl('https://spse.inaproc.id/baritotimurkab', { timeoutMs: 10_000, userAgent: PROBE_USER_AGENT })
 * // { outcome: { kind: 'answer', status: 200, … }, status: 200, latencyMs: 412, … }
 */
export async function probeUrl(url: string, opts: ProbeRequestOptions): Promise<ProbeResponse> {
  const t0 = performance.now();
  const deadline = t0 + opts.timeoutMs;
  const nodeLookup = opts.lookup ? toNodeLookup(opts.lookup) : undefined;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const seen = new Set<string>();
  let current = new URL(url);
  let redirects = 0;
  let status: number | null = null;
  const end = (outcome: ProbeOutcome, extra: Partial<ProbeResponse> = {}): ProbeResponse => ({
    outcome,
    status,
    finalUrl: current.href,
    redirects,
    latencyMs: Math.round(performance.now() - t0),
    refused: false,
    aborted: false,
    ...extra,
  });
  for (;;) {
    seen.add(current.href.replace(/#.*$/, ''));
    let hop: Hop;
    try {
      hop = await getOnce(current, opts, deadline, nodeLookup);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (opts.signal?.aborted) return end({ kind: 'error', code: 'ABORT_ERR', message: 'aborted' }, { aborted: true });
      return end({ kind: 'error', code: e.code ?? 'EUNKNOWN', message: e.message ?? String(err) });
    }
    status = hop.status;
    if (!(hop.status >= 300 && hop.status < 400 && hop.headers.location)) {
      return end({ kind: 'answer', status: hop.status, headers: hop.headers, body: hop.body });
    }
    let next: URL;
    try {
      next = new URL(hop.headers.location, current);
    } catch {
      return end({ kind: 'answer', status: hop.status, headers: hop.headers, body: '' });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return end({ kind: 'error', code: 'BAD_REDIRECT', message: `redirect to ${next.protocol} URL` });
    }
    if (seen.has(next.href.replace(/#.*$/, ''))) {
      return end({
        kind: 'error',
        code: 'REDIRECT_LOOP',
        message: `redirect loop after ${redirects + 1} redirects: ${current.href} -> ${next.href}`,
      });
    }
    if (redirects >= maxRedirects) {
      return end({ kind: 'error', code: 'TOO_MANY_REDIRECTS', message: `more than ${maxRedirects} redirects` });
    }
    redirects++;
    if (opts.allow && !(await opts.allow(next.href))) {
      current = next;
      return end(
        { kind: 'error', code: 'ROBOTS', message: 'robots.txt forbids the redirect target' },
        { refused: true },
      );
    }
    current = next;
  }
}
