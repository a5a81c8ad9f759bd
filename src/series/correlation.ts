/**
 * The deadline correlation: do an LPSE's outages cluster in the hours before its bid-upload deadlines? Outage
 * minutes inside the windows before the deadlines against outage minutes at the other observed times, with a
 * permutation test, the tenders whose windows an outage hit, and the daily availability for the chart. Pure: no
 * I/O, no clock; `store.ts` reads the spans, episodes and deadlines and hands them in.
 */
import type { AvailabilityDay, DeadlineFigure, TenderOverlap } from '../../probe/types.ts';
import { prng } from '../prng.ts';
import type { Span } from './episodes.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** What the correlation needs of one instance, times in epoch ms. */
export interface InstanceSeries {
  instance: string;
  /** UTC offset of the instance's time zone in minutes (WIB 420), for its calendar days. */
  offsetMinutes: number;
  /** Observed spans, sorted and disjoint. */
  spans: Span[];
  /** Its episodes (end null: still down at the last probe). */
  episodes: Array<{ id: string; start: number; end: number | null }>;
  /** Its tenders with a bid-upload deadline. */
  tenders: Array<{
    code: string;
    name: string;
    value: number | null;
    deadline: number;
    /** When its schedule was changed (the history's dates). */
    changes: number[];
  }>;
}

export interface CorrelationOptions {
  windowHours: number;
  from?: number | undefined;
  to?: number | undefined;
  permutations: number;
  seed: number;
}

export interface Correlation {
  figures: DeadlineFigure[];
  overlaps: TenderOverlap[];
  availability: AvailabilityDay[];
}

// ---------------------------------------------------------------- intervals

/** Sorted disjoint intervals ∩ [from, to]. */
function clip(xs: readonly Span[], from: number, to: number): Span[] {
  const out: Span[] = [];
  for (const x of xs) {
    const s = Math.max(x.start, from);
    const e = Math.min(x.end, to);
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** Intersection of two sorted disjoint interval lists. */
function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!.start, b[j]!.start);
    const e = Math.min(a[i]!.end, b[j]!.end);
    if (e > s) out.push({ start: s, end: e });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Sorted intervals (possibly overlapping) merged into disjoint ones. */
function union(xs: readonly Span[]): Span[] {
  const sorted = [...xs].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}

const total = (xs: readonly Span[]) => xs.reduce((n, x) => n + (x.end - x.start), 0);

/** Measure of sorted disjoint intervals inside [a, b] in O(log n): a cumulative length with binary search. */
class Measure {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  private readonly before: Float64Array;
  constructor(xs: readonly Span[]) {
    this.starts = Float64Array.from(xs, (x) => x.start);
    this.ends = Float64Array.from(xs, (x) => x.end);
    this.before = new Float64Array(xs.length);
    let sum = 0;
    xs.forEach((x, k) => {
      this.before[k] = sum;
      sum += x.end - x.start;
    });
  }
  /** Length of the intervals before t. */
  upTo(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= t) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return 0;
    return this.before[k]! + Math.min(t, this.ends[k]!) - this.starts[k]!;
  }
  within(a: number, b: number): number {
    return b > a ? this.upTo(b) - this.upTo(a) : 0;
  }
}

// ---------------------------------------------------------------- permutation test

/** FNV-1a of the instance's slug mixed with the seed: each instance draws its own shifts, whatever else is asked. */
function seedFor(seed: number, instance: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < instance.length; i++) h = Math.imul(h ^ instance.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Near minutes (observed and down) of windows ending at the sorted deadlines `ds`. */
function nearOf(ds: ArrayLike<number>, n: number, windowMs: number, obs: Measure, down: Measure): [number, number] {
  let o = 0;
  let d = 0;
  let a = 0;
  let b = 0;
  let open = false;
  for (let i = 0; i < n; i++) {
    const s = ds[i]! - windowMs;
    const e = ds[i]!;
    if (open && s <= b) {
      if (e > b) b = e;
      continue;
    }
    if (open) {
      o += obs.within(a, b);
      d += down.within(a, b);
    }
    a = s;
    b = e;
    open = true;
  }
  if (open) {
    o += obs.within(a, b);
    d += down.within(a, b);
  }
  return [o, d];
}

/** The permutation test's grid: the probe round (the data has no finer resolution). */
const GRID_MS = 600_000;

/** The sequential stop of an instance's test (see correlate). */
const FIRST_DRAWS = 1000;
const EARLY_EXCEEDANCES = 20;

/**
 * The grid the test reads: cum[2k] and cum[2k + 1] are the observed and the down seconds in [t0, t0 + k·GRID_MS],
 * k = 0…K, side by side (one cache line holds both; the draws read them at random places millions of times).
 */
function cumulativeOnGrid(obs: readonly Span[], down: readonly Span[], t0: number, K: number): Int32Array {
  const cum = new Int32Array(2 * (K + 1));
  for (const [xs, lane] of [
    [obs, 0],
    [down, 1],
  ] as const) {
    let i = 0;
    let before = 0;
    for (let k = 0; k <= K; k++) {
      const t = t0 + k * GRID_MS;
      while (i < xs.length && xs[i]!.end <= t) {
        before += xs[i]!.end - xs[i]!.start;
        i++;
      }
      const v = i < xs.length && xs[i]!.start < t ? before + t - xs[i]!.start : before;
      cum[2 * k + lane] = Math.round(v / 1000);
    }
  }
  return cum;
}

/** Observed and down seconds in the union of windows [d − w, d] (grid steps) for sorted deadline steps. */
function nearOnGrid(ds: ArrayLike<number>, n: number, w: number, cum: Int32Array): [number, number] {
  let o = 0;
  let d = 0;
  let a = 0;
  let b = -1;
  for (let i = 0; i < n; i++) {
    const e = ds[i]!;
    const s = e - w < 0 ? 0 : e - w;
    if (b >= 0 && s <= b) {
      if (e > b) b = e;
      continue;
    }
    if (b >= 0) {
      o += cum[2 * b]! - cum[2 * a]!;
      d += cum[2 * b + 1]! - cum[2 * a + 1]!;
    }
    a = s;
    b = e;
  }
  if (b >= 0) {
    o += cum[2 * b]! - cum[2 * a]!;
    d += cum[2 * b + 1]! - cum[2 * a + 1]!;
  }
  return [o, d];
}

/**
 * nearOnGrid of the deadlines rotated by `shift` steps on a circle of K: di[split…] wrap (minus K) and come
 * first, then di[0…split) — the same windows without building the rotated array (this loop runs millions of
 * times). Writes [observed, down] into out.
 */
function nearRotated(
  di: Int32Array,
  n: number,
  split: number,
  shift: number,
  K: number,
  w: number,
  cum: Int32Array,
  out: Float64Array,
): void {
  let o = 0;
  let d = 0;
  let a = 0;
  let b = -1;
  for (let m = 0; m < n; m++) {
    const i = m + split < n ? m + split : m + split - n;
    const e = i >= split ? di[i]! + shift - K : di[i]! + shift;
    const st = e - w < 0 ? 0 : e - w;
    if (b >= 0 && st <= b) {
      if (e > b) b = e;
      continue;
    }
    if (b >= 0) {
      o += cum[2 * b]! - cum[2 * a]!;
      d += cum[2 * b + 1]! - cum[2 * a + 1]!;
    }
    a = st;
    b = e;
  }
  if (b >= 0) {
    o += cum[2 * b]! - cum[2 * a]!;
    d += cum[2 * b + 1]! - cum[2 * a + 1]!;
  }
  out[0] = o;
  out[1] = d;
}

// ---------------------------------------------------------------- the view

interface Prepared {
  series: InstanceSeries;
  obs: Measure;
  down: Measure;
  /** Distinct deadlines inside the observed period, sorted. */
  ds: Float64Array;
  t0: number;
  t1: number;
  obsTotal: number;
  downTotal: number;
  obsNear: number;
  downNear: number;
  spans: Span[];
  downSpans: Span[];
  episodes: InstanceSeries['episodes'];
  tenders: InstanceSeries['tenders'];
}

function prepare(s: InstanceSeries, opts: CorrelationOptions, windowMs: number): Prepared {
  const from = opts.from ?? Number.NEGATIVE_INFINITY;
  const to = opts.to ?? Number.POSITIVE_INFINITY;
  const spans = clip(s.spans, from, to);
  const t0 = spans[0]?.start ?? 0;
  const t1 = spans[spans.length - 1]?.end ?? 0;
  const lastSeen = s.spans[s.spans.length - 1]?.end ?? 0;
  // an episode still open counts as down up to the last probe, and only where the probes looked
  const episodes = s.episodes.filter((e) => e.start < to && (e.end ?? lastSeen) > from);
  const downSpans = intersect(union(episodes.map((e) => ({ start: e.start, end: e.end ?? lastSeen }))), spans);
  const obs = new Measure(spans);
  const down = new Measure(downSpans);
  const tenders = s.tenders.filter((t) => t.deadline >= t0 && t.deadline <= t1 && spans.length > 0);
  const ds = Float64Array.from(new Set(tenders.map((t) => t.deadline))).sort();
  const [obsNear, downNear] = nearOf(ds, ds.length, windowMs, obs, down);
  return {
    series: s,
    obs,
    down,
    ds,
    t0,
    t1,
    obsTotal: total(spans),
    downTotal: total(downSpans),
    obsNear,
    downNear,
    spans,
    downSpans,
    episodes,
    tenders,
  };
}

function figureOf(
  instance: string | null,
  p: { obsTotal: number; downTotal: number; obsNear: number; downNear: number },
  pv: number | null,
  drawn: number,
  opts: CorrelationOptions,
  deadlines: DeadlineFigure['deadlines'],
  episodes: string[],
): DeadlineFigure {
  const obsElse = p.obsTotal - p.obsNear;
  const downElse = p.downTotal - p.downNear;
  const shareNear = p.obsNear > 0 ? p.downNear / p.obsNear : null;
  const shareElse = obsElse > 0 ? downElse / obsElse : null;
  return {
    instance,
    windowHours: opts.windowHours,
    observedMinutesNear: p.obsNear / MINUTE,
    observedMinutesElsewhere: obsElse / MINUTE,
    downMinutesNear: p.downNear / MINUTE,
    downMinutesElsewhere: downElse / MINUTE,
    ratio: shareNear !== null && shareElse !== null && shareElse > 0 ? shareNear / shareElse : null,
    pValue: pv,
    permutations: drawn,
    deadlines,
    episodes,
  };
}

/**
 * The correlation per instance and overall (first), with a permutation test.
 *
 * Null model: an instance's outages are unrelated to its deadlines. Each permutation rotates all of the
 * instance's deadlines together by one offset drawn uniformly from [0, L), L the length of its observed period
 * [T0, T1] (first to last observed probe inside --from/--to), wrapping around: d' = T0 + ((d − T0 + s) mod L).
 * The outage series is left as it was (its durations, clustering and daily rhythm stay), and so are the
 * deadlines' spacing and bunching (tenders sharing a deadline move together, and the year-end rush stays a
 * rush), so the test asks only whether the deadlines sit where the outages are. Only deadlines inside [T0, T1]
 * take part. The statistic is the down share of the observed time inside the union of the windows (down near /
 * observed near), computed for the data and for every draw on the probe round's 10-minute grid (deadlines and
 * offsets at their nearest step; the figures themselves are exact); a draw whose windows fall wholly in
 * unobserved time is not counted. p = (1 + draws with a share ≥ the data's) / (1 + counted draws). A rotation
 * has only about L / window distinguishable positions, so p cannot fall much below window / L (about 1/30 for a
 * month of probes, 1/365 for a year): a short record cannot make an outage pattern look significant.
 * Sequential (after Besag & Clifford 1991): an instance whose first 1,000 draws hold 20 or more at least as
 * extreme (p ≳ 0.02, nothing to report) stops there; the others go on to the requested number. A figure's
 * `permutations` is the number of draws it rests on. The overall test rotates each instance by its own offset
 * in every draw and pools the minutes: each of its draws takes one of every tested instance's draws at random.
 * Draws come from PRNGs seeded by (seed, instance slug), so a figure repeats exactly, alone or among others.
 *
 * @example correlate([{ instance: 'baritotimurkab', offsetMinutes: 420, spans, episodes, tenders }], { windowHours: 24, permutations: 10_000, seed: 15 })
 */
export function correlate(input: readonly InstanceSeries[], opts: CorrelationOptions): Correlation {
  const windowMs = opts.windowHours * 3_600_000;
  const P = Math.max(0, Math.floor(opts.permutations));
  const prepared = [...input].sort((a, b) => (a.instance < b.instance ? -1 : 1)).map((s) => prepare(s, opts, windowMs));
  const figures: DeadlineFigure[] = [];
  const overlaps: TenderOverlap[] = [];
  const availability: AvailabilityDay[] = [];
  const sums = { obsTotal: 0, downTotal: 0, obsNear: 0, downNear: 0 };
  const allDeadlines: DeadlineFigure['deadlines'] = [];
  const allEpisodes: string[] = [];
  const w = Math.round(windowMs / GRID_MS);
  // each tested instance's draws, for the overall test
  const nulls: Array<{ near: Float64Array; obsNear: Float64Array; m: number }> = [];
  let allNear0 = 0;
  let allObs0 = 0;
  for (const p of prepared) {
    const n = p.ds.length;
    // the test runs on the probe round's grid: K steps from T0, deadlines at their nearest step
    const K = Math.ceil((p.t1 - p.t0) / GRID_MS);
    let pv: number | null = null;
    let drawn = 0;
    if (n > 0 && K > 0 && p.obsNear > 0 && P > 0) {
      const cum = cumulativeOnGrid(p.spans, p.downSpans, p.t0, K);
      const di = Int32Array.from(p.ds, (d) => Math.min(K, Math.max(0, Math.round((d - p.t0) / GRID_MS))));
      const [o0, d0] = nearOnGrid(di, n, w, cum);
      if (o0 > 0) {
        const stat0 = d0 / o0;
        const near = new Float64Array(P);
        const obsNear = new Float64Array(P);
        const rand = prng(seedFor(opts.seed, p.series.instance));
        const out = new Float64Array(2);
        let valid = 0;
        let extreme = 0;
        // Sequential: after FIRST_DRAWS draws an instance with EARLY_EXCEEDANCES draws at least as extreme has a
        // p-value of at least 0.02, known well enough; only the others (the interesting ones) go on to P.
        for (let j = 0; j < P; j++) {
          if (j === FIRST_DRAWS && extreme >= EARLY_EXCEEDANCES) break;
          const shift = Math.floor(rand() * K);
          // the rotated deadlines in order: those that wrap past T1 come first
          let lo = 0;
          let hi = n;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (di[mid]! + shift < K) lo = mid + 1;
            else hi = mid;
          }
          nearRotated(di, n, lo, shift, K, w, cum, out);
          near[j] = out[1]!;
          obsNear[j] = out[0]!;
          drawn++;
          if (out[0]! > 0) {
            valid++;
            if (out[1]! / out[0]! >= stat0 * (1 - 1e-9)) extreme++;
          }
        }
        pv = valid ? (1 + extreme) / (1 + valid) : null;
        nulls.push({ near, obsNear, m: drawn });
        allNear0 += d0;
        allObs0 += o0;
      }
    }
    const deadlines = p.tenders
      .map((t) => ({ tender: t.code, deadline: new Date(t.deadline).toISOString() }))
      .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.tender < b.tender ? -1 : 1));
    const episodes = p.episodes.map((e) => e.id);
    figures.push(figureOf(p.series.instance, p, pv, drawn, opts, deadlines, episodes));
    sums.obsTotal += p.obsTotal;
    sums.downTotal += p.downTotal;
    sums.obsNear += p.obsNear;
    sums.downNear += p.downNear;
    allDeadlines.push(...deadlines);
    allEpisodes.push(...episodes);
    overlaps.push(...overlapsOf(p, windowMs));
    availability.push(...daysOf(p));
  }
  // Overall: P draws, each taking one of every tested instance's own draws at random (instances rotate
  // independently, so a pooled draw is any combination of theirs); instances without a test add nothing near.
  let overallP: number | null = null;
  if (nulls.length && P > 0 && allObs0 > 0) {
    const stat0 = allNear0 / allObs0;
    const near = new Float64Array(P);
    const obsNear = new Float64Array(P);
    // instance by instance (typed arrays in the inner loop, an inlined xorshift for the picks: 6 million of them
    // for 600 instances)
    let x32 = seedFor(opts.seed, '') || 1;
    for (const x of nulls) {
      for (let j = 0; j < P; j++) {
        x32 ^= x32 << 13;
        x32 ^= x32 >>> 17;
        x32 ^= x32 << 5;
        const k = Math.floor(((x32 >>> 0) / 4294967296) * x.m);
        near[j] = near[j]! + x.near[k]!;
        obsNear[j] = obsNear[j]! + x.obsNear[k]!;
      }
    }
    let valid = 0;
    let extreme = 0;
    for (let j = 0; j < P; j++) {
      if (obsNear[j]! <= 0) continue;
      valid++;
      if (near[j]! / obsNear[j]! >= stat0 * (1 - 1e-9)) extreme++;
    }
    overallP = valid ? (1 + extreme) / (1 + valid) : null;
  }
  figures.unshift(figureOf(null, sums, overallP, overallP === null ? 0 : P, opts, allDeadlines, allEpisodes));
  return { figures, overlaps, availability };
}

/** Tenders whose window before the deadline an episode took observed minutes from. */
function overlapsOf(p: Prepared, windowMs: number): TenderOverlap[] {
  const out: TenderOverlap[] = [];
  const lastSeen = p.series.spans[p.series.spans.length - 1]?.end ?? 0;
  for (const t of p.tenders) {
    const w: Span = { start: t.deadline - windowMs, end: t.deadline };
    for (const e of p.episodes) {
      const hit = intersect(intersect([w], [{ start: e.start, end: e.end ?? lastSeen }]), p.spans);
      const lost = total(hit);
      if (lost <= 0) continue;
      out.push({
        instance: p.series.instance,
        tender: t.code,
        name: t.name,
        value: t.value,
        deadline: new Date(t.deadline).toISOString(),
        episode: e.id,
        minutesLost: lost / MINUTE,
        changedAfter: t.changes.some((c) => c >= e.start),
      });
    }
  }
  return out;
}

/** Observed and down minutes per calendar day of the instance's time zone. */
function daysOf(p: Prepared): AvailabilityDay[] {
  const off = p.series.offsetMinutes * MINUTE;
  const days = new Map<number, { observed: number; down: number }>();
  const add = (xs: readonly Span[], key: 'observed' | 'down') => {
    for (const x of xs) {
      let s = x.start;
      while (s < x.end) {
        const day = Math.floor((s + off) / DAY);
        const e = Math.min(x.end, (day + 1) * DAY - off);
        const slot = days.get(day) ?? { observed: 0, down: 0 };
        slot[key] += e - s;
        days.set(day, slot);
        s = e;
      }
    }
  };
  add(p.spans, 'observed');
  add(p.downSpans, 'down');
  return [...days.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, v]) => ({
      instance: p.series.instance,
      day: new Date(day * DAY).toISOString().slice(0, 10),
      observedMinutes: v.observed / MINUTE,
      downMinutes: v.down / MINUTE,
    }));
}
