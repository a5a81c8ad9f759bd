/**
 * The `probe` reports of a data dir, for the knowledge base: its episodes with their probe rows, read from the
 * probe database (read-only), made into reports by `toProbeReports`. No probe database yet: no reports.
 */
import { existsSync } from 'node:fs';
import type { Report } from '../../types/index.ts';
import { instanceInfo } from './instances.ts';
import { type ProbeReportOptions, toProbeReports } from './probe-reports.ts';
import { openSeries, seriesFile } from './store.ts';

/**
 * @example const reports = [...readReports(dir), ...(await readProbeReports(dir.root))]; groupIncidents(reports)
 */
export async function readProbeReports(dataDir: string, opts: ProbeReportOptions = {}): Promise<Report[]> {
  if (!existsSync(seriesFile(dataDir))) return [];
  const store = await openSeries(dataDir, { mode: 'read' });
  try {
    const found = await store.episodesWithProbes(opts.minMinutes ?? 30);
    const rows = new Map(found.map((f) => [f.episode.id, f.rows]));
    return toProbeReports(
      found.map((f) => f.episode),
      (e) => rows.get(e.id) ?? [],
      instanceInfo,
      opts,
    );
  } finally {
    await store.close();
  }
}
