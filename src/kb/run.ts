/**
 * The index step of the pipeline, shared by `pantau index` and `pantau demo`: stored reports → incidents (ids
 * kept from the last run) → Meilisearch, by a zero-downtime rebuild or an upsert of what changed. The incidents
 * and the index state are saved only once the index has them, so a failed run leaves the previous ones in place.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { DataDir } from '../config.ts';
import { withLock } from '../lock.ts';
import { readReports } from '../report-store.ts';
import { DEFAULT_INDEXES, rebuildIndexes, upsertIncidents } from './indexer.ts';
import { readIncidents, readIndexState, writeIncidents, writeIndexState } from './incident-store.ts';
import { buildKnowledgeBase, indexStateOf, planSync } from './sync.ts';

export interface IndexRunCounts {
  reports: number;
  duplicatesMerged: number;
  incidentReports: number;
  incidents: number;
  national: number;
  nationalChildren: number;
  groupMs: number;
  index: string;
  indexMs: number;
}

async function countOf(client: Meilisearch, uid: string): Promise<number | null> {
  try {
    return (await client.index(uid).getStats()).numberOfDocuments;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return null;
    throw err;
  }
}

/** Groups the stored reports and brings the indexes up to date; returns what it did. */
export function syncIndexes(
  client: Meilisearch,
  dir: DataDir,
  opts: { gapDays?: number; rebuild?: boolean; log?: (line: string) => void } = {},
): Promise<IndexRunCounts> {
  // Two runs at once would each keep incident ids the other is replacing.
  return withLock(
    join(dir.root, 'locks', 'index.lock'),
    (holder) => `another pantau index (${holder}) is indexing this data dir; wait for it to finish`,
    () => syncUnlocked(client, dir, opts),
  );
}

async function syncUnlocked(
  client: Meilisearch,
  dir: DataDir,
  opts: { gapDays?: number; rebuild?: boolean; log?: (line: string) => void },
): Promise<IndexRunCounts> {
  // the outage episodes Pantau's own probes saw, as reports beside the news (DuckDB is loaded only when the data
  // dir has a probe database)
  const probed = existsSync(join(dir.root, 'series'))
    ? await (await import('../series/kb-reports.ts')).readProbeReports(dir.root)
    : [];
  const stored = [...readReports(dir), ...probed];
  if (probed.length) opts.log?.(`index: ${probed.length} outage episodes from the probes`);
  const t0 = performance.now();
  const kb = buildKnowledgeBase(stored, readIncidents(dir), { gapDays: opts.gapDays ?? 7 });
  const groupMs = performance.now() - t0;
  const topLevel = kb.incidents.filter((i) => !i.parent_id);
  const counts: IndexRunCounts = {
    reports: stored.length,
    duplicatesMerged: kb.duplicates,
    incidentReports: kb.reports.filter((r) => r.is_incident).length,
    incidents: topLevel.length,
    national: topLevel.filter((i) => i.scope === 'national').length,
    nationalChildren: kb.incidents.length - topLevel.length,
    groupMs: Math.round(groupMs),
    index: '',
    indexMs: 0,
  };
  const t1 = performance.now();
  const live = {
    incidents: await countOf(client, DEFAULT_INDEXES.incidents),
    reports: await countOf(client, DEFAULT_INDEXES.reports),
  };
  const plan = opts.rebuild
    ? ({ kind: 'rebuild', reason: '--rebuild' } as const)
    : planSync(kb.docs, readIndexState(dir), live);
  if (plan.kind === 'rebuild') {
    opts.log?.(`rebuilding the indexes (${plan.reason})…`);
    await rebuildIndexes(client, kb.docs);
    counts.index = `rebuilt (${plan.reason})`;
  } else if (plan.kind === 'upsert') {
    const r = await upsertIncidents(client, plan);
    counts.index = `updated ${r.upserted.incidents} incidents and ${r.upserted.reports} reports, removed ${r.deleted.incidents} incidents and ${r.deleted.reports} reports`;
  } else {
    counts.index = 'already up to date';
  }
  counts.indexMs = Math.round(performance.now() - t1);
  writeIncidents(dir, kb.incidents);
  writeIndexState(dir, indexStateOf(kb.docs));
  return counts;
}
