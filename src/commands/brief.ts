import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { messageOf, UserError } from '../errors.ts';
import { type Lang, todayWib } from '../i18n.ts';
import { openSeries, seriesFile } from '../series/store.ts';
import { BadRequest, checkDate } from '../web/validate.ts';

interface BriefOptions {
  regency?: string;
  province?: string;
  from?: string;
  to?: string;
  format?: string;
  lang: string;
  out?: string;
}

/**
 * Registers `pantau brief`. Long because it is one commander chain: the options and their help text, read top to
 * bottom as `--help` prints them, then its action.
 */
export function register(program: Command, cli: Cli): void {
  program
    .command('brief')
    .description('a printable hearing brief (dossier) for a kabupaten/kota or province: md, html or pdf')
    .option('--regency <name>', 'kabupaten/kota, as officially named, e.g. "Kabupaten Luwu Utara"')
    .option('--province <name>', 'province, e.g. "Sulawesi Selatan"')
    .option('--from <date>', 'first day of the period, YYYY-MM-DD')
    .option('--to <date>', 'last day of the period, YYYY-MM-DD')
    .option('--format <fmt>', 'md | html | pdf (default: from --out, else md)')
    .option('--lang <lang>', 'id (Bahasa Indonesia) or en', 'id')
    .option('--out <file>', 'where to write it ("-" for standard output; not for pdf)')
    .action(async (opts: BriefOptions) => {
      if (Boolean(opts.regency) === Boolean(opts.province)) throw new UserError('give either --regency or --province');
      const format = opts.format ?? /\.(md|html|pdf)$/i.exec(opts.out ?? '')?.[1]?.toLowerCase() ?? 'md';
      if (format !== 'md' && format !== 'html' && format !== 'pdf')
        throw new UserError('--format must be md, html or pdf');
      if (opts.lang !== 'id' && opts.lang !== 'en') throw new UserError('--lang must be id or en');
      if (!opts.out) throw new UserError('--out FILE is required (or "-" for standard output)');
      if (format === 'pdf' && opts.out === '-') throw new UserError('a PDF needs --out FILE');
      try {
        if (opts.from) checkDate(opts.from, '--from');
        if (opts.to) checkDate(opts.to, '--to');
      } catch (err) {
        throw new UserError(err instanceof BadRequest ? err.message : messageOf(err));
      }
      if (opts.from && opts.to && opts.from > opts.to) throw new UserError('--from is after --to');
      const lang = opts.lang as Lang;
      // Loaded here, not at start-up: the brief pulls in the web reader and Chromium's driver.
      const [
        { buildBrief },
        { loadBriefInput },
        { printPdf },
        { briefTitle, renderBriefHtml, renderBriefMarkdown },
        web,
      ] = await Promise.all([
        import('../brief/build.ts'),
        import('../brief/load.ts'),
        import('../brief/pdf.ts'),
        import('../brief/render.ts'),
        import('../web/kb.ts'),
      ]);
      const dir = cli.dataDir();
      await cli.withMeili(async (conn) => {
        const kb = web.meiliKbReader(conn.client);
        const area = opts.regency ? { regency: [opts.regency] } : { province: [opts.province ?? ''] };
        const ever = await kb.search({ ...area, includeChildren: true, limit: 1 });
        if (ever.total === 0) {
          const facet = opts.regency ? 'regency' : 'province';
          const all = await kb.search({ includeChildren: true, limit: 1 });
          const known = Object.keys(all.facets[facet] ?? {});
          const wanted = (opts.regency ?? opts.province ?? '').toLowerCase();
          const close = known.filter((k) => {
            const words = wanted
              .split(/\s+/)
              .filter((w) => w.length > 3 && !['kabupaten', 'kota', 'provinsi'].includes(w));
            return words.some((w) => k.toLowerCase().includes(w));
          });
          throw new UserError(
            `no incident of ${opts.regency ?? opts.province} in the knowledge base${
              close.length
                ? `; did you mean ${close
                    .slice(0, 3)
                    .map((k) => `"${k}"`)
                    .join(', ')}?`
                : known.length
                  ? ` (${known.length} ${facet === 'regency' ? 'regencies' : 'provinces'} are known)`
                  : ': run `pantau index` first'
            }`,
          );
        }
        const input = await loadBriefInput(
          kb,
          { regency: opts.regency, province: opts.province, from: opts.from, to: opts.to },
          {
            generated: todayWib(Date.now()),
            // the deadline section, when the data dir has probe data
            series: existsSync(seriesFile(dir.root)) ? () => openSeries(dir.root, { mode: 'read' }) : undefined,
          },
        );
        const brief = buildBrief(input);
        cli.info(
          `brief: ${brief.summary.incidents} incidents, ${brief.questions.length} questions, ${brief.sources.length} sources`,
        );
        if (format === 'md' || format === 'html') {
          const text = format === 'md' ? renderBriefMarkdown(brief, lang) : renderBriefHtml(brief, lang);
          if (opts.out === '-') process.stdout.write(text);
          else writeFileSync(opts.out as string, text);
        } else {
          const pdf = await printPdf(renderBriefHtml(brief, lang), { footer: briefTitle(brief, lang) });
          writeFileSync(opts.out as string, pdf);
        }
        if (opts.out !== '-') cli.info(`wrote ${opts.out}`);
      });
    });
}
