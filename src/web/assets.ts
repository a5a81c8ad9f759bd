/**
 * The browser code and styles, bundled by esbuild in memory when the server starts (no build step, nothing written
 * to disk): `app.js` (the pages, a few kB), a lazily loaded chunk with Chart.js for the overview, and `app.css`.
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Asset {
  body: Uint8Array;
  type: string;
  etag: string;
  /** Content-hashed chunks never change under their name. */
  immutable: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
export const STATIC_DIR = join(here, 'static');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Bundles the client; the map's keys are URL paths under /assets/. */
export async function buildAssets(opts: { minify?: boolean } = {}): Promise<Map<string, Asset>> {
  const result = await build({
    entryPoints: { app: join(here, 'client', 'main.ts'), style: join(STATIC_DIR, 'app.css') },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify: opts.minify ?? true,
    write: false,
    outdir: '/assets',
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
  });
  const assets = new Map<string, Asset>();
  for (const f of result.outputFiles) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const ext = name.slice(name.lastIndexOf('.'));
    assets.set(name === 'style.css' ? 'app.css' : name, {
      body: f.contents,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(f.contents).digest('base64url').slice(0, 16)}"`,
      immutable: name.startsWith('chunk-'),
    });
  }
  return assets;
}
