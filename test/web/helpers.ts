/**
 * A Pantau web app over the web fixtures (fixtures/reports/web/*.json), indexed with the knowledge base's own
 * functions into a real embedded Meilisearch in a temporary data dir.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDataDir } from '../../src/config.ts';
import { rebuildIndexes } from '../../src/kb/indexer.ts';
import { buildKnowledgeBase } from '../../src/kb/sync.ts';
import { connectMeili } from '../../src/meili/embedded.ts';
import type { Report } from '../../src/types.ts';
import { meiliKbReader, webMeiliClient } from '../../src/web/kb.ts';
import { startServer } from '../../src/web/server.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/reports/web');
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
    const kb = buildKnowledgeBase(webReports());
    await rebuildIndexes(conn.client, kb.docs);
    const server = await startServer({
      kb: meiliKbReader(webMeiliClient(conn)),
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
