import { describe, expect, test } from 'vitest';
import { probeTargets, readLpseTable, roundNumber, urlOf } from '../../probe/targets.ts';

const table = readLpseTable();

describe('probe targets from crawlers/lpse-table.json', () => {
  test('one target per instance, 600 of them, in both forms when alternating', () => {
    const t = probeTargets(table);
    expect(t).toHaveLength(600);
    expect(new Set(t.map((x) => x.instance)).size).toBe(600);
    const central = t.filter((x) => x.form === 'central');
    // Half the instances per round on the shared central host, not all 600.
    expect(central.length).toBe(300);
    expect(central.every((x) => x.url.startsWith('https://spse.inaproc.id/'))).toBe(true);
    expect(t.filter((x) => x.form === 'old').every((x) => x.url.endsWith('/eproc4'))).toBe(true);
  });

  test('the next round probes each instance in the other form', () => {
    const a = probeTargets(table, { round: 0 });
    const b = probeTargets(table, { round: 1 });
    for (let i = 0; i < a.length; i++) expect(a[i]!.form).not.toBe(b[i]!.form);
  });

  test('a fixed form, and a subset', () => {
    const old = probeTargets(table, { form: 'old', only: ['baritotimurkab', 'acehbaratkab'] });
    expect(old).toEqual([
      { instance: 'acehbaratkab', url: 'https://lpse.acehbaratkab.go.id/eproc4', form: 'old' },
      { instance: 'baritotimurkab', url: 'https://lpse.baritotimurkab.go.id/eproc4', form: 'old' },
    ]);
  });

  test('an instance without an old host is probed in the central form', () => {
    const e = { id: 'x', name: 'LPSE X', region_code: null, url: 'https://spse.inaproc.id/x/', old_url: null };
    expect(urlOf(e, 'old')).toBeNull();
    expect(probeTargets([e], { form: 'old' })).toEqual([
      { instance: 'x', url: 'https://spse.inaproc.id/x', form: 'central' },
    ]);
  });

  test('round numbers follow the clock, so consecutive rounds alternate', () => {
    const t = Date.parse('2026-08-19T06:00:00Z');
    expect(roundNumber(t + 600_000, 600_000) - roundNumber(t, 600_000)).toBe(1);
  });
});
