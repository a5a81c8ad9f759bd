import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError, messageOf } from './errors.ts';

/** Where everything Pantau writes lives: crawl storage, archived pages, reports, Meilisearch data. */
export interface DataDir {
  root: string;
  meili: string;
  crawl: string;
  archive: string;
  reports: string;
}

/** Resolves the data dir from the flag, then PANTAU_DATA_DIR, then ./data. Pure: creates nothing. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): DataDir {
  const root = resolve(flag ?? env.PANTAU_DATA_DIR ?? 'data');
  return {
    root,
    meili: join(root, 'meili'),
    crawl: join(root, 'crawl'),
    archive: join(root, 'archive'),
    reports: join(root, 'reports'),
  };
}

/** Creates the data dir (and a sub-dir) and checks it is writable, with an error a person can act on. */
export function ensureWritable(dir: string): string {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : messageOf(err);
    throw new UserError(`cannot write to data dir ${dir}: ${why} (set --data-dir or PANTAU_DATA_DIR)`);
  }
  return dir;
}
