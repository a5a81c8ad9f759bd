/**
 * Debian's Chromium, for JavaScript-rendered sources (crawlers/) and PDF briefs (src/brief/): never a downloaded
 * browser. The flags keep it from phoning home, which a machine without internet turns into a storm of refused
 * connections at every start.
 */
import { existsSync } from 'node:fs';
import { UserError } from './errors.ts';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to run: `explicit` (e.g. --chromium), else PANTAU_CHROMIUM, else Debian's; it must exist. */
export function chromiumPath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const path = explicit ?? env.PANTAU_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new UserError(`Chromium not found at ${path}: install it (apt-get install chromium) or set PANTAU_CHROMIUM`);
  }
  return path;
}
