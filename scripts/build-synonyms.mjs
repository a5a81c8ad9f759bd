#!/usr/bin/env node
// Writes the search synonyms generated from the extractors' lexicon (src/kb/synonyms.ts) into the `synonyms` key
// of index-config/incidents.json and reports.json, leaving every other setting as it is. Re-run after changing a
// word of lexicon/outage.ts, lexicon/causes.ts or the PDN names:  node scripts/build-synonyms.mjs
// (test/kb/synonyms.test.ts fails until the config and the lexicon agree again.)
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { buildSynonyms } = await tsImport('../src/kb/synonyms.ts', import.meta.url);
const synonyms = buildSynonyms();
const files = ['incidents', 'reports'].map((kind) => join(root, 'index-config', `${kind}.json`));
for (const file of files) {
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  settings.synonyms = synonyms;
  writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}
// the house format for JSON (short arrays on one line), so a re-run without a lexicon change changes no byte
const biome = spawnSync(
  process.execPath,
  [join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', ...files],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (biome.status !== 0) process.exit(biome.status ?? 1);
console.log(
  `${Object.keys(synonyms).length} synonym entries written to ${files.map((f) => f.slice(root.length + 1)).join(', ')}`,
);
