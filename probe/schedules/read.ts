/**
 * The schedule reader (the I/O edge of `probe/schedules/`): for one SPSE instance, fetch the list page and its
 * session token, page the DataTables endpoints sorted by code until an empty page (their `recordsTotal` is a
 * sentinel), then read the schedule page and the change history of each tender that is new or still running.
 *
 * Polite: one request at a time per host, `pacingMs` apart (the central form's instances all share
 * spse.inaproc.id, so a shared `Pacer` spaces them together), a timeout on every request, Pantau's User-Agent,
 * and robots.txt obeyed as the crawler obeys it (fetched once per origin; none, or an error, allows everything).
 * An expired token (the login page instead of JSON) fetches the list page again, once.
 */
import { RobotsTxtFile } from '@crawlee/utils';
import type { ScheduleChange, SeriesStore, Tender } from '../types.ts';
import {
  bidDeadline,
  isLoginPage,
  type ListedTender,
  type PageStage,
  parseHistory,
  parseRows,
  parseSchedule,
  parseToken,
  parseUtcOffset,
} from './parse.ts';

/** Identifies Pantau to LPSE operators (the crawler's own string, so one name covers all of Pantau's requests). */
export const SCHEDULE_USER_AGENT =
  'PantauBot/0.1 (+https://github.com/pantau-lpse/pantau/blob/main/crawlers/README.md; monitors news of LPSE outages)';

/** An instance to read, in either URL form. */
export interface ScheduleSource {
  /** The slug: `acehbaratkab`. */
  instance: string;
  /** The instance's root: `https://spse.inaproc.id/acehbaratkab` or `https://lpse.acehbaratkab.go.id/eproc4`. */
  base: string;
  /** Hours east of UTC of the instance's clock (WIB 7, WITA 8, WIT 9); else the page's footer clock, else 7. */
  utcOffset?: number | undefined;
}

/** A read that cannot go on, in one line for people. */
export class ScheduleReadError extends Error {
  constructor(
    readonly instance: string,
    /** The message without the instance. */
    readonly detail: string,
  ) {
    super(`${instance}: ${detail}`);
    this.name = 'ScheduleReadError';
  }
}

/** Spaces requests to one host: the next may start `ms` after the previous one started. */
export interface Pacer {
  wait(host: string, signal?: AbortSignal): Promise<void>;
}

export function createPacer(ms: number): Pacer {
  const next = new Map<string, number>();
  return {
    async wait(host, signal) {
      const now = Date.now();
      const at = Math.max(now, next.get(host) ?? 0);
      next.set(host, at + ms);
      if (at > now) await sleep(at - now, signal);
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface ReadOptions {
  /** The budget years whose lists are read (`tahun`): the current year by default. */
  years?: readonly number[];
  kinds?: ReadonlyArray<Tender['kind']>;
  /**
   * Which listed codes to read again (the store's `tendersToRefresh(instance, listed, now)`): only new or still
   * running tenders. By default every listed one.
   */
  toRefresh?: (listed: string[]) => Promise<string[]> | string[];
  /** Rows asked per DataTables page (500 by default). */
  pageLength?: number;
  /** Per request (15 s by default). */
  timeoutMs?: number;
  /** Between two requests to one host (1000 ms by default; 0 in tests). Ignored when `pacer` is given. */
  pacingMs?: number;
  pacer?: Pacer;
  /** robots.txt per origin, shared between reads of instances on one host (a new cache per read by default). */
  robots?: Map<string, Promise<RobotsTxtFile | null>>;
  userAgent?: string;
  /** The clock, for `readAt` (passed in, so a test can fix it). */
  now?: () => Date;
  /** A tender whose schedule could not be read is skipped and said here; the others are still returned. */
  onWarning?: (line: string) => void;
  onProgress?: (line: string) => void;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const LIST_PATH: Record<Tender['kind'], { page: string; data: string; schedule: string }> = {
  tender: { page: 'lelang', data: 'dt/lelang', schedule: 'lelang' },
  'non-tender': { page: 'nontender', data: 'dt/pl', schedule: 'nontender' },
};

/** The DataTables columns the list page declares (SPSE checks none of them, but a browser sends them). */
const COLUMNS = 5;

interface Session {
  token: string;
  cookie: string;
  referer: string;
  utcOffset: number | null;
}

/** Reads one instance's tenders: those `toRefresh` names, with their stages, deadline and history. */
export async function readSchedules(source: ScheduleSource, opts: ReadOptions = {}): Promise<Tender[]> {
  const reader = new Reader(source, opts);
  return reader.run();
}

/** Only the lists: every tender of the years, sorted by code (what `toRefresh` is asked about). */
export async function listTenders(
  source: ScheduleSource,
  opts: ReadOptions = {},
): Promise<Array<ListedTender & { kind: Tender['kind']; year: number }>> {
  return new Reader(source, opts).listAll();
}

class Reader {
  private readonly base: string;
  private readonly host: string;
  private readonly fetch: typeof fetch;
  private readonly pacer: Pacer;
  private readonly ua: string;
  private readonly timeoutMs: number;
  private session: Session | null = null;
  private readonly robots: Map<string, Promise<RobotsTxtFile | null>>;

  constructor(
    private readonly source: ScheduleSource,
    private readonly opts: ReadOptions,
  ) {
    this.base = source.base.replace(/\/+$/, '');
    try {
      this.host = new URL(this.base).host;
    } catch {
      throw new ScheduleReadError(source.instance, `not a URL: ${source.base}`);
    }
    this.fetch = opts.fetch ?? fetch;
    this.pacer = opts.pacer ?? createPacer(opts.pacingMs ?? 1000);
    this.ua = opts.userAgent ?? SCHEDULE_USER_AGENT;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.robots = opts.robots ?? new Map();
  }

  private robotsOf(url: string): Promise<RobotsTxtFile | null> {
    const origin = new URL(url).origin;
    let r = this.robots.get(origin);
    if (!r) {
      r = (async () => {
        try {
          await this.pacer.wait(this.host, this.opts.signal);
          const res = await this.fetch(`${origin}/robots.txt`, {
            headers: { 'User-Agent': this.ua },
            signal: AbortSignal.timeout(this.timeoutMs),
          });
          if (!res.ok) return null;
          return RobotsTxtFile.from(`${origin}/robots.txt`, await res.text());
        } catch {
          return null;
        }
      })();
      this.robots.set(origin, r);
    }
    return r;
  }

  private years(): readonly number[] {
    return this.opts.years ?? [(this.opts.now?.() ?? new Date()).getUTCFullYear()];
  }

  async run(): Promise<Tender[]> {
    const listed = await this.listAll();
    const wanted = new Set(
      this.opts.toRefresh ? await this.opts.toRefresh(listed.map((l) => l.code)) : listed.map((l) => l.code),
    );
    const todo = listed.filter((l) => wanted.has(l.code));
    this.opts.onProgress?.(`${this.source.instance}: ${listed.length} listed, ${todo.length} to read`);
    const out: Tender[] = [];
    for (const [i, l] of todo.entries()) {
      try {
        out.push(await this.readTender(l));
      } catch (err) {
        if (this.opts.signal?.aborted) throw err;
        const why = err instanceof ScheduleReadError ? err.detail : messageOf(err);
        this.opts.onWarning?.(`${this.source.instance}: tender ${l.code} skipped: ${why}`);
      }
      if ((i + 1) % 50 === 0) this.opts.onProgress?.(`${this.source.instance}: ${i + 1}/${todo.length} schedules`);
    }
    return out;
  }

  async listAll(): Promise<Array<ListedTender & { kind: Tender['kind']; year: number }>> {
    const out: Array<ListedTender & { kind: Tender['kind']; year: number }> = [];
    const seen = new Set<string>();
    for (const year of this.years()) {
      for (const kind of this.opts.kinds ?? (['tender', 'non-tender'] as const)) {
        for (const row of await this.list(kind, year)) {
          // A tender carried over to the next budget year is listed in both.
          if (seen.has(row.code)) continue;
          seen.add(row.code);
          out.push({ ...row, kind, year });
        }
      }
    }
    return out;
  }

  /** One list, paged by code until an empty page (never by `recordsTotal`, always 2147483647). */
  private async list(kind: Tender['kind'], year: number): Promise<ListedTender[]> {
    const length = this.opts.pageLength ?? 500;
    const rows: ListedTender[] = [];
    const codes = new Set<string>();
    for (let start = 0, pages = 0; ; start += length, pages++) {
      if (pages >= 10_000) throw new ScheduleReadError(this.source.instance, `the ${kind} list never ended`);
      const page = await this.dataPage(kind, year, start, length);
      if (!page.length) break;
      for (const r of page) {
        if (codes.has(r.code)) continue;
        codes.add(r.code);
        rows.push(r);
      }
    }
    return rows;
  }

  private async dataPage(kind: Tender['kind'], year: number, start: number, length: number): Promise<ListedTender[]> {
    for (let attempt = 0; ; attempt++) {
      const s = await this.ensureSession(year, attempt > 0);
      const form = new URLSearchParams({
        draw: String(start / length + 1),
        start: String(start),
        length: String(length),
        tahun: String(year),
        'search[value]': '',
        'search[regex]': 'false',
        'order[0][column]': '0',
        'order[0][dir]': 'asc',
        authenticityToken: s.token,
      });
      for (let i = 0; i < COLUMNS; i++) {
        form.set(`columns[${i}][data]`, String(i));
        form.set(`columns[${i}][name]`, '');
        form.set(`columns[${i}][searchable]`, 'true');
        form.set(`columns[${i}][orderable]`, i === 0 ? 'true' : 'false');
        form.set(`columns[${i}][search][value]`, '');
        form.set(`columns[${i}][search][regex]`, 'false');
      }
      const qs = kind === 'tender' ? `rekanan=&tahun=${year}&instansiId=` : `tahun=${year}`;
      const res = await this.request(`${this.base}/${LIST_PATH[kind].data}?${qs}`, {
        method: 'POST',
        body: form.toString(),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
          'X-Requested-With': 'XMLHttpRequest',
          Accept: 'application/json, text/javascript, */*; q=0.01',
          Referer: s.referer,
          Cookie: s.cookie,
        },
      });
      if (res.status === 403)
        throw new ScheduleReadError(this.source.instance, `the ${kind} list refused the request (403 Akses Ditolak)`);
      if (res.status !== 200)
        throw new ScheduleReadError(this.source.instance, `the ${kind} list answered HTTP ${res.status}`);
      let json: unknown = null;
      try {
        json = JSON.parse(res.body);
      } catch {}
      if (json && typeof json === 'object') return parseRows(json);
      // The login page instead of JSON: the token expired (or was never good). One fresh list page, then give up.
      if (attempt === 0) {
        this.opts.onProgress?.(`${this.source.instance}: token refused, fetching the list page again`);
        continue;
      }
      throw new ScheduleReadError(
        this.source.instance,
        isLoginPage(res.body)
          ? `the ${kind} list answered the login page twice: the session token is refused`
          : `the ${kind} list did not answer JSON`,
      );
    }
  }

  private async ensureSession(year: number, fresh: boolean): Promise<Session> {
    if (this.session && !fresh) return this.session;
    const url = `${this.base}/${LIST_PATH.tender.page}?tahun=${year}`;
    const res = await this.request(url, { method: 'GET', headers: {} });
    if (res.status !== 200)
      throw new ScheduleReadError(this.source.instance, `the list page ${url} answered HTTP ${res.status}`);
    const token = parseToken(res.body, res.setCookie);
    if (!token) throw new ScheduleReadError(this.source.instance, `no session token on the list page ${url}`);
    const cookie = res.setCookie
      .map((c) => c.split(';')[0]?.trim() ?? '')
      .filter(Boolean)
      .join('; ');
    this.session = { token, cookie, referer: url, utcOffset: parseUtcOffset(res.body) };
    return this.session;
  }

  private async readTender(l: ListedTender & { kind: Tender['kind'] }): Promise<Tender> {
    const kind = LIST_PATH[l.kind];
    const url = `${this.base}/${kind.schedule}/${l.code}/jadwal`;
    // The announcement is where a browser comes from; SPSE refuses some pages without a Referer.
    const referer = l.kind === 'tender' ? `${this.base}/lelang/${l.code}/pengumumanlelang` : this.session?.referer;
    const res = await this.request(url, { method: 'GET', headers: { Referer: referer ?? url } });
    if (res.status !== 200) throw new Error(`schedule page answered HTTP ${res.status}`);
    const offset = this.source.utcOffset ?? parseUtcOffset(res.body) ?? this.session?.utcOffset ?? 7;
    const pageStages = parseSchedule(res.body, offset);
    if (!pageStages)
      throw new Error(
        isLoginPage(res.body) ? 'the schedule page answered the login page' : 'no schedule table on the page',
      );
    const history: ScheduleChange[] = [];
    for (const s of pageStages) {
      if (!s.changes || !s.historyHref) continue;
      const hurl = new URL(s.historyHref, url).toString();
      const h = await this.request(hurl, { method: 'GET', headers: { Referer: url } });
      if (h.status !== 200) {
        this.opts.onWarning?.(`${this.source.instance}: history of ${l.code} "${s.name}" answered HTTP ${h.status}`);
        continue;
      }
      history.push(...parseHistory(h.body, s.name, offset));
    }
    const stages = pageStages.map(({ historyHref: _, ...s }: PageStage) => s);
    return {
      instance: this.source.instance,
      code: l.code,
      kind: l.kind,
      name: l.name,
      value: l.value,
      stageNow: l.stageNow,
      stages,
      history,
      deadline: bidDeadline(stages),
      readAt: (this.opts.now?.() ?? new Date()).toISOString(),
    };
  }

  private async request(
    url: string,
    init: { method: string; body?: string; headers: Record<string, string> },
  ): Promise<{ status: number; body: string; setCookie: string[] }> {
    const robots = await this.robotsOf(url);
    if (robots && !robots.isAllowed(url, 'PantauBot'))
      throw new ScheduleReadError(this.source.instance, `robots.txt forbids ${new URL(url).pathname}`);
    await this.pacer.wait(this.host, this.opts.signal);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = this.opts.signal ? AbortSignal.any([this.opts.signal, timeout]) : timeout;
    try {
      const res = await this.fetch(url, {
        method: init.method,
        body: init.body,
        headers: {
          'User-Agent': this.ua,
          'Accept-Language': 'id-ID,id;q=0.9,en;q=0.5',
          ...(this.session?.cookie && !init.headers.Cookie ? { Cookie: this.session.cookie } : {}),
          ...init.headers,
        },
        redirect: 'follow',
        signal,
      });
      const body = await res.text();
      return { status: res.status, body, setCookie: res.headers.getSetCookie?.() ?? [] };
    } catch (err) {
      if (timeout.aborted && !this.opts.signal?.aborted)
        throw new ScheduleReadError(this.source.instance, `${url} did not answer within ${this.timeoutMs} ms`);
      if (this.opts.signal?.aborted) throw err;
      throw new ScheduleReadError(this.source.instance, `${url}: ${messageOf(err)}`);
    }
  }
}

function messageOf(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ? `${e.message} (${e.cause.code})` : (e?.message ?? String(err));
}

/**
 * One incremental pass over an instance: asks the store which listed tenders are new or still running, reads only
 * those, and upserts them. Returns what was read.
 */
export async function refreshSchedules(
  source: ScheduleSource,
  store: Pick<SeriesStore, 'tendersToRefresh' | 'upsertTenders'>,
  opts: ReadOptions = {},
): Promise<Tender[]> {
  const now = () => opts.now?.() ?? new Date();
  const tenders = await readSchedules(source, {
    ...opts,
    toRefresh: (listed) => store.tendersToRefresh(source.instance, listed, now().toISOString()),
  });
  if (tenders.length) await store.upsertTenders(tenders);
  return tenders;
}
