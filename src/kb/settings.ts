/**
 * Index settings are data (index-config/<index>.json); this module reads them and applies them idempotently:
 * it compares the wanted settings with what the index has and sends only the keys that differ, so a second run
 * enqueues no task at all. Every write waits for its task and throws on failure (waitOk).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Index, Settings } from 'meilisearch';
import { waitOk } from '../meili/tasks.ts';

export type IndexKind = 'incidents' | 'reports';

const CONFIG_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'index-config');

const cache = new Map<IndexKind, Settings>();

/** The settings of an index as written in index-config/<kind>.json. */
export function loadIndexConfig(kind: IndexKind): Settings {
  let settings = cache.get(kind);
  if (!settings) {
    settings = JSON.parse(readFileSync(join(CONFIG_DIR, `${kind}.json`), 'utf8')) as Settings;
    cache.set(kind, settings);
  }
  return structuredClone(settings);
}

/** Settings whose array order carries no meaning (Meilisearch returns them sorted). */
const UNORDERED = new Set([
  'filterableAttributes',
  'sortableAttributes',
  'stopWords',
  'dictionary',
  'disableOnAttributes',
  'disableOnWords',
]);

/** A canonical form for comparing a wanted setting with the one Meilisearch reports. */
function canonical(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical('', v));
    return UNORDERED.has(key) ? items.map((v) => JSON.stringify(v)).sort() : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (key === 'synonyms' && Array.isArray(v)) out[k] = [...v].map(String).sort();
      else out[k] = canonical(k, v);
    }
    return out;
  }
  return value;
}

/** For nested settings (typoTolerance, faceting, pagination), compares only the sub-keys the config sets. */
function sameSetting(key: string, wanted: unknown, actual: unknown): boolean {
  if (wanted && typeof wanted === 'object' && !Array.isArray(wanted) && key !== 'synonyms') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(wanted as Record<string, unknown>).every(([k, v]) =>
      sameSetting(k, v, (actual as Record<string, unknown>)[k]),
    );
  }
  return JSON.stringify(canonical(key, wanted)) === JSON.stringify(canonical(key, actual));
}

/** The keys of `wanted` whose value differs from `actual`. */
export function diffSettings(wanted: Settings, actual: Settings): Settings {
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (!sameSetting(key, value, (actual as Record<string, unknown>)[key])) diff[key] = value;
  }
  return diff as Settings;
}

/**
 * Brings an index's settings to `wanted`: reads the current settings, sends only what differs and waits for the
 * task. Returns the keys that were changed (empty when the index already had them: nothing was enqueued).
 */
export async function applySettings(index: Index, wanted: Settings): Promise<string[]> {
  const actual = await index.getSettings();
  const diff = diffSettings(wanted, actual);
  const keys = Object.keys(diff);
  if (keys.length) await waitOk(index.updateSettings(diff));
  return keys;
}
