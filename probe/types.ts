/**
 * The types of the availability watch (issue 15): what a probe of an SPSE instance records, the outage episodes
 * made of failed probes, the tender schedules read from SPSE, and the deadline correlation. One contract shared by
 * the prober (`probe/`), the time-series store (`src/series/`), the schedule reader (`probe/schedules/`), the
 * local SPSE (`src/spse-sim/`), the CLI, the web app and the brief.
 *
 * Times are ISO 8601 instants in UTC (`2026-08-19T13:00:00.000Z`); a schedule's local wall-clock time is converted
 * with its instance's UTC offset (WIB +7, WITA +8, WIT +9) when it is read.
 */

/** How one probe of an instance ended (SPSE.md describes the pages behind each class). */
export const PROBE_CLASSES = [
  'up',
  /** SPSE's own error page ("Maaf, terjadi error pada aplikasi SPSE.", "Kode Error : 81kep4jo9"). */
  'spse-error',
  'http-5xx',
  /** Cloudflare's own 52x pages (520-526), in front of the central domain. */
  'cloudflare',
  /** 403 "Akses Ditolak!" and other refusals. */
  'forbidden',
  'timeout',
  'dns',
  'tls',
  'connection-refused',
  /** A maintenance or outage notice on the page. */
  'maintenance',
  'redirect-loop',
  /** Anything else that is not up (a 404 home page, an empty body, a reset connection). */
  'other-error',
] as const;
export type ProbeClass = (typeof PROBE_CLASSES)[number];

/** An instance as the prober knows it (from `crawlers/lpse-table.json`). */
export interface ProbeTarget {
  /** The instance's slug: `acehbaratkab` (the path of `https://spse.inaproc.id/acehbaratkab`). */
  instance: string;
  /** The URL probed this round (the central form or the old host form). */
  url: string;
  /** Which of the two forms `url` is. */
  form: 'central' | 'old';
}

/** One row per probe: appended to the store, never changed. */
export interface ProbeRow {
  /** The round's id: its start instant (all probes of one round share it). */
  round: string;
  instance: string;
  url: string;
  form: 'central' | 'old';
  /** When the request was sent. */
  at: string;
  class: ProbeClass;
  /** HTTP status, when an answer came. */
  status: number | null;
  /** Milliseconds to the end of the answer (or to the failure). */
  latencyMs: number;
  /** SPSE's error code ("81kep4jo9") for `spse-error`. */
  errorCode: string | null;
  /** From the footer: "4.5u20250321". */
  version: string | null;
  /** A short reason for a failure, for people ("ETIMEDOUT after 10000 ms", "HTTP 522"). */
  detail: string | null;
}

/** Consecutive failed probes of one instance, confirmed (never a single blip). */
export interface Episode {
  /** Stable: `<instance>:<start>`. */
  id: string;
  instance: string;
  /** The first failed probe's time. */
  start: string;
  /** The first successful probe after it; null while still down. */
  end: string | null;
  /** The most frequent failure class of its probes. */
  class: ProbeClass;
  /** Failed probes in it. */
  probes: number;
}

/** One stage of a tender's schedule (`Tahap | Mulai | Sampai | Perubahan`). */
export interface TenderStage {
  /** As written: "Upload Dokumen Penawaran". */
  name: string;
  start: string | null;
  end: string | null;
  /** "N kali perubahan": how many times it was changed (0 for "Tidak Ada"). */
  changes: number;
}

/** One change of a stage, from the schedule's history page. */
export interface ScheduleChange {
  stage: string;
  /** When the change was made. */
  changedAt: string | null;
  originalStart: string | null;
  originalEnd: string | null;
  note: string | null;
}

/** A tender (or non-tender) package and its schedule. */
export interface Tender {
  instance: string;
  /** The tender code. */
  code: string;
  kind: 'tender' | 'non-tender';
  name: string;
  /** Ceiling value in rupiah ("22,7 M" → 22700000000), or null. */
  value: number | null;
  /** The current stage as listed ("Tender Sudah Selesai"). */
  stageNow: string | null;
  stages: TenderStage[];
  history: ScheduleChange[];
  /** The bid-upload deadline: the `Sampai` of "Upload/Pemasukan Dokumen Penawaran", or null. */
  deadline: string | null;
  /** When it was last read. */
  readAt: string;
}

/** The deadline correlation for one LPSE, or overall (`instance: null`). */
export interface DeadlineFigure {
  instance: string | null;
  /** The window before each deadline, in hours (24 by default). */
  windowHours: number;
  /** Observed minutes: the time the probes covered, inside and outside the windows. */
  observedMinutesNear: number;
  observedMinutesElsewhere: number;
  downMinutesNear: number;
  downMinutesElsewhere: number;
  /** (down near / observed near) / (down elsewhere / observed elsewhere); null when either share is undefined. */
  ratio: number | null;
  /** One-sided permutation test of "outages cluster before deadlines"; null when it cannot be computed. */
  pValue: number | null;
  permutations: number;
  /** The deadlines and episodes behind the figure. */
  deadlines: { tender: string; deadline: string }[];
  episodes: string[];
}

/** A tender whose upload window overlapped an episode: "these 7 tenders, Rp 45 miliar, lost their last 6 hours". */
export interface TenderOverlap {
  instance: string;
  tender: string;
  name: string;
  value: number | null;
  deadline: string;
  episode: string;
  /** Minutes of the upload window (the window before the deadline) the episode took. */
  minutesLost: number;
  /** The schedule was changed after the episode began. */
  changedAfter: boolean;
}

/** Daily availability of one instance, for the uptime chart. */
export interface AvailabilityDay {
  instance: string;
  /** YYYY-MM-DD in the instance's time zone. */
  day: string;
  observedMinutes: number;
  downMinutes: number;
}

/** A query of the deadline correlation (`pantau deadlines`, `/api/deadlines`, the brief's section). */
export interface DeadlineQuery {
  /** One instance (slug), or every instance. */
  instance?: string | undefined;
  /** ISO instants bounding the deadlines and probes considered. */
  from?: string | undefined;
  to?: string | undefined;
  /** Hours before each bid-upload deadline that count as "near" (24 by default). */
  windowHours?: number | undefined;
  /** Permutations of the test (10,000 by default), and the seed that makes it repeatable. */
  permutations?: number | undefined;
  seed?: number | undefined;
}

/** Everything the deadline views show: the figures, the tenders hit, the episodes and the daily availability. */
export interface DeadlineView {
  query: DeadlineQuery;
  /** Per instance, and the overall figure (`instance: null`) first. */
  figures: DeadlineFigure[];
  overlaps: TenderOverlap[];
  episodes: Episode[];
  availability: AvailabilityDay[];
  deadlines: { instance: string; tender: string; name: string; value: number | null; deadline: string }[];
}

/**
 * The time-series store under the data dir (`src/series/`, DuckDB): probes appended, episodes derived, tender
 * schedules upserted, the correlation queried. Every method is safe to call from one process at a time (the
 * data dir's lock).
 */
export interface SeriesStore {
  appendProbes(rows: readonly ProbeRow[]): Promise<void>;
  upsertTenders(tenders: readonly Tender[]): Promise<void>;
  /** Codes of an instance's tenders that are new to the store or still running at `now` (to be re-read). */
  tendersToRefresh(instance: string, listed: readonly string[], now: string): Promise<string[]>;
  episodes(query?: DeadlineQuery): Promise<Episode[]>;
  deadlineView(query?: DeadlineQuery): Promise<DeadlineView>;
  close(): Promise<void>;
}

/** Runs one probe round (`probe/round.ts`). */
export interface RoundOptions {
  /** The round's length: requests are spread evenly over it (10 minutes by default). */
  roundMs: number;
  /** Per request (10 s by default). */
  timeoutMs: number;
  /** At most this many requests in flight. */
  concurrency: number;
  userAgent: string;
  /** Resolves a host name (tests map fixture names to 127.0.0.1; an unknown name fails as `dns`). */
  lookup?: ((host: string) => Promise<{ address: string; family: 4 | 6 }>) | undefined;
  /** Called as each probe ends, so a round's rows are saved as they come (kill -9 loses at most the unsaved ones). */
  onRow?: ((row: ProbeRow) => void | Promise<void>) | undefined;
  signal?: AbortSignal | undefined;
}
export type RoundRunner = (targets: readonly ProbeTarget[], options: RoundOptions) => Promise<ProbeRow[]>;
