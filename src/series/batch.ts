/**
 * Probe rows arrive one by one (`RoundOptions.onRow`); the store wants them in batches (one transaction, one
 * open of the file each). A batcher collects them and appends every `maxRows` rows or `everyMs` milliseconds,
 * whichever comes first, and on `flush()` at the end of the round: a kill -9 loses at most the rows not yet
 * appended, never a stored one. After a failed append every later flush rejects with its error (the store is
 * unusable: the caller stops).
 */
import type { ProbeRow, SeriesStore } from '../../probe/types.ts';

export interface Batcher {
  /** Queues a row (the promise settles when the batch holding it is stored, if this row filled it). */
  add(row: ProbeRow): Promise<void>;
  /** Appends what is queued; resolves once everything added before it is stored. */
  flush(): Promise<void>;
}

/**
 * @example const b = batchAppends(store); await runRound(targets, { ...opts, onRow: (r) => b.add(r) }); await b.flush();
 */
export function batchAppends(
  store: Pick<SeriesStore, 'appendProbes'>,
  opts: { maxRows?: number; everyMs?: number } = {},
): Batcher {
  const maxRows = opts.maxRows ?? 200;
  const everyMs = opts.everyMs ?? 15_000;
  let queue: ProbeRow[] = [];
  let timer: NodeJS.Timeout | null = null;
  // appends run one after the other, in the order their rows came
  let chain: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queue.length) {
      const rows = queue;
      queue = [];
      chain = chain.then(() => store.appendProbes(rows));
    }
    return chain;
  };
  return {
    add(row) {
      queue.push(row);
      if (queue.length >= maxRows) return flush();
      if (!timer) {
        timer = setTimeout(() => {
          // a failed timed append surfaces at the next flush()
          void flush().catch(() => {});
        }, everyMs);
        timer.unref?.();
      }
      return Promise.resolve();
    },
    flush,
  };
}
