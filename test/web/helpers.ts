/**
 * A Pantau web app over the web fixtures (fixtures/reports/web/*.json), indexed with the knowledge base's own
 * functions into a real embedded Meilisearch in a temporary data dir.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveRawPage } from '../../src/archive.ts';
import { resolveDataDir } from '../../src/config.ts';
import { rebuildIndexes } from '../../src/kb/indexer.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import { connectMeili } from '../../src/meili/embedded.ts';
import type { Report } from '../../types/index.ts';
import { archiveLink, archiveReader, meiliKbReader } from '../../src/web/kb.ts';
import { startServer } from '../../src/web/server.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/reports/web');
/** Fixture reports whose page the test archive holds. */
export const ARCHIVED = ['bartim-2021-server-rusak', 'lutra-2021-harddisk'];
export const SCREENSHOTS = join(import.meta.dirname, '../../test-output/screenshots');

export function webReports(): Report[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Report);
}

export interface FixtureServer {
  url: string;
  masterKey: string;
  meiliUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startFixtureServer(opts: { today?: string } = {}): Promise<FixtureServer> {
  const root = mkdtempSync(join(tmpdir(), 'pantau-web-'));
  const dir = resolveDataDir(root, {});
  const conn = await connectMeili(dir, { env: {} });
  try {
    const reports = webReports();
    const kb = buildKnowledgeBase(reports);
    await rebuildIndexes(conn.client, kb.docs);
    // Two pages are in the archive, as a crawl would have left them.
    for (const r of reports.filter((x) => ARCHIVED.some((a) => x.url.endsWith(a)))) {
      saveRawPage(dir, {
        url: r.url,
        finalUrl: r.url,
        status: 200,
        headers: {},
        fetchedAt: '2021-06-10T01:00:00Z',
        body: `<html><head><title>${r.title}</title><script>parent.document.title='pwned'</script></head><body><h1>${r.title}</h1><p>${r.text}</p></body></html>`,
      });
    }
    const server = await startServer({
      kb: meiliKbReader(conn.client, { archiveUrl: (r) => archiveLink(dir, r.url) }),
      archive: archiveReader(dir),
      secrets: [conn.apiKey ?? ''],
      port: 0,
      host: '127.0.0.1',
      today: () => opts.today ?? '2024-07-01',
      log: () => {},
    });
    return {
      url: server.url,
      masterKey: conn.apiKey ?? '',
      meiliUrl: conn.url,
      dataDir: root,
      async close() {
        await server.close();
        await conn.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await conn.close();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
