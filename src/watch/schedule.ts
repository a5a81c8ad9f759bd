/**
 * When `pantau watch` runs: every fixed interval (`--every 30m`) or at the times of a cron expression
 * (`--cron "*\/10 * * * *"`, through croner). A schedule only answers "when is the next run after this one", so
 * the run loop can be driven by a test clock and resume its timetable after a restart.
 */
import { Cron } from 'croner';

export interface Schedule {
  /** "every 30m", "cron 0 6 * * *" */
  describe: string;
  /** The first run time strictly after `after` (ms since the epoch). */
  next(after: number): number;
}

const UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** The shortest interval accepted: a run every few seconds would hammer the sources it is meant to watch. */
export const MIN_EVERY_MS = 10_000;

/**
 * `--every` as a schedule: a whole number and a unit (s, m or min, h, d), at least 10 s apart.
 *
 * @example everySchedule('30m').next(Date.parse('2026-12-08T01:00:00Z')) // Date.parse('2026-12-08T01:30:00Z')
 */
export function everySchedule(text: string): Schedule {
  const m = /^(\d+)\s*(s|min|m|h|d)$/.exec(text.trim().toLowerCase());
  if (!m) throw new Error(`--every must be a number and a unit (90s, 30m, 2h, 1d), not ${text}`);
  const ms = Number(m[1]) * (UNITS_MS[m[2] as string] as number);
  if (ms < MIN_EVERY_MS) throw new Error(`--every must be at least 10s, not ${text}`);
  return { describe: `every ${m[1]}${m[2]}`, next: (after) => after + ms };
}

/**
 * `--cron` as a schedule: five fields (minute hour day month weekday), or six with seconds first, in the
 * machine's time zone unless `timezone` is given ("Asia/Jakarta").
 *
 * @example cronSchedule('0 *\/6 * * *', 'Asia/Jakarta').describe // "cron 0 *\/6 * * * (Asia/Jakarta)"
 */
export function cronSchedule(expression: string, timezone?: string): Schedule {
  let cron: Cron;
  try {
    cron = new Cron(expression, { paused: true, ...(timezone ? { timezone } : {}) });
  } catch (err) {
    throw new Error(`--cron "${expression}" is not a cron expression: ${(err as Error).message}`);
  }
  if (!cron.nextRun()) throw new Error(`--cron "${expression}" never runs again`);
  return {
    describe: `cron ${expression}${timezone ? ` (${timezone})` : ''}`,
    next(after) {
      const d = cron.nextRun(new Date(after));
      // an expression with an end (a year in the past) has no next run: never
      return d ? d.getTime() : Number.POSITIVE_INFINITY;
    },
  };
}
