/**
 * An error meant for the person at the terminal: the CLI prints its message as one line and exits non-zero,
 * without a stack trace. Anything else that escapes is a bug and is reported as such.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The message of an unknown thrown value. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The error and its causes, outermost first (fetch wraps the socket error, meilisearch-js wraps fetch's). */
function chain(err: unknown): Array<{ code?: unknown; message?: unknown; cause?: unknown }> {
  const out: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
  let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    out.push(e);
    e = e.cause as typeof e;
  }
  return out;
}

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'no_space_left_on_device']);
const DISK_FULL_RE = /\bENOSPC\b|No space left on device|no_space_left_on_device|Disk quota exceeded/i;

/** Did a write fail because the disk (or the quota) is full: a Node error, a Meilisearch task, a wrapped one? */
export function isDiskFull(err: unknown): boolean {
  return chain(err).some(
    (e) =>
      (typeof e.code === 'string' && DISK_FULL_CODES.has(e.code)) ||
      (typeof e.message === 'string' && DISK_FULL_RE.test(e.message)),
  );
}

/** Socket-level codes of a server that went away (killed, crashed) while a request was in flight or being made. */
const GONE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ECONNABORTED',
  'EHOSTUNREACH',
]);

/** The socket code when a request failed because its server is gone (ECONNREFUSED…), else null. */
export function connectionLost(err: unknown): string | null {
  for (const e of chain(err)) {
    if (typeof e.code === 'string' && GONE_CODES.has(e.code)) return e.code;
    if (typeof e.message === 'string' && /other side closed|socket hang up/i.test(e.message))
      return 'connection closed';
  }
  return null;
}
