/**
 * Serves the fixture sites of fixtures/sites/<name>/ on 127.0.0.1, one port per site (so each is its own host
 * for robots.txt and per-host pacing), for the demo and the crawler tests. Behaviour that a static file cannot
 * express (error statuses, hangs, redirect loops, huge pages) comes from the site's `_server.json`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDef } from '../crawlers/source-def.ts';

export const FIXTURES_ROOT = resolve(fileURLToPath(import.meta.url), '../../fixtures/sites');

/** Every fixture site. */
export const FIXTURE_SITES = [
  'warta-nusantara',
  'lpse-bartim',
  'kantor-berita-nusa',
  'layar-sulteng',
  'sulbar-pos',
  'rusak-net',
] as const;
export type FixtureSite = (typeof FIXTURE_SITES)[number];

/** What the demo crawls: the WordPress outlet with the five seed articles and the SPSE 4 LPSE. */
export const DEMO_SITES: readonly FixtureSite[] = ['warta-nusantara', 'lpse-bartim'];

interface ServerRules {
  status?: Record<string, number>;
  hang?: string[];
  redirect?: Record<string, string>;
  huge?: Record<string, number>;
  failFirst?: string[];
  contentType?: Record<string, string>;
}

export interface FixtureRequest {
  site: string;
  path: string;
  status: number;
  userAgent: string;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface ServedFixtures {
  /** Base URL of each served site, e.g. { "warta-nusantara": "http://127.0.0.1:40123" }. */
  sites: Record<string, string>;
  /** Every request served so far, in order (tests check what a crawl fetched). */
  requests: FixtureRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
const INDEX_FILES = ['index.html', 'index.rss', 'index.xml'];

function findFile(siteDir: string, path: string): string | null {
  const rel = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
  const full = join(siteDir, rel);
  if (!full.startsWith(siteDir + sep) && full !== siteDir) return null;
  if (existsSync(full) && statSync(full).isFile()) return full;
  if (existsSync(full) && statSync(full).isDirectory()) {
    for (const f of INDEX_FILES) if (existsSync(join(full, f))) return join(full, f);
  }
  return null;
}

function siteHandler(name: string, dir: string, rules: ServerRules, base: () => string, log: FixtureRequest[]) {
  const failedOnce = new Set<string>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const entry: FixtureRequest = {
      site: name,
      path: url.pathname,
      status: 200,
      userAgent: req.headers['user-agent'] ?? '',
      at: Date.now(),
    };
    log.push(entry);
    const send = (status: number, headers: Record<string, string | number>, body?: Buffer | string) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    if (rules.hang?.includes(path)) {
      entry.status = 0; // never answers; the socket is destroyed on close()
      return;
    }
    const to = rules.redirect?.[path];
    if (to) return send(302, { location: to, 'content-length': 0 });
    const huge = rules.huge?.[path];
    if (huge) {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': huge });
      const chunk = Buffer.from(`<p>${'Arsip gangguan LPSE. '.repeat(3000)}</p>\n`);
      let sent = 0;
      const pump = () => {
        while (sent < huge) {
          const part = chunk.subarray(0, Math.min(chunk.length, huge - sent));
          sent += part.length;
          if (!res.write(part)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => {
        sent = huge;
      });
      pump();
      return;
    }
    if (rules.failFirst?.includes(path) && !failedOnce.has(path)) {
      failedOnce.add(path);
      return send(500, { 'content-type': 'text/html' }, '<h1>500 Internal Server Error</h1>');
    }
    const file = findFile(dir, url.pathname);
    const forced = rules.status?.[path];
    if (!file && forced)
      return send(forced, { 'content-type': 'text/html; charset=utf-8' }, `<h1>${forced} Internal Server Error</h1>`);
    if (!file) return send(404, { 'content-type': 'text/html; charset=utf-8' }, '<h1>404 Halaman tidak ditemukan</h1>');
    const ext = extname(file);
    // latin1 round-trips every byte, so the substitution is safe for windows-1252 pages too.
    const body = Buffer.from(readFileSync(file).toString('latin1').replaceAll('__BASE__', base()), 'latin1');
    const status = rules.status?.[path] ?? 200;
    send(
      status,
      {
        'content-type': rules.contentType?.[ext] ?? TYPES[ext] ?? 'application/octet-stream',
        'content-length': body.length,
      },
      req.method === 'HEAD' ? undefined : body,
    );
  };
}

/**
 * Serves the fixture sites (all of them by default), each on its own random 127.0.0.1 port, or on consecutive
 * ports from `port`.
 *
 * @example const served = await serveFixtures(); served.sites['warta-nusantara'] // "http://127.0.0.1:40123"
 */
export async function serveFixtures(
  opts: { port?: number; sites?: readonly string[]; root?: string } = {},
): Promise<ServedFixtures> {
  const root = opts.root ?? FIXTURES_ROOT;
  const names = opts.sites ?? FIXTURE_SITES;
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const sites: Record<string, string> = {};
  const requests: FixtureRequest[] = [];
  let i = 0;
  for (const name of names) {
    const dir = join(root, name);
    if (!existsSync(dir)) throw new Error(`no fixture site ${name} in ${root}`);
    const rulesFile = join(dir, '_server.json');
    const rules: ServerRules = existsSync(rulesFile) ? JSON.parse(readFileSync(rulesFile, 'utf8')) : {};
    let base = '';
    const server = createServer(siteHandler(name, dir, rules, () => base, requests));
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(opts.port ? opts.port + i : 0, '127.0.0.1', () => ok());
    });
    i++;
    const addr = server.address();
    if (!addr || typeof addr === 'string') throw new Error('fixture server has no port');
    base = `http://127.0.0.1:${addr.port}`;
    sites[name] = base;
    servers.push(server);
  }
  return {
    sites,
    requests,
    async close() {
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
    },
  };
}

/** The crawl source definition of each fixture site, as a user would write it for the real site. */
function sourceFor(name: string, base: string): SourceDef | null {
  switch (name) {
    case 'warta-nusantara':
      return {
        id: 'warta-nusantara',
        name: 'Warta Nusantara',
        kind: 'news',
        listings: [`${base}/`, `${base}/kategori/daerah/`],
        feeds: [`${base}/feed/`],
        sitemaps: [`${base}/sitemap.xml`],
        article_patterns: ['^/\\d{4}/\\d{2}/\\d{2}/[^/]+/?$'],
      };
    case 'lpse-bartim':
      return {
        id: 'lpse-bartim',
        name: 'LPSE Kabupaten Barito Timur',
        kind: 'lpse',
        lpse: { base: `${base}/eproc4`, region_code: '62.13', region_name: 'Kabupaten Barito Timur' },
      };
    case 'kantor-berita-nusa':
      return {
        id: 'kantor-berita-nusa',
        name: 'NUSA Kantor Berita',
        kind: 'news',
        listings: [`${base}/kalteng/terkini`, `${base}/jatim/terkini`, `${base}/terkini`],
        sitemaps: [`${base}/sitemap-news.xml`],
        article_patterns: ['^(?:/[a-z]+)?/berita/\\d+/[^/]+$'],
      };
    case 'layar-sulteng':
      return {
        id: 'layar-sulteng',
        name: 'Layar Sulteng',
        kind: 'news',
        browser: true,
        listings: [`${base}/`],
        article_patterns: ['^/baca/[^/]+/?$'],
      };
    case 'sulbar-pos':
      return {
        id: 'sulbar-pos',
        name: 'Sulbar Pos',
        kind: 'news',
        listings: [`${base}/berita/`],
        article_patterns: ['^/(?:berita|arsip-internal)/.+'],
      };
    case 'rusak-net':
      return {
        id: 'rusak-net',
        name: 'Rusak Net',
        kind: 'news',
        listings: [`${base}/berita/`],
        article_patterns: ['^/berita/[^/]+$'],
      };
    default:
      return null;
  }
}

/**
 * Crawl sources for the served fixture sites (only those in `names`, default: every served site).
 *
 * @example await crawl({ dataDir, sources: fixtureSources(await serveFixtures({ sites: DEMO_SITES })), pacingMs: 0 })
 */
export function fixtureSources(served: Pick<ServedFixtures, 'sites'>, names?: readonly string[]): SourceDef[] {
  const out: SourceDef[] = [];
  for (const [name, base] of Object.entries(served.sites)) {
    if (names && !names.includes(name)) continue;
    const s = sourceFor(name, base);
    if (s) out.push(s);
  }
  return out;
}
