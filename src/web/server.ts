/**
 * `pantau serve`: the web app. A read-only JSON API over the knowledge base (queries run here, server-side, so the
 * Meilisearch key never reaches a browser) and the pages, with every asset served by Pantau itself.
 *
 *   GET /api/search      incidents matching the filters, with facet counts
 *   GET /api/facets      facet counts only
 *   GET /api/incidents/:id  one incident in full, with the reports it cites
 *   GET /api/overview    incidents per month by cause, provinces, most-quoted people
 *   GET /api/brief       the hearing brief (format=html|md|pdf)
 *   GET /api/deadlines   an LPSE's availability and bid deadlines (the probe's time series: `opts.series`)
 *   GET /, /incident/:id, /overview, /brief, /deadlines   the pages (one HTML shell, rendered by /assets/app.js)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { compress } from 'hono/compress';
import type { Browser } from 'playwright-core';
import { buildBrief } from '../brief/build.ts';
import { type KbReader, loadBriefInput, lpseNames, lpseOffsets, searchAll } from '../brief/load.ts';
import { launchChromium, printPdf } from '../brief/pdf.ts';
import { BRIEF_CSS, briefTitle, renderBriefHtml, renderBriefMarkdown } from '../brief/render.ts';
import { messageOf, UserError } from '../errors.ts';
import { type Lang, todayWib } from '../i18n.ts';
import type { SearchParams } from '../kb/api.ts';
import { SearchParamError } from '../kb/filter.ts';
import { buildAssets, STATIC_DIR } from './assets.ts';
import { parseDeadlineQuery, type SeriesOpener, withSeries } from './deadlines.ts';
import { buildOverview } from './overview.ts';
import { BadRequest, checkDate, checkIncidentId, checkNames, parseSearchQuery } from './validate.ts';

export interface AppOptions {
  kb: KbReader;
  /** Secrets that must never appear in a response (the Meilisearch keys): a response containing one is refused. */
  secrets?: string[];
  /** Today's date for briefs (YYYY-MM-DD); defaults to the clock. */
  today?: () => string;
  /**
   * The public URL of the app, the base of every link in a brief (`pantau serve --public-url`, by default the
   * listen address). Never taken from a request's Host header: anyone can send `Host: evil.example`.
   */
  appUrl?: string | null | (() => string | null);
  /** The backend's real state for /api/health (default: always ok, for an app over an in-memory KB). */
  health?: () => Promise<BackendHealth>;
  /** The state of the data dir's `pantau watch` (src/watch/state.ts), shown by /api/health. */
  watch?: () => unknown;
  log?: (line: string) => void;
  /** Bundle minified (default true). */
  minify?: boolean;
  /** How long an identical search is answered from memory (default 5000 ms; 0 turns it off). */
  cacheMs?: number;
  /** Pantau's archived copy of a page, by its URL (served at /archive?url=…, sandboxed). */
  archive?: (url: string) => { body: string; fetchedAt: string } | null;
  /**
   * Opens the availability watch's time-series store (probe/types.ts `SeriesStore`) for one request; the app closes
   * it after. Without it, /api/deadlines answers 503 and briefs have no deadline section.
   */
  series?: SeriesOpener;
}

/** What /api/health says about the search backend: `ok` false answers 503. */
export interface BackendHealth {
  ok: boolean;
  /** "available", "unavailable", "restarting". */
  backend: string;
  message?: string;
}

export interface WebApp {
  app: Hono;
  /** Closes the browser kept for PDFs. */
  close(): Promise<void>;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The brief's HTML carries its stylesheet inline (it must print alone): allowed by its hash, nothing else. */
const BRIEF_CSP = CSP.replace(
  "style-src 'self'",
  `style-src 'sha256-${createHash('sha256').update(BRIEF_CSS).digest('base64')}'`,
);

const ARCHIVE_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

const PAGE_RE = /^\/(?:|overview|brief|deadlines|incident\/[A-Za-z0-9_-]{1,128})$/;

/** Answers kept for `cacheMs`. */
const MAX_CACHED = 500;

/** One PDF at a time on a small machine; a short queue, then 503. */
const MAX_PDF_QUEUE = 4;

function jsonError(c: Context, status: number, message: string, param?: string) {
  return c.json({ error: { status, message, ...(param ? { param } : {}) } }, status as 400);
}

/** Pantau's security headers on every answer (a route may set its own Content-Security-Policy first). */
async function securityHeaders(c: Context, next: () => Promise<void>) {
  await next();
  c.header('Content-Security-Policy', c.res.headers.get('Content-Security-Policy') ?? CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

async function readOnly(c: Context, next: () => Promise<void>) {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    c.header('Allow', 'GET, HEAD');
    return jsonError(c, 405, 'this API is read-only');
  }
  await next();
}

/**
 * The index only changes when `pantau index` runs: identical questions within a few seconds share one answer
 * (and one Meilisearch query while it is in flight), which keeps a burst of readers from queueing on it.
 */
function answerCache(cacheMs: number) {
  const memo = new Map<string, { at: number; value: Promise<unknown> }>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    if (cacheMs <= 0) return fn();
    const now = Date.now();
    const hit = memo.get(key);
    if (hit && now - hit.at < cacheMs) return hit.value as Promise<T>;
    const value = fn();
    memo.delete(key);
    memo.set(key, { at: now, value });
    value.catch(() => memo.delete(key));
    if (memo.size > MAX_CACHED) memo.delete(memo.keys().next().value as string);
    return value;
  };
}

/** JSON out, after checking that no secret slipped into it. */
function jsonSender(secrets: string[]) {
  return (c: Context, data: unknown, cache = 'no-store') => {
    const body = JSON.stringify(data);
    for (const s of secrets) if (body.includes(s)) throw new Error('refusing to send a response containing a key');
    c.header('Cache-Control', cache);
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  };
}

const query = (c: Context) => new URL(c.req.url).searchParams;

/** PDFs are printed one at a time by one Chromium kept for them, behind a short queue (then 503). */
class PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private queued = 0;
  private chain: Promise<unknown> = Promise.resolve();

  /** The PDF, or null when the queue is full. */
  async print(html: string, footer: string): Promise<Uint8Array | null> {
    if (this.queued >= MAX_PDF_QUEUE) return null;
    this.queued++;
    const job = this.chain.then(async () => {
      this.browser ??= launchChromium();
      return printPdf(html, { browser: await this.browser, footer });
    });
    this.chain = job.catch(() => {});
    try {
      return new Uint8Array(await job);
    } finally {
      this.queued--;
    }
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  }
}

/** GET /api/brief: the hearing brief of one regency or province, as HTML, Markdown or PDF. */
async function briefRoute(c: Context, opts: AppOptions, today: () => string, printer: PdfPrinter) {
  const q = query(c);
  checkNames(q, ['regency', 'province', 'from', 'to', 'format', 'lang']);
  const sel = parseSearchQuery(
    new URLSearchParams([...q].filter(([k]) => k === 'regency' || k === 'province' || k === 'from' || k === 'to')),
  );
  const regency = sel.regency ?? [];
  const province = sel.province ?? [];
  if (regency.length + province.length !== 1) {
    throw new BadRequest('give exactly one regency or one province', regency.length ? 'regency' : 'province');
  }
  const format = q.get('format') ?? 'html';
  if (format !== 'html' && format !== 'md' && format !== 'pdf')
    throw new BadRequest('format must be html, md or pdf', 'format');
  const lang = (q.get('lang') ?? 'id') as Lang;
  if (lang !== 'id' && lang !== 'en') throw new BadRequest('lang must be id or en', 'lang');
  if (sel.from) checkDate(sel.from, 'from');
  const input = await loadBriefInput(
    opts.kb,
    { regency: regency[0], province: province[0], from: sel.from, to: sel.to },
    {
      generated: today(),
      appUrl: (typeof opts.appUrl === 'function' ? opts.appUrl() : opts.appUrl) ?? null,
      series: opts.series,
    },
  );
  const brief = buildBrief(input);
  const slug = `brief-${brief.area.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
  if (format === 'md') {
    c.header('Content-Disposition', `attachment; filename="${slug}.md"`);
    return c.body(renderBriefMarkdown(brief, lang), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  }
  const html = renderBriefHtml(brief, lang);
  if (format === 'html') {
    c.header('Content-Security-Policy', BRIEF_CSP);
    return c.html(html);
  }
  const pdf = await printer.print(html, briefTitle(brief, lang));
  if (!pdf) return jsonError(c, 503, 'busy printing other briefs; try again shortly');
  c.header('Content-Disposition', `attachment; filename="${slug}.pdf"`);
  return c.body(pdf as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/pdf' });
}

/**
 * GET /archive?url=: the archived copy of a source page. It is someone else's HTML: served in a CSP sandbox (an
 * opaque origin, no script, no network), so it can neither run in Pantau's origin nor call the page's original hosts.
 */
function archiveRoute(c: Context, archive: AppOptions['archive']) {
  const q = query(c);
  checkNames(q, ['url']);
  const url = q.get('url') ?? '';
  if (url.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(url)) throw new BadRequest('url must be an http(s) URL', 'url');
  const page = archive?.(url);
  if (!page) return jsonError(c, 404, 'this page is not in the archive');
  c.header('Content-Security-Policy', ARCHIVE_CSP);
  c.header('Cache-Control', 'no-cache');
  return c.body(page.body, 200, { 'Content-Type': 'text/html; charset=utf-8' });
}

/** The bundle's assets, the icon and the pages' HTML shell (every other path: the shell with a 404). */
async function staticRoutes(app: Hono, minify: boolean): Promise<void> {
  const assets = await buildAssets({ minify });
  const shell = readFileSync(join(STATIC_DIR, 'index.html'));
  const favicon = readFileSync(join(STATIC_DIR, 'favicon.svg'));
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return jsonError(c, 404, 'no such asset');
    if (c.req.header('If-None-Match') === asset.etag) return c.body(null, 304);
    c.header('ETag', asset.etag);
    c.header('Cache-Control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': asset.type });
  });
  // Browsers ask for /favicon.ico on pages without an icon link (the brief's standalone HTML, the archive).
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  app.get('/favicon.svg', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(favicon, 200, { 'Content-Type': 'image/svg+xml' });
  });
  app.get('*', (c) => {
    const path = new URL(c.req.url).pathname;
    const found = PAGE_RE.test(path);
    c.header('Cache-Control', 'no-cache');
    return c.body(shell, found ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
  });
}

/** Errors as JSON: the request's fault 400, a backend down 503, anything else 500 (logged). */
function errorAnswer(log: (line: string) => void) {
  return (err: Error, c: Context) => {
    if (err instanceof BadRequest) return jsonError(c, 400, err.message, err.param);
    // The KB validates again (defence in depth): whatever it refuses is the request's fault too.
    if (err instanceof SearchParamError) return jsonError(c, 400, err.message, err.field);
    // A UserError is written for people (e.g. "the knowledge base is empty: run `pantau index` first").
    if (err instanceof UserError) return jsonError(c, 503, err.message.split('\n')[0] ?? 'unavailable');
    log(`pantau serve: ${c.req.method} ${new URL(c.req.url).pathname} failed: ${messageOf(err)}`);
    if (process.env.PANTAU_DEBUG) console.error(err);
    return jsonError(c, 500, 'internal error; the server log says more');
  };
}

export async function createApp(opts: AppOptions): Promise<WebApp> {
  const { kb } = opts;
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const today = opts.today ?? (() => todayWib(Date.now()));
  const cached = answerCache(opts.cacheMs ?? 5000);
  const send = jsonSender((opts.secrets ?? []).filter((s) => s && s.length >= 8));
  const search = (params: SearchParams) => cached(`search:${JSON.stringify(params)}`, () => kb.search(params));
  const printer = new PdfPrinter();
  const app = new Hono();
  app.use('*', securityHeaders);
  app.use('*', readOnly);
  app.use('*', compress());

  app.get('/api/health', async (c) => {
    const h = opts.health
      ? await opts.health().catch((err) => ({ ok: false, backend: 'unavailable', message: messageOf(err) }))
      : { ok: true, backend: 'available' };
    c.header('Cache-Control', 'no-store');
    // 503 when the backend is down: a load balancer or monitor reading only the status sees it too.
    return c.json(opts.watch ? { ...h, watch: opts.watch() } : h, h.ok ? 200 : 503);
  });
  app.get('/api/search', async (c) => {
    const params = parseSearchQuery(query(c));
    const r = await search(params);
    return send(c, { ...r, limit: params.limit, offset: params.offset });
  });
  app.get('/api/facets', async (c) => {
    const params = parseSearchQuery(query(c));
    // The KB returns at least one hit; only the counts are wanted here.
    const r = await search({ ...params, limit: 1, offset: 0 });
    return send(c, { total: r.total, facets: r.facets });
  });
  app.get('/api/incidents/:id', async (c) => {
    checkNames(query(c), ['lang']);
    const id = checkIncidentId(c.req.param('id'));
    const incident = await kb.incident(id);
    if (!incident) return jsonError(c, 404, `no incident ${id}`);
    return send(c, { incident, reports: await kb.reportsOf(incident.id) });
  });
  app.get('/api/overview', async (c) => {
    const params = parseSearchQuery(query(c));
    // Every matching incident, not a first page: the overview's total is the search's total.
    const overview = await cached(`overview:${JSON.stringify({ ...params, limit: 0, offset: 0 })}`, async () =>
      buildOverview(await searchAll(kb, { ...params, sort: 'start:asc' }, Number.POSITIVE_INFINITY)),
    );
    return send(c, overview);
  });
  app.get('/api/brief', (c) => briefRoute(c, opts, today, printer));
  app.get('/api/deadlines', async (c) => {
    const dq = parseDeadlineQuery(query(c));
    const open = opts.series;
    if (!open) return jsonError(c, 503, 'no availability data here: run `pantau probe` to watch the LPSEs');
    const view = await cached(`deadlines:${JSON.stringify(dq)}`, () => withSeries(open, (s) => s.deadlineView(dq)));
    // Beside the view (the store knows only slugs): the LPSEs' names for people, and their clocks' UTC offsets,
    // so times are shown in each LPSE's own zone and deadlines fall on its own days.
    const slugs = [...view.figures.map((f) => f.instance), ...view.deadlines.map((d) => d.instance)].filter(
      (x): x is string => x !== null,
    );
    return send(c, { ...view, names: lpseNames(slugs), offsets: lpseOffsets(slugs) });
  });
  app.all('/api/*', (c) => jsonError(c, 404, 'no such endpoint'));
  app.get('/archive', (c) => archiveRoute(c, opts.archive));
  await staticRoutes(app, opts.minify ?? true);
  app.onError(errorAnswer(log));
  return { app, close: () => printer.close() };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the app on host:port (port 0: a free one). A port in use is a one-line UserError. Links in briefs use
 * `opts.appUrl`, by default the address it listens on.
 */
export async function startServer(opts: AppOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  let listenUrl: string | null = null;
  const web = await createApp({ ...opts, appUrl: opts.appUrl === undefined ? () => listenUrl : opts.appUrl });
  const server = createAdaptorServer({ fetch: web.app.fetch, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new UserError(`port ${opts.port} on ${host} is already in use`));
      else if (err.code === 'EACCES') reject(new UserError(`not allowed to listen on ${host}:${opts.port}`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
        reject(new UserError(`cannot listen on ${host}: no such address here`));
      else reject(new UserError(`cannot listen on ${host}:${opts.port}: ${messageOf(err)}`));
    });
    server.listen(opts.port ?? 0, host, () => resolve());
  }).catch(async (err) => {
    await web.close();
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? (host === '::' ? '[::1]' : `[${host}]`) : host === '0.0.0.0' ? '127.0.0.1' : host;
  listenUrl = `http://${shown}:${port}`;
  return {
    url: listenUrl,
    port,
    async close() {
      await new Promise<void>((r) => {
        server.close(() => r());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await web.close();
    },
  };
}
