/** Fetching JSON from Pantau's own API, cancelling what a newer request replaces. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

/** Keeps one request in flight per slot: starting a new one aborts the previous. */
export function latest() {
  let ctrl: AbortController | null = null;
  return <T>(url: string): Promise<T> => {
    ctrl?.abort();
    ctrl = new AbortController();
    return getJson<T>(url, ctrl.signal);
  };
}

export const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';
