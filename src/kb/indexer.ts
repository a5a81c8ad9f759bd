/**
 * Writing the knowledge base to Meilisearch: a full rebuild goes into fresh indexes that are swapped in
 * atomically (one `swapIndexes` call for both), so a search never sees a half-built index; small changes are
 * upserted into the live indexes. Every write waits for its task and fails loudly (waitOk).
 */
import { hostname } from 'node:os';
import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import { sha256hex } from '../hash.ts';
import { processRunning, processStart } from '../meili/lease.ts';
import { waitOk } from '../meili/tasks.ts';
import type { Incident, Report } from '../../types/index.ts';
import { type IndexDocument, type ReportDocument, toDocument, toDocumentId, toReportDocument } from './document.ts';
import { applySettings, loadIndexConfig } from './settings.ts';

/** The uids of the two live indexes (tests and the bench use their own). */
export interface IndexNames {
  incidents: string;
  reports: string;
}

export const DEFAULT_INDEXES: IndexNames = { incidents: 'incidents', reports: 'reports' };

/** Documents per addDocuments request: large enough to keep HTTP overhead small, small enough for memory. */
const BATCH = 5000;

export interface KbDocuments {
  incidents: IndexDocument[];
  reports: ReportDocument[];
}

/**
 * Builds the documents of both indexes: every incident, and every report with the ids of its incidents.
 *
 * @example buildDocuments(groupIncidents(reports), reports).incidents.length
 */
export function buildDocuments(incidents: readonly Incident[], reports: readonly Report[]): KbDocuments {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const incidentsOf = new Map<string, string[]>();
  for (const inc of incidents) {
    for (const rid of inc.report_ids) {
      const list = incidentsOf.get(rid);
      if (list) list.push(inc.id);
      else incidentsOf.set(rid, [inc.id]);
    }
  }
  return {
    incidents: incidents.map((inc) => toDocument(inc, byId)),
    reports: reports.map((r) => toReportDocument(r, incidentsOf.get(r.id) ?? [])),
  };
}

/**
 * Sends documents in batches, one request at a time (many large bodies at once make the server drop
 * connections); returns the enqueued tasks. Meilisearch merges queued batches of one index into few runs.
 */
async function sendAll(client: Meilisearch, uid: string, docs: readonly object[]): Promise<EnqueuedTaskPromise[]> {
  const index = client.index(uid);
  const pending: EnqueuedTaskPromise[] = [];
  for (let i = 0; i < docs.length; i += BATCH) {
    const task = index.addDocuments(docs.slice(i, i + BATCH) as Record<string, unknown>[], { primaryKey: 'id' });
    await task;
    pending.push(task);
  }
  return pending;
}

/** Sends the documents of both indexes, then waits for every task (failing on the first failed one). */
async function addAll(client: Meilisearch, batches: Array<[string, readonly object[]]>): Promise<void> {
  const pending: EnqueuedTaskPromise[] = [];
  for (const [uid, docs] of batches) pending.push(...(await sendAll(client, uid, docs)));
  for (const p of pending) await waitLongTask(client, p);
}

/**
 * Waits for a long task (indexing thousands of documents) by polling its status every 250 ms, then confirms it
 * through waitOk, which throws unless it succeeded. waitOk alone polls every 25 ms, and the client adds an abort
 * listener per poll: over minutes that is thousands of listeners and as many warnings.
 */
export async function waitLongTask(client: Meilisearch, pending: EnqueuedTaskPromise, timeoutMs = 1_800_000) {
  const { taskUid } = await pending;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await client.tasks.getTask(taskUid);
    if (task.status !== 'enqueued' && task.status !== 'processing') break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return waitOk(pending, 10_000);
}

async function exists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.getRawIndex(uid);
    return true;
  } catch (err) {
    if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
    throw err;
  }
}

/** Creates an index if missing and applies its settings idempotently; returns the changed setting keys. */
export async function ensureIndex(client: Meilisearch, uid: string, kind: 'incidents' | 'reports'): Promise<string[]> {
  if (!(await exists(client, uid))) await waitOk(client.createIndex(uid, { primaryKey: 'id' }));
  return applySettings(client.index(uid), loadIndexConfig(kind));
}

/** A build index older than this was left by a rebuild that died before its swap (when its owner cannot be told). */
const STALE_BUILD_MS = 6 * 3600_000;

/** This machine, in build index names: a pid means something only on the machine it ran on (MEILI_URL is shared). */
const HOST_TAG = sha256hex(hostname()).slice(0, 6);

/**
 * The name of a build index: `<name>__build_<time><rand>_<pid>_<start>_<host>`, which says when it was started
 * and by which process, so a later run can tell a dead run's leftovers from a live run's work.
 *
 * @example buildName('incidents') // "incidents__build_mf3k2a1x9q2b_48213_8812345_a1b2c3"
 */
export function buildName(name: string, stamp: string): string {
  return `${name}__build_${stamp}_${process.pid}_${processStart(process.pid) ?? 'x'}_${HOST_TAG}`;
}

/** Build indexes this process is filling right now. */
const buildsUnderWay = new Set<string>();

/** Is the build index `uid` (of live index `name`) left by a run that is gone? */
export function isDeadBuild(uid: string, name: string, now = Date.now()): boolean {
  const prefix = `${name}__build_`;
  if (!uid.startsWith(prefix)) return false;
  const [stamp = '', pid, start, host] = uid.slice(prefix.length).split('_');
  const started = Number.parseInt(stamp.slice(0, -4), 36);
  if (Number.isFinite(started) && now - started > STALE_BUILD_MS) return true;
  // A build of this machine whose process is gone (or is this one, which has no build under way when it looks).
  if (host !== HOST_TAG || !pid) return false;
  const p = Number(pid);
  if (p === process.pid && start === (processStart(p) ?? 'x')) return !buildsUnderWay.has(uid);
  return !processRunning(p) || (start !== 'x' && processStart(p) !== start);
}

/**
 * Deletes build indexes a rebuild left behind when it was killed before its clean-up (kill -9 of Pantau, or its
 * Meilisearch dying): those of a process that is gone at once, any older than six hours. Tasks such a run left
 * queued are cancelled first: a Meilisearch restarted after a kill goes on with its queue, and would otherwise
 * create the build again after it is deleted, or swap a half-built one in.
 */
export async function dropStaleBuilds(
  client: Meilisearch,
  names: IndexNames,
  log?: (line: string) => void,
): Promise<void> {
  const dead = (uid: string | null | undefined) =>
    typeof uid === 'string' && (isDeadBuild(uid, names.incidents) || isDeadBuild(uid, names.reports));
  const pending = await client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1000 });
  const orphans = pending.results.filter((t) => {
    const swaps = (t.details as { swaps?: Array<{ indexes: string[] }> } | undefined)?.swaps ?? [];
    return dead(t.indexUid) || swaps.some((sw) => sw.indexes.some(dead));
  });
  if (orphans.length) await waitOk(client.tasks.cancelTasks({ uids: orphans.map((t) => t.uid) }));
  const { results } = await client.getRawIndexes({ limit: 1000 });
  for (const { uid } of results) {
    if (!dead(uid)) continue;
    log?.(`deleting ${uid}, left by an index run that did not finish`);
    await waitOk(client.deleteIndex(uid));
  }
}

export interface RebuildResult {
  incidents: number;
  reports: number;
  ms: number;
}

/**
 * Rebuilds both indexes from scratch without downtime: fresh indexes `<name>__build_<time>` get the settings first
 * (so documents are indexed once), then the documents; one atomic `swapIndexes` puts them live, and the previous
 * indexes (now under the build names) are deleted. A failure before the swap leaves the live indexes untouched.
 */
export async function rebuildIndexes(
  client: Meilisearch,
  docs: KbDocuments,
  names: IndexNames = DEFAULT_INDEXES,
  log?: (line: string) => void,
): Promise<RebuildResult> {
  const t0 = performance.now();
  await dropStaleBuilds(client, names, log);
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`;
  const build: IndexNames = { incidents: buildName(names.incidents, stamp), reports: buildName(names.reports, stamp) };
  buildsUnderWay.add(build.incidents);
  buildsUnderWay.add(build.reports);
  try {
    await Promise.all([
      ensureIndex(client, build.incidents, 'incidents'),
      ensureIndex(client, build.reports, 'reports'),
    ]);
    await addAll(client, [
      [build.incidents, docs.incidents],
      [build.reports, docs.reports],
    ]);
    const [liveIncidents, liveReports] = await Promise.all([
      exists(client, names.incidents),
      exists(client, names.reports),
    ]);
    // Both swaps in one task: readers see the old pair or the new pair, never a mix. A missing live index is
    // created by renaming the build.
    // A rename moves the first index to the second name, which must be free.
    const swap = (live: string, fresh: string, liveExists: boolean) =>
      liveExists
        ? { indexes: [live, fresh] as [string, string], rename: false }
        : { indexes: [fresh, live] as [string, string], rename: true };
    await waitOk(
      client.swapIndexes([
        swap(names.incidents, build.incidents, liveIncidents),
        swap(names.reports, build.reports, liveReports),
      ]),
    );
  } finally {
    // After the swap the build names hold the old data; before it, a half-built index. Either way: gone.
    buildsUnderWay.delete(build.incidents);
    buildsUnderWay.delete(build.reports);
    for (const uid of [build.incidents, build.reports]) {
      if (await exists(client, uid)) await waitOk(client.deleteIndex(uid));
    }
  }
  return { incidents: docs.incidents.length, reports: docs.reports.length, ms: performance.now() - t0 };
}

export interface UpsertResult {
  upserted: { incidents: number; reports: number };
  deleted: { incidents: number; reports: number };
  settingsChanged: string[];
}

/**
 * Upserts changed documents into the live indexes and deletes gone ones (incidents absorbed into another, reports
 * no longer stored). Settings are brought up to date first (a no-op when unchanged).
 */
export async function upsertIncidents(
  client: Meilisearch,
  changes: { upsert: KbDocuments; deleteIncidentIds?: string[]; deleteReportIds?: string[] },
  names: IndexNames = DEFAULT_INDEXES,
): Promise<UpsertResult> {
  const settingsChanged = [
    ...(await ensureIndex(client, names.incidents, 'incidents')),
    ...(await ensureIndex(client, names.reports, 'reports')),
  ];
  await addAll(client, [
    [names.incidents, changes.upsert.incidents],
    [names.reports, changes.upsert.reports],
  ]);
  const delInc = (changes.deleteIncidentIds ?? []).map(toDocumentId);
  const delRep = (changes.deleteReportIds ?? []).map(toDocumentId);
  if (delInc.length) await waitOk(client.index(names.incidents).deleteDocuments(delInc));
  if (delRep.length) await waitOk(client.index(names.reports).deleteDocuments(delRep));
  return {
    upserted: { incidents: changes.upsert.incidents.length, reports: changes.upsert.reports.length },
    deleted: { incidents: delInc.length, reports: delRep.length },
    settingsChanged,
  };
}
