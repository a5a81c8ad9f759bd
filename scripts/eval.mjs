#!/usr/bin/env node
// The evaluation gate: runs `pantau extract --jsonl` over the labelled real pages in ../shared/corpus and scores the
// predictions with ../shared/eval/score.mjs, failing when a score falls below its floor.
//
// - dev (real pages, read freely): scored with --show-errors, so its misses can be read.
// - sealed (real pages nobody working on Pantau reads): TOTALS ONLY. Its misses are never printed, its pages never
//   read; it is the estimate of how Pantau does on articles nobody has seen.
// - the sets under fixtures/ (heldout*, tuning-*: written to order for the project) are regression tests only: they
//   overstated quality by 0.1 to 0.4 and say nothing about real news; their totals are checked against floors so a
//   change that breaks what they cover is seen.
//
// The floors are pinned a little below what the extractors reach; lowering one needs a reason in the commit.
//
//   npm run eval            # score every set and enforce the floors
//   npm run eval -- --keep  # also keep the predictions in test-output/eval-<set>.jsonl
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PANTAU_SHARED ?? join(root, '..', 'shared');
const scorer = join(shared, 'eval/score.mjs');

/**
 * Floors per set. dev and sealed: real pages (sealed is the honest figure); the fixture sets: regression only.
 * Pinned on 2026-12-08 from the scores measured at the end of the third session: dev incident 0.976, region 1.000,
 * cause 0.984, start 0.966, end 1.000, published 1.000, officials 0.993, quotes 1.000, language 1.000; sealed
 * incident 0.857, region 0.950, cause 0.700, published 0.857, officials 0.917, quotes 0.836, language 1.000 (sealed
 * outage start and end are 0.000, 0 of 8 and 0 of 2 found: no floor can be pinned on them yet).
 * Re-pinned in the fourth session on the merged extractors (outage window, incident, cause scope, speaker model):
 * dev incident 0.984, region 1.000, cause 0.984, start 0.966, end 1.000, published 1.000, officials 0.993, quotes
 * 1.000, language 1.000; sealed incident 0.857, region 0.950, cause 0.700, start 0.222 (2 of 8), end 0.667 (1 of
 * 2), published 0.857, officials 0.917, quotes 0.848, language 1.000 (the first sealed floors on start and end).
 */
const REGRESSION = {
  incident_f1: 0.95,
  region_f1: 0.95,
  cause_f1: 0.95,
  start_f1: 0.9,
  end_f1: 0.9,
  officials_f1: 0.9,
};
export const SETS = [
  {
    name: 'dev',
    dir: join(shared, 'corpus/dev'),
    showErrors: true,
    floors: {
      incident_f1: 0.96,
      region_f1: 0.98,
      cause_f1: 0.96,
      start_f1: 0.94,
      end_f1: 0.98,
      published_f1: 0.97,
      officials_f1: 0.97,
      quotes_f1: 0.97,
      language_acc: 0.98,
    },
  },
  {
    name: 'sealed',
    dir: join(shared, 'corpus/sealed'),
    showErrors: false,
    floors: {
      incident_f1: 0.83,
      start_f1: 0.2,
      end_f1: 0.64,
      region_f1: 0.93,
      cause_f1: 0.68,
      published_f1: 0.83,
      officials_f1: 0.9,
      quotes_f1: 0.82,
      language_acc: 0.98,
    },
  },
  ...['heldout', 'heldout-2', 'heldout-3', 'heldout-4', 'tuning-1', 'tuning-2'].map((name) => ({
    name: `fixtures/${name} (written to order: regression only)`,
    dir: join(root, 'fixtures', name),
    showErrors: false,
    floors: REGRESSION,
  })),
];
const keep = process.argv.includes('--keep');
if (!existsSync(scorer)) {
  console.log(
    `eval skipped: the scorer was not found at ${scorer} (the shared corpus lives in ../shared beside the repo)`,
  );
  process.exit(0);
}

const outDir = join(root, 'test-output');
mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const set of SETS) {
  const input = join(set.dir, 'input.jsonl');
  const gold = join(set.dir, 'gold.jsonl');
  if (!existsSync(input) || !existsSync(gold)) {
    console.log(`== ${set.name}: skipped, ${set.dir} has no input.jsonl and gold.jsonl`);
    continue;
  }
  const extract = spawnSync(process.execPath, [join(root, 'bin/pantau.js'), '--quiet', 'extract', '--jsonl', input], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (extract.status !== 0) {
    // sealed: not even the stderr of its lines is shown, only that it failed
    if (set.showErrors && extract.stderr) process.stderr.write(extract.stderr);
    console.error(`eval: pantau extract exited with ${extract.status} on ${set.name}`);
    failed++;
    continue;
  }
  const pred = join(outDir, `eval-${set.name.replace(/[^\w-]+/g, '-')}.jsonl`);
  writeFileSync(pred, extract.stdout);
  const min = Object.entries(set.floors)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const args = [scorer, '--gold', gold, '--pred', pred, '--min', min, ...(set.showErrors ? ['--show-errors'] : [])];
  console.log(`== ${set.name}${set.showErrors ? '' : ' (totals only)'}`);
  // without --show-errors score.mjs prints totals only (per field and per cause), never a document
  const score = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (score.status !== 0) {
    console.error(`eval: ${set.name} is below its floors`);
    failed++;
  }
  // the sealed predictions are not left lying around to be read
  if (!set.showErrors || !keep) rmSync(pred, { force: true });
}
process.exit(failed ? 1 : 0);
