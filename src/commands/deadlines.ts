/**
 * `pantau deadlines [--lpse SLUG] [--from D] [--to D] [--window-hours N] [--json|--csv [TABLE]]`: do outages
 * cluster in the hours before bid-upload deadlines? Per LPSE and overall: the ratio of down-shares, a
 * permutation test's p-value, the deadlines and episodes behind them, and the tenders whose last hours an outage
 * took. Reads the probe database read-only, so it runs beside `pantau probe` or `pantau watch`.
 */
import type { Command } from 'commander';
import type { DeadlineQuery } from '../../probe/types.ts';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { DEFAULT_PERMUTATIONS, DEFAULT_SEED, DEFAULT_WINDOW_HOURS } from '../series/defaults.ts';
import { CSV_TABLES, type CsvTable, deadlineCsv, renderDeadlineTable } from '../series/format.ts';
import { instanceInfo } from '../series/instances.ts';

interface DeadlineOptions {
  lpse?: string;
  from?: string;
  to?: string;
  windowHours: string;
  permutations: string;
  seed: string;
  json?: boolean;
  csv?: string | boolean;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const WIB_MS = 7 * 3_600_000;

/**
 * A --from/--to value as an instant: a day (YYYY-MM-DD) is read on WIB, --from at its start and --to at its end;
 * an ISO instant is taken as it is.
 *
 * @example parseBound('2026-08-19', 'to') // "2026-08-19T17:00:00.000Z" (the end of 19 Agustus on WIB)
 */
export function parseBound(value: string, which: 'from' | 'to'): string {
  if (DAY_RE.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    if (Number.isFinite(start) && new Date(start).toISOString().slice(0, 10) === value) {
      return new Date(start - WIB_MS + (which === 'to' ? 86_400_000 : 0)).toISOString();
    }
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(Date.parse(value))) {
    return new Date(Date.parse(value)).toISOString();
  }
  throw new UserError(`--${which} must be a day (YYYY-MM-DD) or an ISO instant, not ${value}`);
}

function positive(name: string, value: string, max: number, integer: boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) {
    throw new UserError(
      `--${name} must be a ${integer ? 'whole ' : ''}number above 0 and at most ${max}, not ${value}`,
    );
  }
  return n;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('deadlines')
    .description('do LPSE outages cluster before bid-upload deadlines? ratio, p-value and the tenders hit, per LPSE')
    .option('--lpse <slug>', 'one LPSE, by its slug (baritotimurkab, as in https://spse.inaproc.id/baritotimurkab)')
    .option('--from <day>', 'only deadlines and probes from this day (YYYY-MM-DD, WIB) or instant on')
    .option('--to <day>', 'only deadlines and probes up to the end of this day (YYYY-MM-DD, WIB) or this instant')
    .option('--window-hours <n>', 'hours before each deadline that count as near', String(DEFAULT_WINDOW_HOURS))
    .option('--permutations <n>', 'draws of the permutation test', String(DEFAULT_PERMUTATIONS))
    .option('--seed <n>', 'seed of the permutation test (the same seed gives the same p-values)', String(DEFAULT_SEED))
    .option('--json', 'print everything as JSON: figures, overlapping tenders, episodes, daily availability')
    .option('--csv [table]', `print one table as CSV: ${CSV_TABLES.join(', ')} (default figures)`)
    .addHelpText(
      'after',
      `
The ratio compares the share of the observed time an LPSE was down in the --window-hours before its
bid-upload deadlines with the share down at its other observed times (2.0: twice as often down near
deadlines). p is a one-sided permutation test: the LPSE's deadlines are rotated together over its observed
period, the outages left where they were; a small p means outages sat before its deadlines more than chance
placement explains. It cannot fall much below window ÷ observed period (about 0.03 for a month of probes):
a short record is never called significant. Association is not intent: load before deadlines is one
explanation. Probes come from \`pantau probe\`; deadlines from the tender schedules it reads.

Examples:
  pantau deadlines
  pantau deadlines --lpse baritotimurkab --from 2026-01-01 --to 2026-06-30
  pantau deadlines --window-hours 6 --csv tenders > tenders.csv`,
    )
    .action(async (opts: DeadlineOptions) => {
      if (opts.json && opts.csv) throw new UserError('choose one of --json and --csv');
      const table: CsvTable | null =
        opts.csv === undefined ? null : opts.csv === true ? 'figures' : (opts.csv as CsvTable);
      if (table && !CSV_TABLES.includes(table)) {
        throw new UserError(`--csv takes one of ${CSV_TABLES.join(', ')}, not ${opts.csv}`);
      }
      const query: DeadlineQuery = {
        instance: opts.lpse?.trim().toLowerCase() || undefined,
        from: opts.from ? parseBound(opts.from, 'from') : undefined,
        to: opts.to ? parseBound(opts.to, 'to') : undefined,
        windowHours: positive('window-hours', opts.windowHours, 24 * 30, false),
        permutations: positive('permutations', opts.permutations, 1_000_000, true),
        seed: Number.isInteger(Number(opts.seed)) ? Number(opts.seed) : Number.NaN,
      };
      if (!Number.isFinite(query.seed)) throw new UserError(`--seed must be a whole number, not ${opts.seed}`);
      if (query.from && query.to && query.from >= query.to) throw new UserError('--from must be before --to');
      const dir = cli.dataDir();
      // loaded here: DuckDB's native module is not needed by the other commands
      const { openSeries } = await import('../series/store.ts');
      const store = await openSeries(dir.root, { mode: 'read' });
      try {
        if (!(await store.hasData())) {
          throw new UserError(`no probe data yet in ${dir.root}: run \`pantau probe --once\` first`);
        }
        const view = await store.deadlineView(query);
        if (query.instance && view.figures.length < 2) {
          throw new UserError(
            `no probes of LPSE ${query.instance} in ${dir.root}${query.from || query.to ? ' in that period' : ''} (run \`pantau probe\` with it, or check the slug)`,
          );
        }
        if (!view.deadlines.length) {
          cli.info(
            'no bid-upload deadlines stored yet for these LPSEs and days: the tender schedules `pantau probe` reads fill them',
          );
        }
        if (opts.json) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        else if (table) process.stdout.write(deadlineCsv(view, table));
        else process.stdout.write(renderDeadlineTable(view, instanceInfo));
      } finally {
        await store.close();
      }
    });
}
