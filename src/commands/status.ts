import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { Meilisearch } from 'meilisearch';
import { connectMeili, findRunning, readMasterKey } from '../meili/embedded.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function register(program: Command, cli: Cli): void {
  program
    .command('status')
    .description('show what is running, where the data lives, and the size of each index')
    .option('--json', 'print as JSON')
    .action(async (opts: { json?: boolean }) => {
      const dir = cli.dataDir();
      const external = process.env.MEILI_URL;
      const running = external ? null : await findRunning(dir);
      const status: Record<string, unknown> = {
        dataDir: dir.root,
        meilisearch: external
          ? { mode: 'external', url: external }
          : running
            ? { mode: 'embedded', url: running.url, pid: running.pid, since: running.startedAt }
            : { mode: 'embedded', running: false },
        archive: { pages: countFiles(dir.archive) },
        reports: existsSync(join(dir.reports, 'reports.jsonl')) ? statSync(join(dir.reports, 'reports.jsonl')).size : 0,
      };
      let indexes: Array<{ uid: string; documents: number; indexing: boolean }> = [];
      const url = external ?? running?.url;
      if (url) {
        // For MEILI_URL, connectMeili checks reachability and the key, and starts nothing.
        const client = external
          ? (await connectMeili(dir)).client
          : new Meilisearch({ host: url, apiKey: readMasterKey(dir) });
        const stats = await client.getStats();
        indexes = Object.entries(stats.indexes).map(([uid, s]) => ({
          uid,
          documents: s.numberOfDocuments,
          indexing: s.isIndexing,
        }));
        status.indexes = indexes;
        status.databaseSize = stats.databaseSize;
      }
      if (opts.json) {
        console.log(JSON.stringify(status, null, 2));
        return;
      }
      console.log(`data dir     ${dir.root}`);
      if (external) console.log(`meilisearch  external at ${external}`);
      else if (running)
        console.log(`meilisearch  running at ${running.url} (pid ${running.pid}, since ${running.startedAt})`);
      else console.log('meilisearch  not running (commands that need it start it on demand; `pantau up` keeps it up)');
      console.log(`archive      ${(status.archive as { pages: number }).pages} pages`);
      if (url) {
        if (!indexes.length) console.log('indexes      none');
        for (const i of indexes)
          console.log(`index        ${i.uid}: ${i.documents} documents${i.indexing ? ' (indexing)' : ''}`);
      } else {
        console.log('indexes      (start Meilisearch to see them)');
      }
    });
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n++;
  return n;
}
