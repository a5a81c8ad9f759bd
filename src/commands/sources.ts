/**
 * `pantau sources check [--sources FILE]`: which start URLs of the sources answer, as what (RSS, Atom, sitemap,
 * HTML listing) and with how many items, and why the others do not; for a deployment, before relying on a list.
 */
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';

function wholeNumber(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new UserError(`${flag} must be a whole number above 0, not ${v}`);
    return n;
  };
}

export function register(program: Command, cli: Cli): void {
  const sources = program
    .command('sources')
    .description('the crawl sources: check that their start URLs answer; generate the sources of every LPSE');
  sources
    .command('outlets')
    .description(
      'print a sources file (JSON) of the starter outlets (crawlers/outlets.ts: ANTARA desks, Tribun, WordPress outlets, detik, Kompas), of one province with --province',
    )
    .option('--province <code>', 'only the outlets covering this province (Kemendagri code: 62 for Kalimantan Tengah)')
    .action(async (opts: { province?: string }) => {
      if (opts.province !== undefined && !/^\d{2}$/.test(opts.province))
        throw new UserError(`--province must be a two-digit Kemendagri code (62), not ${opts.province}`);
      const { outletSources } = await import('../../crawlers/outlets.ts');
      const list = outletSources(opts.province ? { province: opts.province } : {});
      console.log(JSON.stringify({ sources: list }, null, 2));
      cli.info(
        `${list.length} outlet source(s); their paths were not fetched when the list was written: pantau sources check`,
      );
    });
  sources
    .command('lpse')
    .description(
      "print a sources file (JSON) of every regional LPSE's news and announcement pages, from the LPSE table; crawl it with pantau crawl --sources FILE",
    )
    .option(
      '--form <form>',
      'central (https://spse.inaproc.id/<slug>) or old (https://lpse.<x>.go.id/eproc4)',
      'central',
    )
    .option('--only <slug...>', 'only these instances (their slugs: gresikkab, jabarprov, surabaya…)')
    .action(async (opts: { form: string; only?: string[] }) => {
      if (opts.form !== 'central' && opts.form !== 'old')
        throw new UserError(`--form must be central or old, not ${opts.form}`);
      const [{ lpseAnnouncementSources }, { LPSE_INSTANCES }] = await Promise.all([
        import('../../crawlers/sources.ts'),
        import('../../extractors/region/lpse-instances.ts'),
      ]);
      const unknown = (opts.only ?? []).filter((id) => !LPSE_INSTANCES.some((i) => i.id === id));
      if (unknown.length)
        throw new UserError(`no LPSE ${unknown.join(', ')} in the LPSE table (crawlers/lpse-table.json)`);
      const { sources: list, skipped } = lpseAnnouncementSources(LPSE_INSTANCES, { form: opts.form, only: opts.only });
      console.log(JSON.stringify({ sources: list }, null, 2));
      cli.info(
        `${list.length} LPSE source(s)${skipped.length ? `; ${skipped.length} instance(s) of a ministry or an agency left out (no region code)` : ''}`,
      );
    });
  sources
    .command('check')
    .description(
      'fetch every start URL (listings, feeds, sitemaps, LPSE lists) once: status, type, items, and why not (exit 1 if any fails)',
    )
    .option('--sources <file>', 'JSON file of sources (format: crawlers/README.md); default: the starter list')
    .option('--source <id...>', 'only these source ids')
    .option('--timeout-ms <n>', 'per-request timeout in ms', wholeNumber('--timeout-ms'), 15_000)
    .option('--json', 'print the results as JSON')
    .action(async (opts: { sources?: string; source?: string[]; timeoutMs: number; json?: boolean }) => {
      const { STARTER_SOURCES, loadSources } = await import('../../crawlers/sources.ts');
      let list = opts.sources ? loadSources(opts.sources) : STARTER_SOURCES;
      if (opts.source?.length) {
        const unknown = opts.source.filter((id) => !list.some((s) => s.id === id));
        if (unknown.length)
          throw new UserError(`no source with id ${unknown.join(', ')} in ${opts.sources ?? 'the starter list'}`);
        list = list.filter((s) => opts.source?.includes(s.id));
      }
      // the crawler (for its User-Agent) is heavy: loaded once the arguments are known good
      const [{ checkSources, startUrls }, { USER_AGENT }] = await Promise.all([
        import('../../crawlers/check.ts'),
        import('../../crawlers/crawl.ts'),
      ]);
      const total = list.reduce((n, s) => n + startUrls(s).length, 0);
      cli.info(`sources check: ${total} start URL(s) of ${list.length} source(s)…`);
      let done = 0;
      const results = await checkSources(list, {
        userAgent: USER_AGENT,
        timeoutMs: opts.timeoutMs,
        onResult: () => {
          done++;
          if (done % 25 === 0) cli.info(`sources check: ${done} of ${total}`);
        },
      });
      const failed = results.filter((r) => !r.ok);
      const dead = list.filter((s) => {
        const mine = results.filter((r) => r.source === s.id);
        return mine.length > 0 && mine.every((r) => !r.ok);
      });
      if (failed.length) process.exitCode = 1;
      if (opts.json) {
        console.log(
          JSON.stringify(
            { total, ok: total - failed.length, failed: failed.length, deadSources: dead.map((s) => s.id), results },
            null,
            2,
          ),
        );
        return;
      }
      const idWidth = Math.min(32, Math.max(6, ...results.map((r) => r.source.length)));
      for (const r of results) {
        const status = r.status === null ? '---' : String(r.status);
        const moved = r.finalUrl ? ` → ${r.finalUrl}` : '';
        console.log(
          `${r.ok ? 'ok  ' : 'FAIL'}  ${r.source.padEnd(idWidth)}  ${r.role.padEnd(9)}  ${status}  ${r.url}${moved}  ${r.reason}`,
        );
      }
      console.log(
        `${total - failed.length} of ${total} start URLs answer as expected${failed.length ? `, ${failed.length} do not` : ''}` +
          (dead.length ? `; no start URL of ${dead.map((s) => s.id).join(', ')} answers` : ''),
      );
    });
}
