/**
 * Extraction throughput: the whole extractor chain (text → Article → Report, every field) over a set of Indonesian
 * news texts, as a ratio against `chrono.id.parse` alone over the same texts in the same run (target: the chain at
 * least 0.25× chrono's speed), plus peak memory.
 *
 * Texts: the seed stories of the tests, and the dev corpus read at run time when ../shared is there (never copied
 * into the repo). Run: npm run bench extract   (BENCH_EXTRACT_ROUNDS=N for more rounds)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { buildReport } from '../extractors/report.ts';
import { textArticle } from '../extractors/text-article.ts';
import { SEED_STORIES } from '../test/extractors/seed-stories.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_EXTRACT_ROUNDS ?? 9);

const texts: { url: string | null; text: string }[] = SEED_STORIES.map((s) => ({ url: s.url, text: s.text }));
const dev = join(root, '..', 'shared', 'corpus', 'dev', 'input.jsonl');
let source = 'the 5 seed stories';
if (existsSync(dev)) {
  for (const line of readFileSync(dev, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { url: string | null; text: string };
    texts.push({ url: o.url, text: o.text });
  }
  source = `the 5 seed stories + ${texts.length - 5} dev-corpus articles (read from ../shared at run time)`;
}
const chars = texts.reduce((n, t) => n + t.text.length, 0);

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 5);

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const ref = new Date('2021-06-09T12:00:00Z');
const chronoOne = (t: { text: string }) => chrono.id.parse(t.text, ref);
const chainOne = (t: { url: string | null; text: string }) =>
  buildReport(textArticle({ url: t.url, text: t.text }), { published: '2021-06-09' });

// warm up both (module load, regex compilation, JIT); then time them text by text, alternating, so that load from
// other processes on the machine falls on both alike, and report the median of the per-round ratios too
for (let i = 0; i < 2; i++) {
  for (const t of texts) {
    chronoOne(t);
    chainOne(t);
  }
}
(globalThis as { gc?: () => void }).gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let chronoMs = 0;
let chainMs = 0;
const roundRatios: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  let c = 0;
  let x = 0;
  for (const t of texts) {
    c += time(() => chronoOne(t));
    x += time(() => chainOne(t));
  }
  chronoMs += c;
  chainMs += x;
  roundRatios.push(c / x);
  sample();
}
roundRatios.sort((a, b) => a - b);
const medianRatio = roundRatios[Math.floor(roundRatios.length / 2)] ?? 0;
clearInterval(timer);
const heapAfter = process.memoryUsage().heapUsed;

const docs = texts.length * ROUNDS;
const perSec = (ms: number) => (docs / ms) * 1000;
const ratio = chronoMs / chainMs;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
console.log(`texts: ${source}; ${texts.length} texts, ${(chars / 1024).toFixed(0)} KiB, ${ROUNDS} rounds`);
console.log(
  `chrono.id.parse alone     ${perSec(chronoMs).toFixed(1)} docs/s  (${(chronoMs / docs).toFixed(2)} ms/doc)`,
);
console.log(`whole extractor chain     ${perSec(chainMs).toFixed(1)} docs/s  (${(chainMs / docs).toFixed(2)} ms/doc)`);
console.log(
  `ratio chain/chrono        ${ratio.toFixed(2)}x overall, ${medianRatio.toFixed(2)}x median of ${ROUNDS} rounds  (target >= 0.25x) ${ratio >= 0.25 ? 'OK' : 'BELOW TARGET'}`,
);
console.log(
  `memory                    peak RSS ${mb(peakRss)}, heap used ${mb(heapAfter)} (${mb(heapAfter - heapBefore)} over the runs)`,
);
