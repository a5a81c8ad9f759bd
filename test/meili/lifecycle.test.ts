/**
 * The embedded server's life across processes, as a person meets it: `pantau up` starts it, `pantau index`
 * reuses it and leaves it up, `pantau serve` joins it and keeps answering after `up` exits, while an index run
 * rebuilds, and after the server is killed (it restarts it); the last one out stops it. Along the way: the key is
 * in no process argument, the data dir is owner-only, and brief links ignore the request's Host header.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort } from '../../src/meili/embedded.ts';
import { processRunning } from '../../src/meili/lease.ts';
import { PANTAU, ROOT, runPantau, tempDir } from '../helpers.ts';
import { fixtureList } from '../kb/helpers.ts';

const ENV = { MEILI_URL: undefined, MEILI_MASTER_KEY: undefined };
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts a long-running pantau command and waits for a line of its stdout. */
async function start(args: string[], ready: RegExp): Promise<Started> {
  const child = spawn(process.execPath, [PANTAU, ...args], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MEILI_'))),
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} never got ready: ${err}`)), 90_000);
    child.stdout?.on('data', (d) => {
      out += d;
      if (ready.test(out)) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    void exited.then((code) => reject(new Error(`${args.join(' ')} exited (${code}): ${err}`)));
  });
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** GET with an optional Host header (fetch does not let one set it). */
function get(port: number, path: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolveGet, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: host ? { Host: host } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`GET ${path} timed out`)));
    req.end();
  });
}

function serverPid(root: string): number {
  return (JSON.parse(readFileSync(join(root, 'meili', 'server.json'), 'utf8')) as { pid: number }).pid;
}

/** Every entry under a dir whose mode lets group or others in. */
function loose(dir: string): string[] {
  const out: string[] = [];
  if (statSync(dir).mode & 0o077) out.push(dir);
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isSymbolicLink()) continue;
    const p = join(e.parentPath, e.name);
    if (statSync(p).mode & 0o077) out.push(`${p} ${(statSync(p).mode & 0o777).toString(8)}`);
  }
  return out;
}

test('serve outlives the command that started Meilisearch, an index run beside it, and the server being killed', async () => {
  const root = tempDir('pantau-life-');
  mkdirSync(join(root, 'reports'), { recursive: true, mode: 0o755 }); // made loose, as an older Pantau did
  writeFileSync(
    join(root, 'reports', 'reports.jsonl'),
    fixtureList()
      .map((r) => `${JSON.stringify(r)}\n`)
      .join(''),
    { mode: 0o644 },
  );
  const up = await start(['--data-dir', root, 'up'], /Meilisearch is up at/);
  const first = serverPid(root);
  const key = readFileSync(join(root, 'meili', 'master-key'), 'utf8').trim();
  // The key reaches Meilisearch through its environment, never its arguments (readable by every local user).
  const argv = readFileSync(`/proc/${first}/cmdline`, 'utf8').split('\0');
  expect(argv.some((a) => a.includes(key))).toBe(false);
  expect(argv.join(' ')).not.toMatch(/master-key/);
  expect(readFileSync(`/proc/${first}/environ`, 'utf8').split('\0')).toContain(`MEILI_MASTER_KEY=${key}`);

  // A command that reuses the running server leaves it running.
  const index = await runPantau(['--data-dir', root, 'index'], { env: ENV, timeoutMs: 120_000 });
  expect(index.code, index.stderr).toBe(0);
  expect(index.stderr).not.toMatch(/starting Meilisearch/);
  expect(processRunning(first)).toBe(true);

  const port = await freePort();
  const serve = await start(
    [
      '--data-dir',
      root,
      'serve',
      '--port',
      String(port),
      '--host',
      '0.0.0.0',
      '--public-url',
      'https://pantau.example.org/',
    ],
    /Pantau is at/,
  );
  expect(serve.stderr()).toMatch(/warning: listening on 0\.0\.0\.0.*no authentication/);
  const total = JSON.parse((await get(port, '/api/search')).body).total as number;
  expect(total).toBeGreaterThan(0);

  // Everything under the data dir is the owner's only, including what existed before it was opened.
  expect(loose(root)).toEqual([]);

  // `down` will not pull the server from under serve.
  const down = await runPantau(['--data-dir', root, 'down'], { env: ENV });
  expect(down.code).toBe(1);
  expect(down.stderr).toMatch(/^pantau: Meilisearch \(pid \d+\) is in use by pantau serve \(pid \d+\)/);

  // The command that started the server exits: serve keeps answering from the same server.
  up.child.kill('SIGINT');
  expect(await up.exited).toBe(130);
  expect(processRunning(first)).toBe(true);
  expect((await get(port, '/api/search')).status).toBe(200);
  expect(JSON.parse((await get(port, '/api/health')).body)).toMatchObject({ ok: true, backend: 'available' });

  // An index run beside serve: no search fails while it rebuilds and swaps.
  const rebuild = runPantau(['--data-dir', root, 'index', '--rebuild'], { env: ENV, timeoutMs: 120_000 });
  let done = false;
  void rebuild.finally(() => {
    done = true;
  });
  const statuses: number[] = [];
  let n = 0;
  while (!done) {
    // distinct queries: the answer cache would hide a failing backend
    const batch = await Promise.all([0, 1, 2].map(() => get(port, `/api/search?q=lpse&limit=${1 + (n++ % 50)}`)));
    statuses.push(...batch.map((r) => r.status));
  }
  expect((await rebuild).code).toBe(0);
  expect(statuses.length).toBeGreaterThan(0);
  expect(statuses.filter((s) => s !== 200)).toEqual([]);
  expect(processRunning(first)).toBe(true);

  // The server killed: /api/health says so, and serve restarts it; a search meanwhile waits rather than fails.
  process.kill(first, 'SIGKILL');
  const deadline = Date.now() + 5000;
  while (processRunning(first) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const health = await get(port, '/api/health');
  expect(health.status).toBe(503);
  expect(JSON.parse(health.body).ok).toBe(false);
  // a query not asked before: the answer cache must not stand in for the restarted backend
  const after = await get(port, '/api/search?limit=37');
  expect(after.status, after.body).toBe(200);
  expect(JSON.parse(after.body).total).toBe(total);
  expect(JSON.parse((await get(port, '/api/health')).body)).toMatchObject({ ok: true });
  const second = serverPid(root);
  expect(second).not.toBe(first);
  expect(readFileSync(`/proc/${second}/cmdline`, 'utf8')).not.toContain(key);

  // Links in briefs come from --public-url, never from the Host header.
  const brief = await get(port, '/api/brief?regency=Barito%20Timur&format=md', 'evil.example');
  expect(brief.status, brief.body).toBe(200);
  expect(brief.body).toContain('https://pantau.example.org/incident/');
  expect(brief.body).not.toContain('evil.example');

  // The last user gone, the server stops.
  serve.child.kill('SIGINT');
  expect(await serve.exited).toBe(130);
  expect(processRunning(second)).toBe(false);
}, 300_000);
