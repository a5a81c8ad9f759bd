/**
 * `pantau index`: reads the report store, merges syndicated copies, groups reports into incidents (keeping the
 * previous run's ids), saves the incidents, and brings the Meilisearch indexes up to date: a zero-downtime
 * rebuild when needed, otherwise an upsert of what changed.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Cli, wholeNumber } from '../cli-kit.ts';
import { DEFAULT_INDEXES, dropStaleBuilds } from '../kb/indexer.ts';
import { syncIndexes } from '../kb/run.ts';
import { reportsFile } from '../report-store.ts';

export function register(program: Command, cli: Cli): void {
  program
    .command('index')
    .description('group the stored reports into incidents and index both in Meilisearch (prints counts)')
    .option('--rebuild', 'rebuild both indexes from scratch (swapped in without downtime)')
    .option('--gap-days <n>', 'reports of one LPSE at most this many days apart are one outage (default 7)')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { rebuild?: boolean; gapDays?: string; json?: boolean }) => {
      const gapDays = opts.gapDays === undefined ? 7 : wholeNumber('--gap-days', opts.gapDays, 0, 365);
      const dir = cli.dataDir();
      if (!existsSync(reportsFile(dir))) cli.info(`no reports in ${reportsFile(dir)} yet: the indexes will be empty`);
      const counts = await cli.withMeili(async (conn) => {
        // Whatever this run does (even nothing), build indexes of a run killed before its swap are removed.
        await dropStaleBuilds(conn.client, DEFAULT_INDEXES, (l) => cli.info(l));
        return syncIndexes(conn.client, dir, { gapDays, rebuild: opts.rebuild, log: (l) => cli.info(l) });
      });
      if (opts.json) {
        console.log(JSON.stringify(counts, null, 2));
        return;
      }
      console.log(
        `${counts.reports} reports (${counts.duplicatesMerged} syndicated copies merged, ${counts.incidentReports} about an outage)`,
      );
      console.log(
        `${counts.incidents} incidents, ${counts.national} of them national with ${counts.nationalChildren} affected LPSEs`,
      );
      console.log(`index: ${counts.index} in ${(counts.indexMs / 1000).toFixed(1)} s`);
    });
}
