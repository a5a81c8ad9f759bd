/**
 * robots.txt for the probe, with the crawler's rules: fetched once per origin with Pantau's User-Agent, parsed by
 * the same parser (`RobotsTxtFile` of @crawlee/utils), matched for the `PantauBot` token; no robots.txt (any
 * non-2xx) or one that cannot be fetched allows everything. Unlike the crawl, the probe runs every ten minutes
 * for months, so the files are kept between rounds: a fetched file for `ttlMs` (6 h), a failed fetch for
 * `failTtlMs` (10 min), so that 300 probes of spse.inaproc.id in a round ask for its robots.txt once.
 */
import type { RobotsTxtFile } from '@crawlee/utils';
import { type Lookup, probeUrl } from './http.ts';

export interface RobotsOptions {
  userAgent: string;
  lookup?: Lookup | undefined;
  timeoutMs?: number;
  ttlMs?: number;
  failTtlMs?: number;
  /** Epoch ms, for the cache's ages (default Date.now). */
  now?: () => number;
}

/** The robots.txt token Pantau matches, as the crawler does. */
export const ROBOTS_TOKEN = 'PantauBot';

let parser: Promise<typeof import('@crawlee/utils').RobotsTxtFile> | null = null;
// Loaded on first use: @crawlee/utils takes a third of a second to import, and most runs have robots cached.
const loadParser = () => {
  parser ??= import('@crawlee/utils').then((m) => m.RobotsTxtFile);
  return parser;
};

interface Cached {
  file: Promise<RobotsTxtFile | null>;
  until: number;
}

export class RobotsCache {
  private readonly files = new Map<string, Cached>();
  private readonly now: () => number;

  constructor(private readonly opts: RobotsOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Whether robots.txt of the URL's origin lets PantauBot fetch it. */
  async allows(url: string): Promise<boolean> {
    const file = await this.fileFor(new URL(url).origin);
    return file ? file.isAllowed(url, ROBOTS_TOKEN) : true;
  }

  /** How long a robots.txt fetch may take. */
  get timeoutMs(): number {
    return this.opts.timeoutMs ?? 5000;
  }

  /** Loads the parser now, so that its import does not stall the first probes of a round. */
  async ready(): Promise<void> {
    await loadParser();
  }

  /** Origins whose robots.txt is held (for a test, and for a status line). */
  get size(): number {
    return this.files.size;
  }

  private fileFor(origin: string): Promise<RobotsTxtFile | null> {
    const now = this.now();
    const hit = this.files.get(origin);
    if (hit && hit.until > now) return hit.file;
    const entry: Cached = { file: Promise.resolve(null), until: now + (this.opts.ttlMs ?? 6 * 3600_000) };
    entry.file = (async () => {
      const res = await probeUrl(`${origin}/robots.txt`, {
        userAgent: this.opts.userAgent,
        lookup: this.opts.lookup,
        timeoutMs: this.timeoutMs,
        maxBodyBytes: 512 * 1024,
      });
      if (res.outcome.kind === 'error') {
        entry.until = this.now() + (this.opts.failTtlMs ?? 600_000);
        return null;
      }
      if (res.outcome.status < 200 || res.outcome.status >= 300) return null;
      const Parser = await loadParser();
      return Parser.from(`${origin}/robots.txt`, res.outcome.body);
    })();
    this.files.set(origin, entry);
    return entry.file;
  }
}
