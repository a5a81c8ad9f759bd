import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPantau, tempDir } from '../helpers.ts';

/** Bad input gets one clear line on stderr and a non-zero exit, never a stack trace. */
function expectOneLineError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pantau: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('pantau CLI errors', () => {
  let busy: Server;
  let busyPort = 0;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => busy.close(() => r())));

  const noMeili = { MEILI_URL: undefined, MEILI_MASTER_KEY: undefined };

  test('unknown command', async () => {
    expectOneLineError(await runPantau(['frobnicate']), /unknown command 'frobnicate'/);
  });

  test('unknown flag', async () => {
    expectOneLineError(await runPantau(['status', '--bogus']), /unknown option '--bogus'/);
  });

  test('unwritable data dir', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    expectOneLineError(
      await runPantau(['--data-dir', join(file, 'data'), 'status'], { env: noMeili }),
      /cannot write to data dir .*not-a-dir\/data/,
    );
  });

  test('port in use', async () => {
    expectOneLineError(
      await runPantau(['--data-dir', tempDir(), 'up', '--port', String(busyPort)], { env: noMeili }),
      new RegExp(`port ${busyPort} on 127\\.0\\.0\\.1 is already in use`),
    );
  });

  test('MEILI_URL pointing at nothing', async () => {
    expectOneLineError(
      await runPantau(['--data-dir', tempDir(), 'status'], { env: { MEILI_URL: 'http://127.0.0.1:2' } }),
      /cannot reach Meilisearch at http:\/\/127\.0\.0\.1:2 \(MEILI_URL\)/,
    );
  });

  test('--help works for every command', { timeout: 180_000 }, async () => {
    const top = await runPantau(['--help']);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const results = await Promise.all(commands.map((c) => runPantau([c!, '--help'])));
    for (const [k, r] of results.entries()) {
      expect(r.code, commands[k]).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: pantau ${commands[k]}`));
    }
  });
});
