/**
 * The watchdog of an embedded server: a small detached shell loop started beside it, so that the server stops
 * when its last user is gone even if no user gave its lease back (every one of them killed with kill -9). Without
 * it such a server would run until the next Pantau command happened to come along. It checks every two seconds;
 * after three checks in a row that find no lease of a live process it takes the start lock (the same file and
 * format as src/lock.ts, so a command starting meanwhile waits), looks once more, and stops the server. It ends
 * with the server, however that stops.
 */
import { spawn } from 'node:child_process';

/**
 * $1 pid of Meilisearch, $2 its database path (to be sure the pid is still it), $3 leases dir, $4 start lock,
 * $5 server.json. POSIX sh: Debian's dash runs it.
 */
const SCRIPT = [
  'm=$1 db=$2 leases=$3 lock=$4 info=$5',
  'running() {',
  '  [ -r /proc/$m/stat ] || return 1',
  '  read -r stat < /proc/$m/stat || return 1',
  '  case "$stat" in *") Z "*) return 1 ;; esac',
  "  tr '\\0' ' ' < /proc/$m/cmdline 2>/dev/null | grep -qF -- \"$db\"",
  '}',
  'someone() {',
  '  for f in "$leases"/*_*; do',
  '    [ -e "$f" ] || continue',
  '    p=$(basename "$f" | cut -d_ -f1)',
  '    kill -0 "$p" 2>/dev/null && return 0',
  '  done',
  '  return 1',
  '}',
  'idle=0',
  'while running; do',
  '  sleep 2',
  '  if someone; then idle=0; continue; fi',
  '  idle=$((idle + 1))',
  '  [ "$idle" -ge 3 ] || continue',
  '  ( set -C; echo "$$" > "$lock" ) 2>/dev/null || continue',
  '  if someone; then rm -f "$lock"; idle=0; continue; fi',
  '  kill -TERM "$m" 2>/dev/null',
  '  n=0',
  '  while running && [ "$n" -lt 100 ]; do sleep 0.1; n=$((n + 1)); done',
  '  running && kill -KILL "$m" 2>/dev/null',
  '  grep -q "\\"pid\\": $m," "$info" 2>/dev/null && rm -f "$info"',
  '  rm -f "$lock"',
  '  exit 0',
  'done',
].join('\n');

export interface WatchdogPaths {
  db: string;
  leases: string;
  lock: string;
  serverInfo: string;
}

/** Starts the watchdog of the server `pid` (detached: it outlives the process that starts it). */
export function startWatchdog(pid: number, paths: WatchdogPaths): number | undefined {
  const child = spawn(
    '/bin/sh',
    ['-c', SCRIPT, 'pantau-meili-watchdog', String(pid), paths.db, paths.leases, paths.lock, paths.serverInfo],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', () => {}); // no /bin/sh: the leases still stop the server when given back
  child.unref();
  return child.pid;
}
