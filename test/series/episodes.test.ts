/**
 * Episodes and observed spans from probe rows: the blip rule, and properties over random probe sequences.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PROBE_CLASSES, type ProbeClass } from '../../probe/types.ts';
import { type ProbePoint, toEpisodes, toSpans } from '../../src/series/episodes.ts';

const T0 = Date.parse('2026-08-19T03:00:00Z'); // 10:00 WIB
const MIN10 = 600_000;
const seq = (classes: ProbeClass[]): ProbePoint[] => classes.map((c, i) => ({ at: T0 + i * MIN10, class: c }));

describe('toEpisodes', () => {
  test('two failures in a row make an episode; one between successes is a blip', () => {
    const eps = toEpisodes('baritotimurkab', seq(['up', 'timeout', 'up', 'timeout', 'http-5xx', 'timeout', 'up']));
    expect(eps).toHaveLength(1);
    expect(eps[0]).toMatchObject({
      id: 'baritotimurkab:2026-08-19T03:30:00.000Z',
      start: '2026-08-19T03:30:00.000Z',
      end: '2026-08-19T04:00:00.000Z',
      lastFailure: '2026-08-19T03:50:00.000Z',
      class: 'timeout',
      probes: 3,
    });
    expect(eps[0]!.classes).toEqual([
      ['timeout', 2],
      ['http-5xx', 1],
    ]);
  });

  test('a run still going has no end; the threshold is a setting', () => {
    const pts = seq(['up', 'dns', 'up', 'cloudflare', 'cloudflare']);
    expect(toEpisodes('x', pts).map((e) => [e.start, e.end])).toEqual([['2026-08-19T03:30:00.000Z', null]]);
    expect(toEpisodes('x', pts, { minFailures: 1 })).toHaveLength(2);
    expect(toEpisodes('x', pts, { minFailures: 3 })).toHaveLength(0);
  });

  test('a tie between classes goes to the one seen first', () => {
    expect(toEpisodes('x', seq(['spse-error', 'timeout', 'timeout', 'spse-error', 'up']))[0]!.class).toBe('spse-error');
  });

  const failures = PROBE_CLASSES.filter((c) => c !== 'up');
  const sequences = fc
    .array(fc.oneof(fc.constant<ProbeClass>('up'), fc.constant<ProbeClass>('up'), fc.constantFrom(...failures)), {
      maxLength: 120,
    })
    .chain((classes) =>
      fc
        .array(fc.integer({ min: 1, max: 40 * MIN10 }), { minLength: classes.length, maxLength: classes.length })
        .map((gaps) => {
          let t = T0;
          return classes.map((c, i) => {
            t += gaps[i]!;
            return { at: t, class: c };
          });
        }),
    );

  test('properties: sorted, never overlapping, every failure of a long run in exactly one episode, none else', () => {
    fc.assert(
      fc.property(sequences, fc.integer({ min: 1, max: 4 }), (pts, min) => {
        const eps = toEpisodes('x', pts, { minFailures: min });
        for (let k = 1; k < eps.length; k++) {
          // the next episode starts after the previous one ended (its end is a success, which no episode holds)
          expect(eps[k - 1]!.end).not.toBeNull();
          expect(Date.parse(eps[k]!.start)).toBeGreaterThan(Date.parse(eps[k - 1]!.end!));
        }
        // runs of failures computed here independently
        const runs: ProbePoint[][] = [];
        let run: ProbePoint[] = [];
        for (const p of pts) {
          if (p.class === 'up') {
            if (run.length) runs.push(run);
            run = [];
          } else run.push(p);
        }
        if (run.length) runs.push(run);
        const long = runs.filter((r) => r.length >= min);
        expect(eps.length).toBe(long.length);
        for (const p of pts) {
          const holders = eps.filter((e) => p.at >= Date.parse(e.start) && p.at <= Date.parse(e.lastFailure));
          const inLong = p.class !== 'up' && long.some((r) => r.includes(p));
          expect(holders.length).toBe(inLong ? 1 : 0);
        }
        eps.forEach((e, k) => {
          const r = long[k]!;
          expect(e.probes).toBe(r.length);
          const next = pts.find((p) => p.class === 'up' && p.at > r[r.length - 1]!.at);
          expect(e.end).toBe(next ? new Date(next.at).toISOString() : null);
          const counts = new Map<string, number>();
          for (const p of r) counts.set(p.class, (counts.get(p.class) ?? 0) + 1);
          expect(counts.get(e.class)).toBe(Math.max(...counts.values()));
          expect(e.classes.reduce((n, [, c]) => n + c, 0)).toBe(r.length);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('toSpans', () => {
  test('probes at most maxGap apart cover the time between them', () => {
    expect(toSpans([0, 10, 20, 100, 105], 30)).toEqual([
      { start: 0, end: 20 },
      { start: 100, end: 105 },
    ]);
    expect(toSpans([25, 40], 30, { start: 0, end: 20 })).toEqual([{ start: 0, end: 40 }]);
    expect(toSpans([60], 30, { start: 0, end: 20 })).toEqual([
      { start: 0, end: 20 },
      { start: 60, end: 60 },
    ]);
  });

  test('property: spans are disjoint, cover every time, and each gap inside a span is at most maxGap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 })), fc.integer({ min: 1, max: 500 }), (raw, gap) => {
        const times = [...raw].sort((a, b) => a - b);
        const spans = toSpans(times, gap);
        for (let k = 1; k < spans.length; k++) expect(spans[k]!.start - spans[k - 1]!.end).toBeGreaterThan(gap);
        for (const t of times) expect(spans.filter((s) => t >= s.start && t <= s.end)).toHaveLength(1);
        for (let i = 1; i < times.length; i++) {
          const same = spans.some((s) => times[i - 1]! >= s.start && times[i]! <= s.end);
          expect(same).toBe(times[i]! - times[i - 1]! <= gap);
        }
      }),
      { numRuns: 300 },
    );
  });
});
