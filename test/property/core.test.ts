/**
 * Property tests over the pure core (fast-check): whatever a page or a set of reports looks like, the chain never
 * throws, every date it gives is a real calendar day, every evidence span with offsets points at its own text, and
 * grouping keeps every report exactly once, whatever the order of its input. Run counts are kept small so the suite
 * stays within its time budget; a failure prints the shrunk counterexample and its seed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toArticle } from '../../extractors/html-article.ts';
import { makeContext } from '../../extractors/context.ts';
import { extractOfficials } from '../../extractors/fields/officials.ts';
import { buildReport } from '../../extractors/report.ts';
import { textArticle } from '../../extractors/text-article.ts';
import { groupIncidents } from '../../src/kb/group.ts';
import type { CauseCategory, Incident, Report, Span } from '../../types/index.ts';

const RUNS = Number(process.env.PANTAU_PROPERTY_RUNS ?? 60);
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Words the extractors react to, so generated text reaches their rules rather than only the fallbacks. */
const WORDS = [
  'LPSE',
  'SPSE',
  'server',
  'down',
  'gangguan',
  'tidak bisa diakses',
  'sejak',
  'hingga',
  'Senin',
  'Selasa (7/6)',
  '12 Maret 2024',
  '3-5 Juni',
  '31/2/2023',
  'pulih',
  'kembali normal',
  'diretas',
  'listrik padam',
  'kata',
  'ujarnya',
  'Kepala',
  'Kabupaten Gresik',
  'Kota Tarakan',
  'Pemkab',
  'PDN',
  '"',
  '“',
  '”',
  ',',
  '.',
  '\n\n',
  'Rp 300 miliar',
  '0',
  '9999',
  'مرحبا',
  '😀',
  '\u0000',
  '\u202e',
  'é',
];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const prose = fc.array(word, { maxLength: 80 }).map((ws) => ws.join(' '));

const TAGS = ['div', 'p', 'span', 'article', 'table', 'tr', 'td', 'ul', 'li', 'script', 'style', 'h1', 'a', 'b', 'br'];

/** Random HTML: nested tags (sometimes left unclosed), attributes of any size, text from the word list. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    prose,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.array(
          fc.tuple(fc.constantFrom('class', 'id', 'href', 'content', 'lang', 'x'), fc.string({ maxLength: 40 })),
          {
            maxLength: 3,
          },
        ),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([tag, attrs, kids, close]) => {
        const a = attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
        return `<${tag}${a}>${kids.join('')}${close ? `</${tag}>` : ''}`;
      }),
  ),
})).node;

const page = fc
  .tuple(fc.option(fc.constantFrom('utf-8', 'windows-1252', 'iso-8859-1', 'bogus')), fc.option(prose), html)
  .map(
    ([charset, title, body]) =>
      `<!doctype html><html><head>${charset ? `<meta charset="${charset}">` : ''}<title>${title ?? ''}</title></head><body>${body}</body></html>`,
  );

const isDay = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/** The report's invariants that hold for any input. */
function checkReport(r: Report, text: string): void {
  for (const d of [r.published, r.outage.start, r.outage.end]) if (d !== null) expect(isDay(d), String(d)).toBe(true);
  if (r.outage.start && r.outage.end) expect(r.outage.start <= r.outage.end).toBe(true);
  expect(typeof r.is_incident).toBe('boolean');
  expect(r.text).toBe(text);
  for (const c of r.causes) expect(c.category).toMatch(/^[a-z]+$/);
  for (const o of r.officials) expect(o.name.trim().length).toBeGreaterThan(0);
}

/** Every span with offsets must be the text at those offsets. */
function checkSpans(spans: readonly Span[], text: string): void {
  for (const s of spans) {
    if (s.start === undefined || s.end === undefined) continue;
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
}

/** Spans anywhere in a value: objects with a string `text` and numeric `start`/`end`. */
function spansIn(v: unknown, out: Span[] = []): Span[] {
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o.text === 'string' && typeof o.start === 'number' && typeof o.end === 'number')
        out.push(o as unknown as Span);
      for (const k of Object.keys(o)) if (k !== 'text') stack.push(o[k]);
    }
  }
  return out;
}

describe('the extraction chain on any input', () => {
  test('toArticle + buildReport never throw on generated HTML, and give valid dates', () => {
    fc.assert(
      fc.property(page, fc.option(fc.constantFrom('2024-06-24', '2015-04-02', '2021-02-29')), (h, published) => {
        const article = toArticle({ url: 'https://contoh.id/berita/1', html: h });
        const report = buildReport(article, { id: 'p', published });
        checkReport(report, article.text);
        checkSpans(spansIn(report), article.text);
      }),
      { numRuns: RUNS },
    );
  });

  test('textArticle + buildReport never throw on generated text (RTL, NULs, emoji, odd dates)', () => {
    fc.assert(
      fc.property(prose, fc.option(fc.webUrl()), (text, url) => {
        const article = textArticle({ url, text });
        const report = buildReport(article, { id: 't' });
        checkReport(report, article.text);
        checkSpans(spansIn(report), article.text);
      }),
      { numRuns: RUNS * 2 },
    );
  });
  test('on every labelled fixture text, each evidence span with offsets is the text at those offsets', () => {
    let spans = 0;
    for (const set of readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'input.jsonl')))) {
      for (const line of readFileSync(join(FIXTURES, set, 'input.jsonl'), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const rec = JSON.parse(line) as { id: string; url: string | null; text: string };
        const article = textArticle({ url: rec.url, text: rec.text });
        const report = buildReport(article, { id: rec.id });
        // the reports' spans (outage evidence) and the extractors' own (quotations with their offsets)
        const found = [...spansIn(report), ...extractOfficials(makeContext(article)).evidence];
        spans += found.length;
        checkSpans(found, article.text);
      }
    }
    expect(spans).toBeGreaterThan(200);
  });
});

// ---- groupIncidents ----

const REGIONS = [
  { province: 'Jawa Timur', province_code: '35', regency: 'Kabupaten Gresik', regency_code: '35.25' },
  { province: 'Kalimantan Utara', province_code: '65', regency: 'Kota Tarakan', regency_code: '65.71' },
  { province: 'Kalimantan Tengah', province_code: '62', regency: 'Kabupaten Barito Timur', regency_code: '62.13' },
  { province: 'Kalimantan Tengah', province_code: '62', regency: null, regency_code: null },
];
const CAUSES: CauseCategory[] = ['hardware', 'pdn', 'network', 'unexplained'];
const day = fc
  .integer({ min: 0, max: 120 })
  .map((n) => new Date(Date.UTC(2024, 4, 1) + n * 86_400_000).toISOString().slice(0, 10));

const reportArb = fc
  .record({
    is_incident: fc.boolean(),
    national: fc.boolean(),
    regions: fc.subarray(REGIONS, { maxLength: 2 }),
    start: fc.option(day),
    length: fc.option(fc.integer({ min: 0, max: 5 })),
    published: fc.option(day),
    cause: fc.option(fc.constantFrom(...CAUSES)),
  })
  .map((g): Omit<Report, 'id' | 'url'> => {
    const end =
      g.start && g.length !== null
        ? new Date(Date.parse(`${g.start}T00:00:00Z`) + g.length * 86_400_000).toISOString().slice(0, 10)
        : null;
    return {
      title: 't',
      text: 't',
      source: { name: null, host: null, kind: 'news' },
      language: 'ind',
      published: g.published,
      is_incident: g.is_incident,
      scope: g.national && g.regions.length === 0 ? 'national' : 'local',
      regions: g.regions.map((r) => ({ ...r, evidence: r.regency ?? r.province })),
      lpse: null,
      outage: { start: g.start, end, evidence: [] },
      causes: g.cause ? [{ category: g.cause, evidence: 'x', certainty: 'stated' }] : [],
      allegation: { present: false, evidence: [] },
      officials: [],
      impact: { schedule_changed: false, manual_fallback: false, evidence: [] },
    };
  });

const reportsArb = fc
  .array(reportArb, { maxLength: 30 })
  .map((rs) => rs.map((r, i): Report => ({ ...r, id: `r${i}`, url: `https://contoh.id/${i}` })));

/** Report ids of top-level incidents and of children, each list sorted: what the grouping decided. */
const membership = (incidents: ReturnType<typeof groupIncidents>) =>
  incidents.map((i) => `${i.parent_id ? 'child' : 'top'}:${[...i.report_ids].sort().join(',')}`).sort();

describe('groupIncidents on any reports', () => {
  test('every incident report lands in exactly one top-level incident, others in none; children within their parent', () => {
    fc.assert(
      fc.property(reportsArb, (reports) => {
        const incidents = groupIncidents(reports);
        const tops = new Map<string, number>();
        for (const inc of incidents) {
          if (!inc.parent_id) for (const id of inc.report_ids) tops.set(id, (tops.get(id) ?? 0) + 1);
        }
        for (const r of reports) expect(tops.get(r.id) ?? 0, r.id).toBe(r.is_incident ? 1 : 0);
        // a national incident's children break it down per LPSE: each child's reports are its parent's
        const byId = new Map(incidents.map((i) => [i.id, i]));
        for (const inc of incidents) {
          if (!inc.parent_id) continue;
          const parent = byId.get(inc.parent_id)!;
          expect(parent.children_ids).toContain(inc.id);
          for (const id of inc.report_ids) expect(parent.report_ids).toContain(id);
        }
        expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test('the grouping does not depend on the order of its input', () => {
    fc.assert(
      fc.property(
        reportsArb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        ([reports, shuffled]) => {
          const a = groupIncidents(reports);
          const b = groupIncidents(shuffled);
          expect(membership(b)).toEqual(membership(a));
          expect(b.map((i) => i.id).sort()).toEqual(a.map((i) => i.id).sort());
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  test('incident ids are stable when reports are added: every earlier id stays, as an id or an alias', () => {
    fc.assert(
      fc.property(reportsArb, reportsArb, (first, more) => {
        const before = groupIncidents(first);
        const added = more.map((r, i) => ({ ...r, id: `m${i}`, url: `https://contoh.id/m${i}` }));
        const after = groupIncidents([...first, ...added], before);
        const known = new Set(after.flatMap((i) => [i.id, ...(i.aliases ?? [])]));
        for (const inc of before) expect(known.has(inc.id), inc.id).toBe(true);
        // and an incident (or a child, per LPSE) whose reports are the same as before keeps its very id
        const what = (i: Incident) => `${i.parent_id ? 'child' : 'top'}|${i.key}|${[...i.report_ids].sort().join(',')}`;
        const afterByWhat = new Map(after.map((i) => [what(i), i.id]));
        for (const inc of before) {
          const same = afterByWhat.get(what(inc));
          if (same !== undefined) expect(same, what(inc)).toBe(inc.id);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
