/**
 * The brief's deadline section as data: the kabupaten's own LPSE(s) watched by Pantau's probe, outage minutes
 * in the window before bid-upload deadlines against the other times, and the tenders whose upload window an
 * outage overlapped. Pure: the caller reads the `DeadlineView` from the time-series store.
 */
import type { DeadlineFigure, DeadlineView, TenderOverlap } from '../../probe/types.ts';

export interface BriefDeadlines {
  /** The LPSE instances (slugs) of the area. */
  instances: string[];
  /** Their names for people, by slug ("LPSE Kabupaten Barito Timur"); a slug without one is shown as it is. */
  names: Record<string, string>;
  /** UTC offset of each instance's clock by slug (7 when missing). */
  offsets: Record<string, number>;
  windowHours: number;
  /** One per instance with data. */
  figures: DeadlineFigure[];
  /** Tenders whose upload window an episode overlapped, latest deadline first. */
  overlaps: TenderOverlap[];
  totals: {
    /** Distinct tenders hit. */
    tenders: number;
    /** Their summed ceiling value (tenders with no value left out). */
    value: number;
    /** The largest loss of one tender, in minutes. */
    maxMinutesLost: number;
    /** Tenders whose schedule was changed after the outage began. */
    changedAfter: number;
    deadlines: number;
    episodes: number;
    observedDays: number;
  };
}

/**
 * The section, or null when the store knows nothing of the area (no probe, no deadline): a brief never shows an
 * empty table as if the LPSE had been watched.
 */
export function toBriefDeadlines(
  view: DeadlineView | null | undefined,
  instances: readonly string[],
  names: Record<string, string> = {},
  offsets: Record<string, number> = {},
): BriefDeadlines | null {
  if (!view || !instances.length) return null;
  const own = new Set(instances);
  const figures = view.figures.filter((f) => f.instance !== null && own.has(f.instance));
  const observed = view.availability.filter((d) => own.has(d.instance) && d.observedMinutes > 0);
  const overlaps = view.overlaps
    .filter((o) => own.has(o.instance))
    .sort((a, b) => b.deadline.localeCompare(a.deadline) || a.tender.localeCompare(b.tender));
  const deadlines = view.deadlines.filter((d) => own.has(d.instance));
  if (!observed.length && !deadlines.length && !overlaps.length) return null;
  const byTender = new Map<string, TenderOverlap[]>();
  for (const o of overlaps)
    byTender.set(`${o.instance}:${o.tender}`, [...(byTender.get(`${o.instance}:${o.tender}`) ?? []), o]);
  const perTender = [...byTender.values()];
  return {
    instances: [...instances],
    names: { ...names },
    offsets: { ...offsets },
    windowHours: figures[0]?.windowHours ?? view.query.windowHours ?? 24,
    figures,
    overlaps,
    totals: {
      tenders: perTender.length,
      value: perTender.reduce((s, list) => s + (list[0]?.value ?? 0), 0),
      maxMinutesLost: perTender.reduce(
        (m, list) =>
          Math.max(
            m,
            list.reduce((s, o) => s + o.minutesLost, 0),
          ),
        0,
      ),
      changedAfter: perTender.filter((list) => list.some((o) => o.changedAfter)).length,
      deadlines: deadlines.length,
      episodes: view.episodes.filter((e) => own.has(e.instance)).length,
      observedDays: new Set(observed.map((d) => `${d.instance}:${d.day}`)).size,
    },
  };
}
