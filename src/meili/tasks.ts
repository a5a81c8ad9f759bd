import type { EnqueuedTaskPromise, Task } from 'meilisearch';

/** Thrown when a Meilisearch task ends in any state but `succeeded`. */
export class MeiliTaskError extends Error {
  constructor(readonly task: Task) {
    super(
      `Meilisearch task ${task.uid} (${task.type}${task.indexUid ? ` on ${task.indexUid}` : ''}) ${task.status}: ${
        task.error ? `${task.error.code}: ${task.error.message}` : 'no error given'
      }`,
    );
    this.name = 'MeiliTaskError';
  }
}

/**
 * Waits for a write and fails loudly unless it succeeded: meilisearch-js resolves a failed task rather than
 * throwing, so every write in Pantau goes through here.
 */
export async function waitOk(pending: EnqueuedTaskPromise, timeOutMs = 120_000): Promise<Task> {
  const task = await pending.waitTask({ timeout: timeOutMs, interval: 25 });
  if (task.status !== 'succeeded') throw new MeiliTaskError(task);
  return task;
}
