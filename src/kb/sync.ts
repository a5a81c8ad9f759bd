/**
 * Reports → incidents → documents, and what to do with the index: a full rebuild (first run, changed settings,
 * or many changes) or an upsert of the documents whose content changed. Pure: the caller does the I/O.
 */
import { createHash } from 'node:crypto';
import type { Incident, Report } from '../../types/index.ts';
import { type DedupedReport, dedupeReports } from './dedupe.ts';
import { type KbDocuments, buildDocuments } from './indexer.ts';
import { type GroupOptions, groupIncidents } from './group.ts';
import { loadIndexConfig } from './settings.ts';
import type { IndexState } from './incident-store.ts';

export interface KnowledgeBase {
  reports: DedupedReport[];
  incidents: Incident[];
  docs: KbDocuments;
  /** How many stored reports were folded into another as syndicated copies. */
  duplicates: number;
}

/**
 * The whole pure chain: duplicate merging, grouping (reusing the previous incidents' ids) and documents.
 *
 * @example buildKnowledgeBase(readReports(dir), readIncidents(dir)).incidents.length
 */
export function buildKnowledgeBase(
  stored: readonly Report[],
  previous: readonly Incident[] = [],
  opts: GroupOptions = {},
): KnowledgeBase {
  const reports = dedupeReports(stored);
  const incidents = groupIncidents(reports, previous, opts);
  return { reports, incidents, docs: buildDocuments(incidents, reports), duplicates: stored.length - reports.length };
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 20);

/** The hash of the index settings in index-config/: a change means a rebuild. */
export function settingsHash(): string {
  return sha1(JSON.stringify([loadIndexConfig('incidents'), loadIndexConfig('reports')]));
}

export function indexStateOf(docs: KbDocuments): IndexState {
  const hashes = (list: Array<{ id: string }>) => Object.fromEntries(list.map((d) => [d.id, sha1(JSON.stringify(d))]));
  return { settings: settingsHash(), incidents: hashes(docs.incidents), reports: hashes(docs.reports) };
}

export type SyncPlan =
  | { kind: 'rebuild'; reason: string }
  | { kind: 'upsert'; upsert: KbDocuments; deleteIncidentIds: string[]; deleteReportIds: string[] }
  | { kind: 'none' };

/** Past this share of changed documents a rebuild (fresh index + swap) is cheaper than upserting. */
const REBUILD_SHARE = 0.5;

/**
 * Decides between rebuild and upsert by comparing document hashes with the last run's. `liveCounts` are the
 * document counts the live indexes report (null when an index is missing): a mismatch means the index and the
 * state file diverged, and only a rebuild is safe.
 */
export function planSync(
  docs: KbDocuments,
  state: IndexState | null,
  liveCounts: { incidents: number | null; reports: number | null },
): SyncPlan {
  if (!state) return { kind: 'rebuild', reason: 'first index' };
  if (liveCounts.incidents === null || liveCounts.reports === null) return { kind: 'rebuild', reason: 'index missing' };
  if (state.settings !== settingsHash()) return { kind: 'rebuild', reason: 'index settings changed' };
  if (
    liveCounts.incidents !== Object.keys(state.incidents).length ||
    liveCounts.reports !== Object.keys(state.reports).length
  ) {
    return { kind: 'rebuild', reason: 'index out of step with the last run' };
  }
  const next = indexStateOf(docs);
  const changed = <T extends { id: string }>(
    list: T[],
    before: Record<string, string>,
    after: Record<string, string>,
  ) => list.filter((d) => before[d.id] !== after[d.id]);
  const upsert: KbDocuments = {
    incidents: changed(docs.incidents, state.incidents, next.incidents),
    reports: changed(docs.reports, state.reports, next.reports),
  };
  const deleteIncidentIds = Object.keys(state.incidents).filter((id) => !(id in next.incidents));
  const deleteReportIds = Object.keys(state.reports).filter((id) => !(id in next.reports));
  const total = docs.incidents.length + docs.reports.length;
  const moves = upsert.incidents.length + upsert.reports.length + deleteIncidentIds.length + deleteReportIds.length;
  if (!moves) return { kind: 'none' };
  if (total && moves / total > REBUILD_SHARE)
    return { kind: 'rebuild', reason: `${moves} of ${total} documents changed` };
  return { kind: 'upsert', upsert, deleteIncidentIds, deleteReportIds };
}
