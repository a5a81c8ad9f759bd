/**
 * Main-text quality and speed: Pantau's HTML → Article against @mozilla/readability over jsdom (Firefox Reader View,
 * the library a JavaScript developer picks first), on ../shared/textbench in the same run.
 *
 * Scoring is trafilatura's own (../shared/textbench/README.md): whitespace is normalised in the text and in each
 * snippet; a `with` snippet found is a true positive, else a false negative; a `without` snippet found is a false
 * positive, else a true negative; precision, recall and F1 over all snippets of all pages. The corpus is a
 * benchmark, not a tuning set: rules are decided on the even-numbered pages (by URL order) and checked on the odd
 * ones, so both halves are printed.
 *
 * Run: npm run bench text          (both extractors; readability takes a minute or two)
 *      BENCH_TEXT_ONLY=pantau npm run bench text   (Pantau alone, for quick checks)
 *      BENCH_TEXT_SHOW=N  prints the N pages where Pantau loses most snippets
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml, toArticle } from '../extractors/html-article.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = process.env.BENCH_TEXT_DIR ?? join(root, '..', 'shared', 'textbench');
const ONLY = process.env.BENCH_TEXT_ONLY ?? '';
const SHOW = Number(process.env.BENCH_TEXT_SHOW ?? 0);

interface Entry {
  url: string;
  file: string;
  with: string[];
  without: string[];
  html: string;
  index: number;
}

if (!existsSync(join(BENCH, 'evaldata.json'))) {
  console.log(`no text benchmark at ${BENCH} (it is read from ../shared/textbench at run time); nothing to do`);
  process.exit(0);
}

const evaldata = JSON.parse(readFileSync(join(BENCH, 'evaldata.json'), 'utf8')) as Record<
  string,
  { file: string; with?: string[]; without?: string[] }
>;
const entries: Entry[] = Object.keys(evaldata)
  .sort()
  .map((url, index) => {
    const e = evaldata[url]!;
    return {
      url,
      file: e.file,
      with: e.with ?? [],
      without: e.without ?? [],
      html: decodeHtml(readFileSync(join(BENCH, 'pages', e.file))),
      index,
    };
  });

/** The trafilatura keys are "hard::name.html" or the page's URL; toArticle needs a URL either way. */
function pageUrl(e: Entry): string {
  return /^https?:\/\//.test(e.url) ? e.url : `https://example.com/${e.file}`;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

function score(text: string, e: Entry): Counts {
  const t = norm(text);
  const c: Counts = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const s of e.with) {
    if (t.includes(norm(s))) c.tp++;
    else c.fn++;
  }
  for (const s of e.without) {
    if (t.includes(norm(s))) c.fp++;
    else c.tn++;
  }
  return c;
}

function prf(cs: Counts[]): { p: number; r: number; f1: number } {
  const sum = cs.reduce((a, c) => ({ tp: a.tp + c.tp, fn: a.fn + c.fn, fp: a.fp + c.fp, tn: a.tn + c.tn }), {
    tp: 0,
    fn: 0,
    fp: 0,
    tn: 0,
  });
  const p = sum.tp + sum.fp ? sum.tp / (sum.tp + sum.fp) : 0;
  const r = sum.tp + sum.fn ? sum.tp / (sum.tp + sum.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

interface Run {
  name: string;
  counts: Counts[];
  /** Wall-clock milliseconds per page. */
  ms: number[];
  /** CPU milliseconds of this process per page (user + system): the cost on one core, whatever else runs. */
  cpuMs: number;
  errors: number;
}

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function run(name: string, extract: (e: Entry) => string): Run {
  // one warm-up pass over a few pages (module load, JIT), not counted
  for (const e of entries.slice(0, 10)) {
    try {
      extract(e);
    } catch {}
  }
  const r: Run = { name, counts: [], ms: [], cpuMs: 0, errors: 0 };
  let done = 0;
  for (const e of entries) {
    const c0 = cpuNow();
    const t0 = process.hrtime.bigint();
    let text = '';
    try {
      text = extract(e);
    } catch {
      r.errors++;
    }
    r.ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    r.cpuMs += cpuNow() - c0;
    r.counts.push(score(text, e));
    if (++done % 100 === 0) process.stderr.write(`  ${name}: ${done}/${entries.length}\r`);
  }
  process.stderr.write(`${' '.repeat(40)}\r`);
  return r;
}

const runs: Run[] = [];
if (!ONLY || ONLY === 'pantau') {
  runs.push(run('Pantau (toArticle)', (e) => toArticle({ url: pageUrl(e), html: e.html }).text));
}
if (!ONLY || ONLY === 'readability') {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const quiet = new VirtualConsole();
  runs.push(
    run('@mozilla/readability (jsdom)', (e) => {
      const dom = new JSDOM(e.html, { url: pageUrl(e), virtualConsole: quiet });
      try {
        return new Readability(dom.window.document).parse()?.textContent ?? '';
      } finally {
        dom.window.close();
      }
    }),
  );
}

const pct = (x: number) => x.toFixed(3);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
console.log(
  `${entries.length} pages of ${BENCH} (${entries.reduce((n, e) => n + e.with.length, 0)} with-snippets, ${entries.reduce((n, e) => n + e.without.length, 0)} without)`,
);
console.log(
  `${'extractor'.padEnd(30)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   ${'F1 even'.padStart(7)} ${'F1 odd'.padStart(7)}   ${'pages/s'.padStart(8)} ${'CPU pages/s'.padStart(11)} ${'median ms'.padStart(9)}`,
);
for (const r of runs) {
  const all = prf(r.counts);
  const even = prf(r.counts.filter((_, i) => i % 2 === 0));
  const odd = prf(r.counts.filter((_, i) => i % 2 === 1));
  const total = r.ms.reduce((a, b) => a + b, 0);
  console.log(
    `${r.name.padEnd(30)} ${pct(all.p).padStart(6)} ${pct(all.r).padStart(6)} ${pct(all.f1).padStart(6)}   ${pct(even.f1).padStart(7)} ${pct(odd.f1).padStart(7)}   ${((1000 * entries.length) / total).toFixed(1).padStart(8)} ${((1000 * entries.length) / r.cpuMs).toFixed(1).padStart(11)} ${median(r.ms).toFixed(1).padStart(9)}${r.errors ? `   (${r.errors} pages threw)` : ''}`,
  );
}
if (runs.length === 2) {
  const a = prf(runs[0]!.counts).f1;
  const b = prf(runs[1]!.counts).f1;
  const sa = runs[0]!.cpuMs;
  const sb = runs[1]!.cpuMs;
  console.log(
    `F1 ratio Pantau / readability: ${(a / b).toFixed(3)} (odd pages ${(prf(runs[0]!.counts.filter((_, i) => i % 2 === 1)).f1 / prf(runs[1]!.counts.filter((_, i) => i % 2 === 1)).f1).toFixed(3)}); speed ratio (CPU time) ${(sb / sa).toFixed(1)}×`,
  );
}
if (SHOW > 0 && runs[0]) {
  const worst = runs[0].counts
    .map((c, i) => ({ c, e: entries[i]! }))
    .filter(({ e }) => e.index % 2 === 0) // look only at the even (decision) half
    .sort((x, y) => y.c.fn + y.c.fp - (x.c.fn + x.c.fp))
    .slice(0, SHOW);
  for (const { c, e } of worst) console.log(`  ${e.index} ${e.file}: fn ${c.fn}/${e.with.length} fp ${c.fp}`);
}

// Metadata, where the truth is known: the golden pages (fixtures/pages), field by field. The text benchmark has no
// metadata labels.
{
  const { loadGoldenPages } = await import('../test/article/golden.ts');
  const FIELDS = ['title', 'published', 'author', 'publisher', 'canonicalUrl', 'lang'] as const;
  const pages = loadGoldenPages();
  const hits: Record<string, number> = {};
  for (const p of pages) {
    const a = toArticle({ url: p.expected.url, html: decodeHtml(p.bytes) });
    for (const f of FIELDS) if (a[f] === p.expected[f]) hits[f] = (hits[f] ?? 0) + 1;
  }
  console.log(
    `metadata on the ${pages.length} golden pages: ${FIELDS.map((f) => `${f} ${hits[f] ?? 0}/${pages.length}`).join(', ')}`,
  );
}
