/**
 * What the probe checks: every instance of the LPSE table (`crawlers/lpse-table.json`, 600 SPSE instances), one
 * URL each per round. Both URL forms stay in use in the wild (the central `spse.inaproc.id/<slug>` since 2024,
 * the instance's own `lpse.<x>.go.id/eproc4` before), and either can fail alone: by default the form alternates
 * by instance and by round, so each round asks the central host about half the instances (300 requests, not 600)
 * and every instance is seen in both forms every two rounds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProbeTarget } from './types.ts';

/** An entry of `crawlers/lpse-table.json` (the fields the probe and the local SPSE read). */
export interface LpseTableEntry {
  id: string;
  name: string;
  kind?: string;
  region_code: string | null;
  /** `https://spse.inaproc.id/<id>` */
  url: string;
  /** The instance's own host, without `/eproc4`: `https://lpse.<x>.go.id`. */
  old_url: string | null;
}

export const LPSE_TABLE_PATH = fileURLToPath(new URL('../crawlers/lpse-table.json', import.meta.url));

/** The instances of the LPSE table. */
export function readLpseTable(path = LPSE_TABLE_PATH): LpseTableEntry[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { instances?: LpseTableEntry[] };
  if (!Array.isArray(raw.instances)) throw new Error(`${path}: no "instances" array`);
  return raw.instances;
}

/** Which URL form a round probes: alternating (default), or always one. */
export const FORM_CHOICES = ['alternate', 'central', 'old'] as const;
export type FormChoice = (typeof FORM_CHOICES)[number];

/**
 * The URL of an instance in one form; the old form is the instance's own host with `/eproc4`. Null when the
 * table has no old host for it.
 *
 * @example urlOf({ id: 'baritotimurkab', url: 'https://spse.inaproc.id/baritotimurkab', old_url: 'https://lpse.baritotimurkab.go.id', … }, 'old')
 * // "https://lpse.baritotimurkab.go.id/eproc4"
 */
export function urlOf(entry: LpseTableEntry, form: 'central' | 'old'): string | null {
  if (form === 'central') return entry.url.replace(/\/+$/, '');
  return entry.old_url ? `${entry.old_url.replace(/\/+$/, '')}/eproc4` : null;
}

/** The number of the round that starts at `at` (epoch ms): consecutive rounds alternate the form. */
export function roundNumber(at: number, roundMs: number): number {
  return Math.floor(at / roundMs);
}

/**
 * One target per instance for round `round`: with `alternate`, instance i is probed in the central form when
 * i + round is even and in its old form otherwise (central when it has no old host).
 *
 * @example probeTargets(readLpseTable(), { form: 'alternate', round: 0 })[1]
 * // { instance: 'acehbaratkab', url: 'https://lpse.acehbaratkab.go.id/eproc4', form: 'old' }
 */
export function probeTargets(
  entries: readonly LpseTableEntry[],
  opts: { form?: FormChoice; round?: number; only?: readonly string[] } = {},
): ProbeTarget[] {
  const choice = opts.form ?? 'alternate';
  const round = opts.round ?? 0;
  const only = opts.only ? new Set(opts.only) : null;
  const seen = new Set<string>();
  const out: ProbeTarget[] = [];
  entries.forEach((e, i) => {
    if (seen.has(e.id) || (only && !only.has(e.id))) return;
    seen.add(e.id);
    const wanted: 'central' | 'old' = choice === 'alternate' ? ((i + round) % 2 === 0 ? 'central' : 'old') : choice;
    const url = urlOf(e, wanted);
    if (url) out.push({ instance: e.id, url, form: wanted });
    else out.push({ instance: e.id, url: urlOf(e, 'central')!, form: 'central' });
  });
  return out;
}
