/**
 * `pantau extract FILE.html|FILE.txt [--url U] [--published YYYY-MM-DD]`: one report as JSON.
 * `pantau extract --jsonl FILE|-`: one report per `{"id","url","text"|"html","published"?}` line, same id.
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';

interface ExtractOpts {
  jsonl?: string;
  url?: string;
  published?: string;
  all?: boolean;
}

export function register(program: Command, cli: Cli): void {
  program
    .command('extract [file]')
    .description(
      'extract incident reports: from one HTML/text file, from JSON Lines (--jsonl), or from every archived page',
    )
    .option(
      '--jsonl <input>',
      'read {"id","url","text"|"html","published"?} lines (id: a non-empty string) from a file or - (stdin)',
    )
    .option('--url <url>', 'the page URL of FILE (for its id, host and region hints)')
    .option('--published <date>', 'publication date of FILE, YYYY-MM-DD')
    .option('--all', 'with no file: re-extract every archived page, not only new or changed ones')
    .action(async (file: string | undefined, opts: ExtractOpts) => {
      // loaded here, not at the top: the extractors (chrono, franc, the gazetteer) are not needed by other commands
      const { extractFile, extractJsonl, openJsonl } = await import('../extract-files.ts');
      if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published))
        throw new UserError(`--published must be YYYY-MM-DD, got "${opts.published}"`);
      if (opts.jsonl) {
        if (file) throw new UserError('give either FILE or --jsonl, not both');
        if (opts.jsonl !== '-' && !existsSync(opts.jsonl))
          throw new UserError(`cannot read ${opts.jsonl}: no such file`);
        if (opts.jsonl !== '-' && statSync(opts.jsonl).isDirectory())
          throw new UserError(`cannot read ${opts.jsonl}: is a directory`);
        const stats = await extractJsonl(openJsonl(opts.jsonl), process.stdout, process.stderr);
        cli.info(
          `extract: ${stats.reports} reports from ${stats.lines} lines${stats.failed ? `, ${stats.failed} failed` : ''}`,
        );
        if (stats.failed) process.exitCode = 1;
        return;
      }
      if (file) {
        const report = extractFile(file, { url: opts.url, published: opts.published });
        // `pantau extract x.html | head`: the reader leaving early is not an error
        process.stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EPIPE') throw e;
        });
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      // No file: everything archived (the crawler's archive → the report store).
      const { extractArchived } = await import('../extract-archived.ts');
      const stats = extractArchived(cli.dataDir(), { log: (l) => cli.info(l), all: Boolean(opts.all) });
      // further pages of paginated articles ("Halaman 2") are joined onto their first page, not reported alone
      const parts = stats.parts ? `, ${stats.parts} further pages joined onto their articles` : '';
      cli.info(
        `extract: ${stats.extracted} extracted (${stats.incidents} incidents), ${stats.unchanged} unchanged${parts}`,
      );
      if (stats.failed.length) process.exitCode = 1;
    });
}
