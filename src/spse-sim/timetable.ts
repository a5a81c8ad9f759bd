/**
 * The local SPSE's script: which failure each instance shows in which time interval, against a clock the caller
 * owns (tests pass a fake one, so a day of outages takes no real time). A timetable is data, and has a JSON file
 * form:
 *
 * ```json
 * { "entries": [
 *   { "instance": "baritotimurkab", "from": "2026-08-19T06:00:00Z", "to": "2026-08-19T09:00:00Z", "fail": "cloudflare", "status": 522 },
 *   { "instance": "acehbaratkab", "from": "2026-08-19T07:00:00Z", "to": "2026-08-19T07:30:00Z", "fail": "dns", "form": "old" }
 * ] }
 * ```
 *
 * Intervals are half-open (`from` ≤ t < `to`); when two entries of one instance overlap, the first listed wins.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** What a scripted instance does instead of answering normally. */
export const SIM_FAILURES = [
  /** SPSE's error page ("Maaf, terjadi error pada aplikasi SPSE.", "Kode Error : <code>"), HTTP 500. */
  'spse-error',
  /** A bare 5xx from the web server in front of SPSE (nginx's "502 Bad Gateway"); `status`, default 502. */
  'http-5xx',
  /** Cloudflare's own error page (520-526, default 522) with `server: cloudflare` and a Ray ID. */
  'cloudflare',
  /** 403 "Akses Ditolak!". */
  'forbidden',
  /** Accepts the connection and never answers. */
  'timeout',
  /** The instance's own host does not resolve (the lookup map throws ENOTFOUND). Old form only. */
  'dns',
  /** The instance's own host resolves to an address where nothing listens. Old form only. */
  'connection-refused',
  /** A maintenance notice instead of the application (HTTP 503 by default). */
  'maintenance',
  /** The home page redirects to a page that redirects back. */
  'redirect-loop',
  /** "Halaman yang dituju tidak ditemukan", HTTP 404. */
  'not-found',
] as const;
export type SimFailure = (typeof SIM_FAILURES)[number];

const entrySchema = z.object({
  instance: z.string().min(1),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  fail: z.enum(SIM_FAILURES),
  /** Only this URL form fails (both by default; dns and connection-refused only ever touch the old form). */
  form: z.enum(['central', 'old']).optional(),
  /** The HTTP status to answer with (http-5xx, cloudflare, maintenance). */
  status: z.number().int().min(100).max(599).optional(),
  /** SPSE's error code (spse-error); default: one derived from the instance and the interval. */
  code: z
    .string()
    .regex(/^[0-9a-zA-Z]+$/)
    .optional(),
});
const timetableSchema = z.object({ entries: z.array(entrySchema) });

export type TimetableEntry = z.infer<typeof entrySchema>;
export interface Timetable {
  entries: TimetableEntry[];
}

/** An entry in force, with its interval as epoch milliseconds. */
export interface ActiveFailure extends TimetableEntry {
  fromMs: number;
  toMs: number;
}

/**
 * Reads a timetable from its JSON form; a mistake is reported with the entry's index and field.
 *
 * @example parseTimetable('{"entries":[{"instance":"baritotimurkab","from":"2026-08-19T06:00:00Z","to":"2026-08-19T09:00:00Z","fail":"timeout"}]}')
 */
export function parseTimetable(json: string | unknown): Timetable {
  const raw = typeof json === 'string' ? JSON.parse(json) : json;
  const parsed = timetableSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`timetable: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  for (const [i, e] of parsed.data.entries.entries()) {
    if (Date.parse(e.to) <= Date.parse(e.from)) throw new Error(`timetable: entries.${i}: "to" is not after "from"`);
  }
  return parsed.data;
}

/** The timetable indexed by instance, for a lookup per request (600 instances, thousands of entries). */
export class TimetableIndex {
  private readonly byInstance = new Map<string, ActiveFailure[]>();

  constructor(timetable: Timetable) {
    for (const e of timetable.entries) {
      const list = this.byInstance.get(e.instance) ?? [];
      list.push({ ...e, fromMs: Date.parse(e.from), toMs: Date.parse(e.to) });
      this.byInstance.set(e.instance, list);
    }
  }

  /** The failure of `instance` in force at `at` (epoch ms) for a request in `form`, or null when it is up. */
  failureAt(instance: string, at: number, form: 'central' | 'old'): ActiveFailure | null {
    const list = this.byInstance.get(instance);
    if (!list) return null;
    for (const e of list) {
      if (at < e.fromMs || at >= e.toMs) continue;
      if (e.form && e.form !== form) continue;
      // The central domain is one host for every instance: a name or a port of one instance cannot fail there.
      if (form === 'central' && (e.fail === 'dns' || e.fail === 'connection-refused')) continue;
      return e;
    }
    return null;
  }
}

/** Reads a timetable file (the JSON form above). */
export function readTimetable(path: string): Timetable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`timetable ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseTimetable(text);
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
}

/**
 * A small script for `pantau demo`, around `start` (epoch ms), on instances of the LPSE table: Barito Timur behind
 * Cloudflare's 522 for half an hour from 20 minutes in, Kota Palangka Raya's SPSE error page for the first 40
 * minutes, Aceh Barat's own host unresolvable from 10 to 50 minutes, Kabupaten Mimika hanging from 30 to 60.
 */
export function demoTimetable(start: number): Timetable {
  const at = (min: number) => new Date(start + min * 60_000).toISOString();
  return {
    entries: [
      { instance: 'baritotimurkab', from: at(20), to: at(50), fail: 'cloudflare', status: 522 },
      { instance: 'palangkaraya', from: at(0), to: at(40), fail: 'spse-error', code: '81kep4jo9' },
      { instance: 'acehbaratkab', from: at(10), to: at(50), fail: 'dns' },
      { instance: 'mimikakab', from: at(30), to: at(60), fail: 'timeout' },
    ],
  };
}
