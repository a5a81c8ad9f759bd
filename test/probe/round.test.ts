import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classifyProbe } from '../../probe/classify.ts';
import { RobotsCache } from '../../probe/robots.ts';
import { PROBE_USER_AGENT, probeOnce, runRound, schedule } from '../../probe/round.ts';
import { probeTargets } from '../../probe/targets.ts';
import type { ProbeClass, ProbeRow, ProbeTarget } from '../../probe/types.ts';
import { tableInstances } from '../../src/spse-sim/instances.ts';
import { createSpseSim, type SpseSim } from '../../src/spse-sim/server.ts';
import type { SimFailure, Timetable, TimetableEntry } from '../../src/spse-sim/timetable.ts';

// A world of 24 instances of the real table; the scripted ones are picked by their place in it.
const INSTANCES = tableInstances().slice(0, 24);
const SLUGS = INSTANCES.map((i) => i.slug);
const T0 = Date.parse('2026-08-19T06:00:00Z');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const FAST = { roundMs: 1200, timeoutMs: 1000, concurrency: 16, userAgent: PROBE_USER_AGENT, pacingMs: 0 };

/** What the prober must see for a scripted failure (the test's own mapping, not the sim's). */
const EXPECTED: Record<SimFailure, ProbeClass> = {
  'spse-error': 'spse-error',
  'http-5xx': 'http-5xx',
  cloudflare: 'cloudflare',
  forbidden: 'forbidden',
  timeout: 'timeout',
  dns: 'dns',
  'connection-refused': 'connection-refused',
  maintenance: 'maintenance',
  'redirect-loop': 'redirect-loop',
  'not-found': 'other-error',
};

let now = T0;
let sim: SpseSim;
beforeAll(async () => {
  sim = await createSpseSim({ instances: INSTANCES, clock: () => now });
});
afterAll(() => sim?.close());

function round(targets: ProbeTarget[], extra: Partial<Parameters<typeof runRound>[1]> = {}) {
  return runRound(targets, { ...FAST, lookup: sim.lookup, now: () => now, robots: false, ...extra });
}

describe('a round classifies every scripted failure', () => {
  const failures = Object.keys(EXPECTED) as SimFailure[];
  // Instance i fails with failures[i], in both forms where the failure can exist in both.
  const entries: TimetableEntry[] = failures.map((fail, i) => ({
    instance: SLUGS[i]!,
    from: iso(T0 - 30 * MIN),
    to: iso(T0 + 30 * MIN),
    fail,
    ...(fail === 'spse-error' ? { code: '81kep4jo9' } : {}),
  }));
  let byForm: Record<'central' | 'old', Map<string, ProbeRow>>;
  beforeAll(async () => {
    sim.setTimetable({ entries });
    now = T0;
    const table = sim.table();
    byForm = { central: new Map(), old: new Map() };
    for (const form of ['central', 'old'] as const) {
      const rows = await round(probeTargets(table, { form }));
      for (const r of rows) byForm[form].set(r.instance, r);
    }
  });

  test.each(failures.map((f, i) => [f, i] as const))('%s (old form)', (fail, i) => {
    const row = byForm.old.get(SLUGS[i]!)!;
    expect(row.class).toBe(EXPECTED[fail]);
    if (fail === 'spse-error') expect(row.errorCode).toBe('81kep4jo9');
    if (fail === 'timeout') expect(row.latencyMs).toBeGreaterThanOrEqual(FAST.timeoutMs - 5);
    if (fail === 'cloudflare') expect(row.status).toBe(522);
  });

  test.each(failures.map((f, i) => [f, i] as const))('%s (central form)', (fail, i) => {
    const row = byForm.central.get(SLUGS[i]!)!;
    // The central domain is one host: a name or a port cannot fail for one instance there.
    const expected = fail === 'dns' || fail === 'connection-refused' ? 'up' : EXPECTED[fail];
    expect(row.class).toBe(expected);
  });

  test('the instances not scripted are up, with the version of their footer, in both forms', () => {
    for (const form of ['central', 'old'] as const) {
      for (const inst of INSTANCES.slice(failures.length)) {
        const row = byForm[form].get(inst.slug)!;
        expect(row, `${inst.slug} ${form}`).toMatchObject({ class: 'up', status: 200, version: inst.version });
      }
    }
    // Both footers are in the world: 4.5's and the old eproc4 one.
    expect(new Set(INSTANCES.map((i) => i.footer))).toEqual(new Set(['4.5', 'eproc4']));
  });

  test('a row says when, which round, which URL; a moved old host is followed to the central form', () => {
    const moved = INSTANCES.slice(failures.length).find((i) => i.moved)!;
    const row = byForm.old.get(moved.slug)!;
    expect(row).toMatchObject({ class: 'up', form: 'old', url: sim.oldBase(moved.slug), round: iso(T0), at: iso(T0) });
    expect(sim.requests.some((r) => r.instance === moved.slug && r.form === 'central')).toBe(true);
  });
});

describe('rounds against a fake clock follow the timetable round by round', () => {
  const ROUND = 10 * MIN;
  const ROUNDS = 8;
  // Outages near each other and apart, overlapping rounds partly, in one form or both.
  const script: Timetable = {
    entries: [
      { instance: SLUGS[0]!, from: iso(T0 + 5 * MIN), to: iso(T0 + 35 * MIN), fail: 'cloudflare', status: 524 },
      { instance: SLUGS[1]!, from: iso(T0 + 20 * MIN), to: iso(T0 + 21 * MIN), fail: 'timeout' },
      { instance: SLUGS[2]!, from: iso(T0), to: iso(T0 + 80 * MIN), fail: 'dns', form: 'old' },
      { instance: SLUGS[3]!, from: iso(T0 + 40 * MIN), to: iso(T0 + 60 * MIN), fail: 'spse-error' },
      { instance: SLUGS[3]!, from: iso(T0 + 60 * MIN), to: iso(T0 + 70 * MIN), fail: 'maintenance' },
      { instance: SLUGS[4]!, from: iso(T0 + 10 * MIN), to: iso(T0 + 30 * MIN), fail: 'connection-refused' },
      { instance: SLUGS[5]!, from: iso(T0 + 50 * MIN), to: iso(T0 + 90 * MIN), fail: 'http-5xx', status: 503 },
      { instance: SLUGS[6]!, from: iso(T0 + 30 * MIN), to: iso(T0 + 40 * MIN), fail: 'redirect-loop', form: 'central' },
      { instance: SLUGS[7]!, from: iso(T0 + 70 * MIN), to: iso(T0 + 80 * MIN), fail: 'forbidden' },
    ],
  };
  /** The class the timetable implies, read from the script by the test itself. */
  const expectedAt = (instance: string, form: 'central' | 'old', at: number): ProbeClass => {
    for (const e of script.entries) {
      if (e.instance !== instance || at < Date.parse(e.from) || at >= Date.parse(e.to)) continue;
      if (e.form && e.form !== form) continue;
      if (form === 'central' && (e.fail === 'dns' || e.fail === 'connection-refused')) continue;
      return EXPECTED[e.fail];
    }
    return 'up';
  };

  test(`${ROUNDS} rounds, every row as scripted, forms alternating`, async () => {
    sim.setTimetable(script);
    const table = sim.table().slice(0, 10);
    const seenForms = new Map<string, Set<string>>();
    let mismatches: string[] = [];
    let failedRows = 0;
    for (let k = 0; k < ROUNDS; k++) {
      now = T0 + k * ROUND;
      const rows = await round(probeTargets(table, { round: k }));
      expect(rows).toHaveLength(table.length);
      for (const r of rows) {
        expect(r.round).toBe(iso(now));
        const want = expectedAt(r.instance, r.form, now);
        if (r.class !== want) mismatches.push(`round ${k} ${r.instance} ${r.form}: ${r.class}, scripted ${want}`);
        if (want !== 'up') failedRows++;
        seenForms.set(r.instance, (seenForms.get(r.instance) ?? new Set()).add(r.form));
      }
    }
    expect(mismatches).toEqual([]);
    // The script is not trivial: a good share of rows were failures, and every instance was seen in both forms.
    expect(failedRows).toBeGreaterThanOrEqual(12);
    for (const forms of seenForms.values()) expect(forms.size).toBe(2);
    mismatches = [];
  });
});

describe('how a round behaves', () => {
  test('rows reach onRow as each probe ends: a hanging instance comes last, the round still ends', async () => {
    sim.setTimetable({ entries: [{ instance: SLUGS[0]!, from: iso(T0), to: iso(T0 + MIN), fail: 'timeout' }] });
    now = T0;
    const order: string[] = [];
    const rows = await round(probeTargets(sim.table().slice(0, 6), { form: 'central' }), {
      roundMs: 1000,
      timeoutMs: 800,
      onRow: (r) => {
        order.push(r.instance);
      },
    });
    expect(rows).toHaveLength(6);
    expect(order).toHaveLength(6);
    expect(order.at(-1)).toBe(SLUGS[0]);
  });

  test('the requests carry Pantau User-Agent and are spread over the round, not sent in a burst', async () => {
    sim.setTimetable({ entries: [] });
    const before = sim.requestCount();
    const t = Date.now();
    const arrivals: number[] = [];
    const targets = probeTargets(sim.table().slice(0, 8), { form: 'central' });
    await round(targets, {
      roundMs: 1200,
      timeoutMs: 400,
      onRow: () => {
        arrivals.push(Date.now() - t);
      },
    });
    const mine = sim.requests.slice(-(sim.requestCount() - before));
    expect(mine.every((r) => r.userAgent === PROBE_USER_AGENT)).toBe(true);
    // 8 requests over 800 ms (the round less one timeout): one every 100 ms; the last no sooner than ~700 ms.
    expect(arrivals.at(-1)!).toBeGreaterThanOrEqual(600);
    expect(arrivals[0]!).toBeLessThan(450);
  });

  test('schedule: evenly spread, leaving a timeout at the end, paced per host', () => {
    const t = (host: string, i: number): ProbeTarget => ({
      instance: `i${i}`,
      url: `http://${host}/x${i}`,
      form: 'old',
    });
    expect(
      schedule([t('a', 0), t('b', 1), t('c', 2), t('d', 3)], { roundMs: 1000, timeoutMs: 200, pacingMs: 0 }),
    ).toEqual([0, 200, 400, 600]);
    // Two on one host, 500 ms pacing: the second waits.
    expect(schedule([t('a', 0), t('a', 1), t('b', 2)], { roundMs: 700, timeoutMs: 100, pacingMs: 500 })).toEqual([
      0, 500, 400,
    ]);
  });

  test('at most `concurrency` probes in flight', async () => {
    // Every instance hangs: with concurrency 3 and no spread, the fourth waits for a timeout.
    const slugs = SLUGS.slice(0, 6);
    sim.setTimetable({
      entries: slugs.map((instance) => ({ instance, from: iso(T0), to: iso(T0 + MIN), fail: 'timeout' as const })),
    });
    now = T0;
    const started = Date.now();
    const rows = await round(probeTargets(sim.table().slice(0, 6), { form: 'central' }), {
      roundMs: 0,
      timeoutMs: 200,
      concurrency: 3,
    });
    expect(rows.every((r) => r.class === 'timeout')).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390); // two waves of 200 ms
  });

  test('robots.txt is respected per host, and fetched once per host across rounds', async () => {
    sim.setTimetable({ entries: [] });
    const forbidden = INSTANCES[2]!;
    const robotsSim = await createSpseSim({
      instances: INSTANCES.slice(0, 4),
      clock: () => now,
      robotsTxt: (host) =>
        host === forbidden.oldHost ? 'User-agent: PantauBot\nDisallow: /\n' : 'User-agent: *\nAllow: /\n',
    });
    try {
      const robots = new RobotsCache({ userAgent: PROBE_USER_AGENT, lookup: robotsSim.lookup, now: () => now });
      const skipped: string[] = [];
      const targets = probeTargets(robotsSim.table(), { form: 'old' });
      for (let k = 0; k < 2; k++) {
        const rows = await runRound(targets, {
          ...FAST,
          lookup: robotsSim.lookup,
          robots,
          onSkip: (t) => skipped.push(t.instance),
        });
        expect(rows.map((r) => r.instance).sort()).toEqual(
          targets
            .map((t) => t.instance)
            .filter((s) => s !== forbidden.slug)
            .sort(),
        );
      }
      expect(skipped).toEqual([forbidden.slug, forbidden.slug]);
      const robotsFetches = robotsSim.requests.filter((r) => r.path === '/robots.txt');
      // Four old hosts, and the central host the moved instance redirects to; each once over two rounds.
      expect(robotsFetches.length).toBeGreaterThanOrEqual(4);
      expect(new Set(robotsFetches.map((r) => r.host)).size).toBe(robotsFetches.length);
      expect(robotsSim.requests.some((r) => r.instance === forbidden.slug && r.path !== '/robots.txt')).toBe(false);
    } finally {
      await robotsSim.close();
    }
  });

  test('only the first 256 KB of a body is read', async () => {
    const big = await createSpseSim({
      instances: INSTANCES.slice(0, 1),
      routes: [
        (req) =>
          req.path === '/'
            ? {
                body: `<html><head><title>LPSE</title></head><body>${'<p>Berita LPSE.</p>'.repeat(40_000)}<footer>Aplikasi SPSE v4.5u20250321</footer></body></html>`,
              }
            : null,
      ],
    });
    try {
      const [row] = await runRound(probeTargets(big.table(), { form: 'central' }), {
        ...FAST,
        lookup: big.lookup,
        robots: false,
      });
      // The footer sits past 256 KB: a prober that read the whole 720 KB would have found the version.
      expect(row).toMatchObject({ class: 'up', version: null });
    } finally {
      await big.close();
    }
  });

  test('a failing onRow (a store that cannot write) stops the round and reaches the caller', async () => {
    sim.setTimetable({ entries: [] });
    let calls = 0;
    await expect(
      round(probeTargets(sim.table().slice(0, 10), { form: 'central' }), {
        roundMs: 500,
        onRow: () => {
          calls++;
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(calls).toBeLessThan(10);
  });

  test('an aborted round returns early and writes no row for the probes it cut', async () => {
    sim.setTimetable({
      entries: SLUGS.slice(0, 10).map((instance) => ({
        instance,
        from: iso(T0),
        to: iso(T0 + MIN),
        fail: 'timeout' as const,
      })),
    });
    now = T0;
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(), 100);
    const started = Date.now();
    const rows = await round(probeTargets(sim.table().slice(0, 10), { form: 'central' }), {
      roundMs: 5000,
      timeoutMs: 3000,
      signal: ctl.signal,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(rows).toEqual([]);
  });

  test('probeOnce counts rows per class', async () => {
    sim.setTimetable({ entries: [{ instance: SLUGS[1]!, from: iso(T0), to: iso(T0 + MIN), fail: 'cloudflare' }] });
    now = T0;
    const s = await probeOnce(probeTargets(sim.table().slice(0, 5), { form: 'central' }), {
      ...FAST,
      lookup: sim.lookup,
      now: () => now,
      robots: false,
    });
    expect(s.counts.up).toBe(4);
    expect(s.counts.cloudflare).toBe(1);
    expect(s.rows).toHaveLength(5);
    expect(s.round).toBe(iso(T0));
  });
});

test('classifyProbe is what the round uses (a row and a direct classification agree)', () => {
  expect(classifyProbe({ kind: 'error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }).class).toBe(
    'connection-refused',
  );
});

test('an answer cut off mid-body is other-error at once, not a timeout', async () => {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
    res.write('<html><head><title>LPSE</title></head><body>');
    setTimeout(() => res.socket?.destroy(), 20);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  try {
    const { port } = server.address() as { port: number };
    const started = Date.now();
    const [row] = await runRound([{ instance: 'x', url: `http://127.0.0.1:${port}/`, form: 'old' }], {
      ...FAST,
      timeoutMs: 3000,
      robots: false,
    });
    expect(row).toMatchObject({ class: 'other-error', detail: expect.stringContaining('ECONNRESET') });
    expect(Date.now() - started).toBeLessThan(2000);
  } finally {
    server.close();
  }
});
