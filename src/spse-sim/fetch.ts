/**
 * A `fetch` for the simulated world: the request goes to the address the sim's lookup map gives (every name on
 * 127.0.0.1), with the URL's own host in the Host header, so the schedule reader (which takes a `fetch`) reads the
 * local SPSE at `http://spse.inaproc.id:<port>/<slug>` as it reads the real one. Global fetch cannot do this: it
 * resolves names itself and drops a Host header. Plain http only, no redirects followed (the tender pages have
 * none), the body read whole (the sim's pages are small).
 */
import { request } from 'node:http';
import { type Lookup, toNodeLookup } from '../../probe/http.ts';

export function fetchVia(lookup: Lookup): typeof fetch {
  const nodeLookup = toNodeLookup(lookup);
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.protocol !== 'http:') throw new TypeError(`fetchVia: only http URLs, not ${url.protocol}`);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : init.body ? String(init.body) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        url,
        { method: init.method ?? 'GET', headers, lookup: nodeLookup, signal: init.signal ?? undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) h.append(k, one);
            }
            const status = res.statusCode ?? 500;
            const text = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(text, { status, headers: h }));
          });
        },
      );
      req.on('error', (err) => reject(new TypeError('fetch failed', { cause: err })));
      req.end(body);
    });
  }) as typeof fetch;
}
