// `pantau probe` end to end: the local SPSE scripted to fail, rounds saved in the probe database, an episode opened
// by two failed rounds, and clear errors for bad options.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSeries } from '../../src/series/store.ts';
import { PANTAU, runPantau, tempDir } from '../helpers.ts';

describe('pantau probe --sim', () => {
  it('saves every probe of each round and opens an episode for an instance down two rounds in a row', async () => {
    const dir = tempDir();
    const timetable = join(dir, 'timetable.json');
    const now = Date.now();
    writeFileSync(
      timetable,
      JSON.stringify({
        entries: [
          {
            instance: 'baritotimurkab',
            from: new Date(now - 3_600_000).toISOString(),
            to: new Date(now + 3_600_000).toISOString(),
            fail: 'cloudflare',
            status: 522,
          },
        ],
      }),
    );
    const data = join(dir, 'data');
    const args = ['--data-dir', data, 'probe', '--sim', '--timetable', timetable, '--lpse'];
    const run = await runPantau([
      ...args,
      'baritotimurkab,acehbaratkab,mimikakab',
      '--rounds',
      '2',
      '--round-ms',
      '800',
      '--timeout-ms',
      '300',
      '--json',
    ]);
    expect(run.stderr).not.toMatch(/unexpected error|at .*\.ts:\d+/);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      rounds: { counts: Record<string, number>; probes: number }[];
      episodes: number;
      episodesOpen: number;
    };
    expect(out.rounds).toHaveLength(2);
    for (const r of out.rounds) {
      expect(r.probes).toBe(3);
      expect(r.counts.cloudflare).toBe(1);
      expect(r.counts.up).toBe(2);
    }
    expect(out.episodes).toBe(1);
    expect(out.episodesOpen).toBe(1);

    const store = await openSeries(data, { mode: 'read' });
    try {
      const episodes = await store.episodes();
      expect(episodes.map((e) => [e.instance, e.class, e.end])).toEqual([['baritotimurkab', 'cloudflare', null]]);
      expect((await store.stats()).probes).toBe(6);
    } finally {
      await store.close();
    }
  });

  it('names a bad option in one line, without a stack trace', async () => {
    const data = join(tempDir(), 'data');
    for (const [args, msg] of [
      [['--lpse', 'nosuchlpse'], /unknown LPSE nosuchlpse/],
      [['--rounds', '0'], /--rounds must be a whole number/],
      [['--form', 'sideways'], /--form must be one of alternate, central, old/],
      [['--round-ms', '1000', '--timeout-ms', '2000'], /must be shorter than the round/],
      [['--retention-days', '0'], /--retention-days must be a whole number from 1 to 36500/],
    ] as const) {
      const run = await runPantau(['--data-dir', data, 'probe', '--sim', ...args]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(msg);
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    const noSim = await runPantau(['--data-dir', data, 'probe', '--timetable', 'x.json']);
    expect(noSim.stderr).toMatch(/--timetable scripts the local SPSE: use it with --sim/);
  });
});

describe('pantau probe killed with kill -9 in the middle of its rounds', () => {
  it('keeps every round it saved whole, and the next run opens and appends to the same database', async () => {
    const data = join(tempDir(), 'data');
    const args = ['--data-dir', data, 'probe', '--sim', '--lpse', 'baritotimurkab,acehbaratkab,mimikakab'];
    const child = spawn(
      process.execPath,
      [PANTAU, ...args, '--rounds', '1000', '--round-ms', '400', '--timeout-ms', '200'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // wait for a few rounds to end, then kill it without warning, wherever it is
    let out = '';
    await new Promise<void>((ok) => {
      child.stdout.on('data', (d) => {
        out += d;
        if ((out.match(/^round /gm) ?? []).length >= 3) ok();
      });
    });
    child.kill('SIGKILL');
    await new Promise((ok) => child.on('close', ok));

    const read = await openSeries(data, { mode: 'read' });
    const saved = (await read.stats()).probes;
    await read.close();
    // rows are written a round at a time (3 instances, fewer than a batch): only whole rounds are there
    expect(saved).toBeGreaterThanOrEqual(9);
    expect(saved % 3).toBe(0);

    const again = await runPantau([...args, '--round-ms', '400', '--timeout-ms', '200', '--json']);
    expect(again.code, again.stderr).toBe(0);
    const after = await openSeries(data, { mode: 'read' });
    expect((await after.stats()).probes).toBe(saved + 3);
    await after.close();
  });
});
