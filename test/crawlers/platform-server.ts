/**
 * Serves a fixture site whose pages are addressed by a query too (`/tag/lpse?page=2`, `?sortby=time&page=2`),
 * which the static fixture server cannot do: a query URL is the file `<path>/_q/<sorted query>.html`
 * (fixtures/sites/_src/generate-platforms.ts writes them). XML bodies go out as XML, whatever their file name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize, sep } from 'node:path';

export interface ServedSite {
  base: string;
  /** Every request, path and query. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveSite(dir: string): Promise<ServedSite> {
  const requests: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${url.pathname}${url.search}`);
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    const query = [...url.searchParams.entries()]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
    const candidates = query ? [join(dir, rel, '_q', `${query}.html`)] : [join(dir, rel), join(dir, rel, 'index.html')];
    const file = candidates.find((f) => f.startsWith(dir + sep) && existsSync(f) && statSync(f).isFile());
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 Not Found</h1>');
      return;
    }
    const body = readFileSync(file, 'utf8').replaceAll('__BASE__', base);
    const type = body.startsWith('<?xml')
      ? body.includes('<rss')
        ? 'application/rss+xml; charset=utf-8'
        : 'application/xml; charset=utf-8'
      : file.endsWith('.txt')
        ? 'text/plain; charset=utf-8'
        : 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    base,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
