/**
 * `pantau index`: reads the report store, merges syndicated copies, groups reports into incidents (keeping the
 * previous run's ids), saves the incidents, and brings the Meilisearch indexes up to date: a zero-downtime
 * rebuild when needed, otherwise an upsert of what changed.
 */
import type { Command } from 'commander';
import type { Meilisearch } from 'meilisearch';
import type { Cli } from '../cli-kit.ts';
import { kbClient } from '../kb/client.ts';
import { UserError } from '../errors.ts';
import { DEFAULT_INDEXES, rebuildIndexes, upsertIncidents } from '../kb/indexer.ts';
import { readIncidents, readIndexState, writeIncidents, writeIndexState } from '../kb/store.ts';
import { buildKnowledgeBase, indexStateOf, planSync } from '../kb/sync.ts';
import { readReports, reportsFile } from '../store.ts';

async function countOf(client: Meilisearch, uid: string): Promise<number | null> {
  try {
    return (await client.index(uid).getStats()).numberOfDocuments;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return null;
    throw err;
  }
}

export function register(program: Command, cli: Cli): void {
  program
    .command('index')
    .description('group the stored reports into incidents and index both in Meilisearch (prints counts)')
    .option('--rebuild', 'rebuild both indexes from scratch (swapped in without downtime)')
    .option('--gap-days <n>', 'reports of one LPSE at most this many days apart are one outage (default 7)')
    .option('--json', 'print the counts as JSON')
    .action(async (opts: { rebuild?: boolean; gapDays?: string; json?: boolean }) => {
      const gapDays = opts.gapDays === undefined ? 7 : Number(opts.gapDays);
      if (!Number.isInteger(gapDays) || gapDays < 0 || gapDays > 365) {
        throw new UserError(`--gap-days must be a whole number from 0 to 365, not ${opts.gapDays}`);
      }
      const dir = cli.dataDir();
      const stored = readReports(dir);
      if (!stored.length) cli.info(`no reports in ${reportsFile(dir)} yet: the indexes will be empty`);
      const t0 = performance.now();
      const kb = buildKnowledgeBase(stored, readIncidents(dir), { gapDays });
      const groupMs = performance.now() - t0;
      const parents = kb.incidents.filter((i) => i.scope === 'national' && !i.parent_id);
      const counts = {
        reports: stored.length,
        duplicatesMerged: kb.duplicates,
        incidentReports: kb.reports.filter((r) => r.is_incident).length,
        incidents: kb.incidents.filter((i) => !i.parent_id).length,
        national: parents.length,
        nationalChildren: kb.incidents.length - kb.incidents.filter((i) => !i.parent_id).length,
        groupMs: Math.round(groupMs),
        index: '' as string,
        indexMs: 0,
      };
      await cli.withMeili(async (conn) => {
        const client = kbClient(conn);
        const t1 = performance.now();
        const live = {
          incidents: await countOf(client, DEFAULT_INDEXES.incidents),
          reports: await countOf(client, DEFAULT_INDEXES.reports),
        };
        const plan = opts.rebuild
          ? ({ kind: 'rebuild', reason: '--rebuild' } as const)
          : planSync(kb.docs, readIndexState(dir), live);
        if (plan.kind === 'rebuild') {
          cli.info(`rebuilding the indexes (${plan.reason})…`);
          await rebuildIndexes(client, kb.docs);
          counts.index = `rebuilt (${plan.reason})`;
        } else if (plan.kind === 'upsert') {
          const r = await upsertIncidents(client, plan);
          counts.index = `updated ${r.upserted.incidents} incidents and ${r.upserted.reports} reports, removed ${r.deleted.incidents} incidents and ${r.deleted.reports} reports`;
        } else {
          counts.index = 'already up to date';
        }
        counts.indexMs = Math.round(performance.now() - t1);
      });
      // Saved only once the index has them: a failed run leaves the previous ids and state in place.
      writeIncidents(dir, kb.incidents);
      writeIndexState(dir, indexStateOf(kb.docs));
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
