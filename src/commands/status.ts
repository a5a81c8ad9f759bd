import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Meilisearch } from 'meilisearch';
import { countArchived, listObservations } from '../archive.ts';
import type { Cli } from '../cli-kit.ts';
import { findRunning } from '../meili/embedded.ts';
import { describeLeases, liveLeases } from '../meili/lease.ts';
import { readReports, reportsFile } from '../report-store.ts';
import { describeWatch, watchStatus } from '../watch/state.ts';

interface IndexStatus {
  uid: string;
  documents: number;
  indexing: boolean;
}

async function indexStats(client: Meilisearch): Promise<{ indexes: IndexStatus[]; databaseSize: number }> {
  const stats = await client.getStats();
  return {
    indexes: Object.entries(stats.indexes).map(([uid, s]) => ({
      uid,
      documents: s.numberOfDocuments,
      indexing: s.isIndexing,
    })),
    databaseSize: stats.databaseSize,
  };
}

export function register(program: Command, cli: Cli): void {
  program
    .command('status')
    .description('show what is running, where the data lives, and the size of each index')
    .option('--no-start', 'do not start the embedded Meilisearch to read index sizes')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean; start: boolean }) => {
      const dir = cli.dataDir();
      const external = process.env.MEILI_URL;
      const running = external ? null : await findRunning(dir);
      const reports = existsSync(reportsFile(dir)) ? readReports(dir) : [];
      const status = {
        dataDir: dir.root,
        meilisearch: external
          ? { mode: 'external', url: external }
          : running
            ? {
                mode: 'embedded',
                running: true,
                url: running.url,
                pid: running.pid,
                since: running.startedAt,
                usedBy: liveLeases(dir.meili).map((l) => ({ command: l.command, pid: l.pid })),
              }
            : { mode: 'embedded', running: false },
        archive: { pages: countArchived(dir), observations: listObservations(dir).length },
        reports: { total: reports.length, incidents: reports.filter((r) => r.is_incident).length },
        watch: watchStatus(dir),
        indexes: null as IndexStatus[] | null,
        databaseSize: null as number | null,
      };
      if (external || running || opts.start) {
        // Commands that need Meilisearch start it on demand (and stop it after); status does too, to count.
        Object.assign(status, await cli.withMeili((conn) => indexStats(conn.client)));
      }
      if (opts.json) {
        console.log(JSON.stringify(status, null, 2));
        return;
      }
      console.log(`data dir     ${dir.root}`);
      if (external) console.log(`meilisearch  external at ${external}`);
      else if (running) {
        console.log(`meilisearch  running at ${running.url} (pid ${running.pid}, since ${running.startedAt})`);
        const users = liveLeases(dir.meili).filter((l) => l.pid !== process.pid);
        if (users.length) console.log(`             in use by ${describeLeases(users)}`);
      } else
        console.log(`meilisearch  not running (started on demand by commands that need it; \`pantau up\` keeps it up)`);
      console.log(
        `archive      ${status.archive.pages} pages, ${status.archive.observations} SPSE error observations (${dir.archive})`,
      );
      console.log(
        `reports      ${status.reports.total} reports, ${status.reports.incidents} about an outage (${reportsFile(dir)})`,
      );
      for (const [i, line] of describeWatch(status.watch).entries())
        console.log(`${i ? '             ' : 'watch        '}${line}`);
      if (status.indexes === null) console.log('indexes      (not read: --no-start)');
      else if (!status.indexes.length) console.log('indexes      none yet (run pantau index)');
      for (const i of status.indexes ?? []) {
        console.log(`index        ${i.uid}: ${i.documents} documents${i.indexing ? ' (indexing)' : ''}`);
      }
      if (status.databaseSize !== null)
        console.log(`database     ${(status.databaseSize / 1e6).toFixed(1)} MB (${dir.meili})`);
    });
}
