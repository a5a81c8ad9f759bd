/** `pantau fixture promote URL|ARCHIVE-KEY`: an archived page made into a golden page for a reviewer to correct. */
import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { promoteFixture } from '../fixture-promote.ts';

export function register(program: Command, cli: Cli): void {
  const fixture = program.command('fixture').description('make test fixtures from archived pages');
  fixture
    .command('promote')
    .description(
      'copy an archived page into fixtures/pages/<source>/<slug>/ with what Pantau reads from it today ' +
        '(expected.json: the article; report.json: the report), for a reviewer to correct',
    )
    .argument('<url-or-key>', 'the page: a URL it was archived under, or its archive key (24 hex characters)')
    .option('--pages-dir <dir>', 'where the golden pages live', 'fixtures/pages')
    .option('--source <name>', "the fixture's source folder (default: the page's source id, else its site)")
    .option('--slug <name>', "the fixture's folder (default: the last segment of the page's URL)")
    .option('--force', 'replace a fixture of the same name')
    .action((ref: string, opts: { pagesDir: string; source?: string; slug?: string; force?: boolean }) => {
      const r = promoteFixture(cli.dataDir(), ref, opts);
      for (const f of r.files) console.log(f);
      for (const n of r.notes) cli.info(`fixture: ${n}`);
      cli.info(
        'fixture: review expected.json (fill "boilerplate") and report.json against the page, then commit the folder',
      );
    });
}
