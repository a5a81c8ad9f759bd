import { accessSync, chmodSync, constants, lstatSync, mkdirSync, readdirSync, readFileSync, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messageOf, UserError } from './errors.ts';

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
    // Owner-only: the data dir holds the Meilisearch keys and everything the crawl saw.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
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

/**
 * Makes a data dir owner-only: directories 0700, files 0600 (0700 if executable, like the copied Meilisearch
 * binary). A data dir made before Pantau created everything private (or by a hand with another umask) is
 * tightened the first time it is opened; one whose root and top-level entries are private already is not walked,
 * so opening stays cheap. Returns the number of entries changed.
 */
export function tightenDataDir(root: string): number {
  let mode: number;
  try {
    mode = lstatSync(root).mode;
  } catch {
    return 0;
  }
  if ((mode & 0o077) === 0 && !looseInside(root)) return 0;
  let changed = 0;
  const fix = (path: string, isDir: boolean, m: number) => {
    const want = isDir ? 0o700 : m & 0o100 ? 0o700 : 0o600;
    if ((m & 0o777) === want) return;
    try {
      chmodSync(path, want);
      changed++;
    } catch {
      // not ours (another user's file in a shared dir): left alone
    }
  };
  // Files first, the root last: an interrupted run is met again by the next open.
  const walk = (dir: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isSymbolicLink()) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      if (e.isDirectory() || e.isFile()) {
        try {
          fix(path, e.isDirectory(), lstatSync(path).mode);
        } catch {}
      }
    }
  };
  walk(root);
  fix(root, true, mode);
  return changed;
}

/** Does a top-level entry (or the Meilisearch database) let others in? A look at a handful of entries. */
function looseInside(root: string): boolean {
  const paths = [join(root, 'meili', 'data.ms')];
  try {
    for (const name of readdirSync(root)) paths.push(join(root, name));
  } catch {
    return false;
  }
  return paths.some((p) => {
    try {
      const st = lstatSync(p);
      return !st.isSymbolicLink() && (st.mode & 0o077) !== 0;
    } catch {
      return false;
    }
  });
}

/** The file system a path lives on: its mount point, type and device, from /proc/self/mountinfo. */
export interface DiskInfo {
  mount: string;
  type: string;
  device: string;
  /** Bytes free for an unprivileged writer, when known. */
  free: number | null;
}

/**
 * The disk a path lives on, for messages such as "the disk of /data (ext4 /dev/sda1 at /) is full".
 *
 * @example diskOf('/srv/pantau/data') // { mount: '/srv', type: 'ext4', device: '/dev/sdb1', free: 0 }
 */
export function diskOf(path: string): DiskInfo {
  let best: DiskInfo = { mount: '/', type: '?', device: '?', free: null };
  try {
    for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
      // id parent major:minor root mount options… - type device options
      const [left, right] = line.split(' - ');
      const mount = left?.split(' ')[4]?.replace(/\\040/g, ' ');
      const [type, device] = right?.split(' ') ?? [];
      if (!mount || !type) continue;
      const inside = path === mount || path.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
      if (inside && mount.length >= best.mount.length) best = { mount, type, device: device ?? '?', free: null };
    }
  } catch {
    // no /proc: the mount stays unknown
  }
  try {
    const s = statfsSync(path);
    best.free = s.bavail * s.bsize;
  } catch {}
  return best;
}

/** "tmpfs at /tmp/x, 12 kB free" */
export function describeDisk(d: DiskInfo): string {
  const free = d.free === null ? '' : `, ${formatBytes(d.free)} free`;
  const dev = d.device && d.device !== d.type && d.device !== '?' ? ` ${d.device}` : '';
  return `${d.type}${dev} mounted at ${d.mount}${free}`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
