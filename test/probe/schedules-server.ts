/**
 * A tiny SPSE for the schedule reader's tests: node:http on 127.0.0.1 mounting the tender routes of
 * src/spse-sim/tenders.ts (the availability server, src/spse-sim/server.ts, mounts the same routes in the app).
 * The central form serves every slug under `/<slug>/…`; an old-form server serves one instance under `/eproc4/…`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TenderInstance as SimInstance, TenderRoute as SimRoute } from '../../src/spse-sim/tenders.ts';

export interface Served {
  url: string;
  /** Every request: method, path, headers. */
  seen: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined> }>;
  close(): Promise<void>;
}

export async function serveRoutes(
  routes: SimRoute[],
  instanceOf: (url: URL) => SimInstance | null,
  opts: { hang?: RegExp } = {},
): Promise<Served> {
  const seen: Served['seen'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({ method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers });
      if (opts.hang?.test(url.pathname)) return; // never answers
      const inst = instanceOf(url);
      const sreq = { method: req.method ?? 'GET', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      for (const route of inst ? routes : []) {
        const r = route(sreq, inst as SimInstance, url);
        if (r) {
          res.writeHead(r.status, r.headers ?? {});
          res.end(r.body);
          return;
        }
      }
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>Halaman yang dituju tidak ditemukan</p>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
