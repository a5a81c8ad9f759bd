import { expect, test } from 'vitest';
import type { ProbeClass } from '../../probe/types.ts';
import { tableInstances } from '../../src/spse-sim/instances.ts';
import { FakeClock, runSimRounds } from '../../src/spse-sim/rounds.ts';
import { createSpseSim } from '../../src/spse-sim/server.ts';
import { demoTimetable } from '../../src/spse-sim/timetable.ts';

test("the demo's script, observed round by round on a fake clock, in the old form", async () => {
  const start = Date.parse('2026-08-19T06:00:00Z');
  const clock = new FakeClock(start);
  const only = ['baritotimurkab', 'palangkaraya', 'acehbaratkab', 'mimikakab', 'agamkab'];
  const sim = await createSpseSim({
    instances: tableInstances().filter((i) => only.includes(i.slug)),
    clock: clock.now,
    timetable: demoTimetable(start),
  });
  try {
    const rounds: string[] = [];
    const rows = await runSimRounds({
      sim,
      clock,
      start,
      rounds: 7,
      form: 'old',
      onRound: (k) => rounds.push(`r${k}`),
    });
    expect(rounds).toHaveLength(7);
    // Read off demoTimetable's doc comment, minute by minute (rounds at 0, 10, …, 60).
    const u: ProbeClass = 'up';
    const expected: Record<string, ProbeClass[]> = {
      baritotimurkab: [u, u, 'cloudflare', 'cloudflare', 'cloudflare', u, u],
      palangkaraya: ['spse-error', 'spse-error', 'spse-error', 'spse-error', u, u, u],
      acehbaratkab: [u, 'dns', 'dns', 'dns', 'dns', u, u],
      mimikakab: [u, u, u, 'timeout', 'timeout', 'timeout', u],
      agamkab: [u, u, u, u, u, u, u],
    };
    for (const [slug, classes] of Object.entries(expected)) {
      const mine = rows.filter((r) => r.instance === slug).sort((a, b) => a.round.localeCompare(b.round));
      expect(
        mine.map((r) => r.class),
        slug,
      ).toEqual(classes);
      expect(mine.map((r) => r.round)).toEqual(classes.map((_, k) => new Date(start + k * 600_000).toISOString()));
    }
    expect(rows.find((r) => r.instance === 'palangkaraya')?.errorCode).toBe('81kep4jo9');
    // robots.txt once per host over the seven rounds (five old hosts, and the central host where moved ones land).
    const robots = sim.requests.filter((r) => r.path === '/robots.txt');
    expect(new Set(robots.map((r) => r.host)).size).toBe(robots.length);
  } finally {
    await sim.close();
  }
});
