#!/usr/bin/env node
// The evaluation gate: runs `pantau extract --jsonl` over the labelled dev corpus in ../shared, scores it with
// ../shared/eval/score.mjs --show-errors, and fails when a score falls below its floor. The floors are pinned at
// or a little below what the extractors reach; lowering one needs a reason in the commit.
//
//   npm run eval            # score and enforce the floors
//   npm run eval -- --keep  # also keep the predictions in test-output/eval-pred.jsonl
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.PANTAU_SHARED ?? join(root, '..', 'shared');
const input = join(shared, 'corpus/dev/input.jsonl');
const gold = join(shared, 'corpus/dev/gold.jsonl');
const scorer = join(shared, 'eval/score.mjs');

/** Floors: the minimums, raised to just under what the extractors reach on the dev corpus. */
// Reached on 2026-11-22: incident 1.000, region 1.000, cause 1.000, start 0.960, end 1.000, published 1.000,
// officials ~0.98, language 1.000.
export const FLOORS = {
  incident_f1: 0.97,
  region_f1: 0.95,
  cause_f1: 0.95,
  start_f1: 0.9,
  end_f1: 0.9,
  published_f1: 0.9,
  officials_f1: 0.93,
  language_acc: 0.98,
};

for (const [what, path] of [
  ['dev corpus input', input],
  ['gold labels', gold],
  ['scorer', scorer],
]) {
  if (!existsSync(path)) {
    console.log(`eval skipped: ${what} not found at ${path} (the shared corpus lives in ../shared beside the repo)`);
    process.exit(0);
  }
}

const extract = spawnSync(process.execPath, [join(root, 'bin/pantau.js'), '--quiet', 'extract', '--jsonl', input], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
if (extract.stderr) process.stderr.write(extract.stderr);
if (extract.status !== 0) {
  console.error(`eval: pantau extract exited with ${extract.status}`);
  process.exit(1);
}
const outDir = join(root, 'test-output');
mkdirSync(outDir, { recursive: true });
const pred = join(outDir, 'eval-pred.jsonl');
writeFileSync(pred, extract.stdout);

const min = Object.entries(FLOORS)
  .map(([k, v]) => `${k}=${v}`)
  .join(',');
const score = spawnSync(process.execPath, [scorer, '--gold', gold, '--pred', pred, '--show-errors', '--min', min], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(score.status ?? 1);
