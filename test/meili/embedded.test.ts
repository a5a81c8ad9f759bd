import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveDataDir } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { connectMeili, type MeiliConnection, readSearchKey, readServerInfo } from '../../src/meili/embedded.ts';
import { MeiliTaskError, waitOk } from '../../src/meili/tasks.ts';
import { alive, tempDir } from '../helpers.ts';

describe('embedded Meilisearch', () => {
  const dir = resolveDataDir(tempDir());
  let conn: MeiliConnection;

  beforeAll(async () => {
    conn = await connectMeili(dir, { env: {} });
  });
  afterAll(async () => {
    await conn?.close();
  });

  test('starts on 127.0.0.1 with its database under the data dir', async () => {
    expect(conn.mode).toBe('embedded-started');
    expect(conn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await conn.client.health()).status).toBe('available');
    expect(statSync(join(dir.meili, 'data.ms')).isDirectory()).toBe(true);
  });

  test('keeps its master key with mode 0600 and derives a search-only key', async () => {
    expect(statSync(join(dir.meili, 'master-key')).mode & 0o777).toBe(0o600);
    const searchKey = readSearchKey(dir);
    expect(searchKey).toBeTruthy();
    expect(searchKey).not.toBe(conn.apiKey);
    const key = await conn.client.getKey(searchKey!);
    expect(key.actions).toEqual(['search']);
  });

  test('a second connection on the same data dir reuses the running server', async () => {
    const second = await connectMeili(dir, { env: {} });
    expect(second.mode).toBe('embedded-reused');
    expect(second.url).toBe(conn.url);
    await second.close();
    // Closing a reused connection must not stop the server its owner started.
    expect(await conn.client.isHealthy()).toBe(true);
  });

  test('a failed task is an error, not a silent success', async () => {
    await waitOk(conn.client.createIndex('dup_probe'));
    await expect(waitOk(conn.client.createIndex('dup_probe'))).rejects.toBeInstanceOf(MeiliTaskError);
  });

  test('close() stops the process and forgets it', async () => {
    const d2 = resolveDataDir(tempDir());
    const c2 = await connectMeili(d2, { env: {} });
    const pid = readServerInfo(d2)?.pid ?? 0;
    expect(alive(pid)).toBe(true);
    await c2.close();
    expect(alive(pid)).toBe(false);
    expect(readServerInfo(d2)).toBeNull();
  });
});

describe('external Meilisearch (MEILI_URL)', () => {
  test('a MEILI_URL pointing at nothing is a clear error', async () => {
    const dir = resolveDataDir(tempDir());
    const err = await connectMeili(dir, { env: { MEILI_URL: 'http://127.0.0.1:2' } }).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toMatch(/cannot reach Meilisearch at http:\/\/127\.0\.0\.1:2 \(MEILI_URL\)/);
  });

  test('a wrong MEILI_MASTER_KEY is a clear error, and nothing is started', async () => {
    const dir = resolveDataDir(tempDir());
    const owner = await connectMeili(dir, { env: {} });
    try {
      const other = resolveDataDir(tempDir());
      const err = await connectMeili(other, {
        env: { MEILI_URL: owner.url, MEILI_MASTER_KEY: 'wrong-key-wrong-key' },
      }).catch((e) => e);
      expect(err).toBeInstanceOf(UserError);
      expect(err.message).toMatch(/rejected the key: MEILI_MASTER_KEY is wrong/);
      const ok = await connectMeili(other, { env: { MEILI_URL: owner.url, MEILI_MASTER_KEY: owner.apiKey } });
      expect(ok.mode).toBe('external');
      expect(readServerInfo(other)).toBeNull();
    } finally {
      await owner.close();
    }
  });
});
