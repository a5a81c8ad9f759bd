/** Rows one by one in, batches out: by count, by time, and all of them on flush, in order. */
import { expect, test, vi } from 'vitest';
import type { ProbeRow } from '../../probe/types.ts';
import { batchAppends } from '../../src/series/batch.ts';

const row = (i: number) => ({ instance: `lpse${i}` }) as ProbeRow;

test('a batch is appended when full, after everyMs, and on flush; never out of order', async () => {
  vi.useFakeTimers();
  try {
    const batches: string[][] = [];
    const store = { appendProbes: async (rows: readonly ProbeRow[]) => void batches.push(rows.map((r) => r.instance)) };
    const b = batchAppends(store, { maxRows: 3, everyMs: 1000 });
    for (let i = 0; i < 4; i++) await b.add(row(i));
    expect(batches).toEqual([['lpse0', 'lpse1', 'lpse2']]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([['lpse0', 'lpse1', 'lpse2'], ['lpse3']]);
    await b.add(row(4));
    await b.flush();
    expect(batches.flat()).toEqual(['lpse0', 'lpse1', 'lpse2', 'lpse3', 'lpse4']);
    await b.flush();
    expect(batches).toHaveLength(3);
  } finally {
    vi.useRealTimers();
  }
});

test('a failed append surfaces at flush', async () => {
  const b = batchAppends({ appendProbes: async () => Promise.reject(new Error('disk full')) }, { maxRows: 10 });
  await b.add(row(0));
  await expect(b.flush()).rejects.toThrow('disk full');
});
