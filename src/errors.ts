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
