/**
 * Politeness in time: at most one request per `delayMs` per host, keyed by host (Crawlee's own same-domain delay
 * keys by registrable domain and skips hosts without one, such as IP addresses and government hosts it cannot
 * parse). Both crawlers (HTTP and browser) hand their `delayRequest` to one HostPacer.
 */

/** Longest gap a request waits for its host's slot in place, holding its concurrency slot (ms). */
export const PARK_MAX_MS = 1000;

/** Pacing state of one host. */
export interface HostPace {
  /** Earliest time the host's next request may be sent (ms since the epoch). */
  next: number;
  /** The request that holds the host's next slot and has not been sent yet (its unique key), if any. */
  holder: string | null;
  /** Requests back in the queue on a timer, waiting for later slots. */
  waiting: number;
}

/**
 * Per-host pacing: one request per `delayMs` per host, whatever `delayMs`, counted from the moment each request
 * is sent (`sent()`, from got's beforeRequest hook) and from its response (`touchHost`), so neither a slow answer
 * nor a busy event loop between the decision and the socket write shortens the pause the host sees.
 *
 * One request at a time holds a host's next slot. It goes at once if the slot is open, or waits for it in place
 * if it opens within a pacing interval (at most PARK_MAX_MS; awaited by a pre-navigation hook), so short pacings
 * are exact. The others go back to the queue on a timer, each for a later slot (staggered, so a thousand queued
 * articles of one site do not all wake at once), without holding a concurrency slot, and the pool is told as
 * soon as one is back (`notify`): Crawlee itself looks for ready requests only every 0.5 s, which made any
 * pacing under 0.5 s about 2 pages/s.
 */
export class HostPacer {
  readonly hosts = new Map<string, HostPace>();
  /** Requests holding a slot they must wait for: unique key → host. */
  private readonly parked = new Map<string, string>();
  constructor(readonly delayMs: number) {}

  private hostOf(url: string): HostPace | null {
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      return null;
    }
    let h = this.hosts.get(host);
    if (!h) {
      h = { next: 0, holder: null, waiting: 0 };
      this.hosts.set(host, h);
    }
    return h;
  }

  /** Crawlee's delayRequest: true when the request went back to the queue for later. */
  delay(
    request: { url: string; uniqueKey?: string },
    source: { reclaimRequest(r: unknown, o?: { forefront?: boolean }): Promise<unknown> },
    notify: () => void,
    now = Date.now(),
  ): boolean {
    if (this.delayMs <= 0) return false;
    const h = this.hostOf(request.url);
    if (!h) return false;
    const key = request.uniqueKey ?? request.url;
    if (h.holder === null && h.next - now <= Math.min(this.delayMs, PARK_MAX_MS)) {
      h.holder = key;
      if (h.next > now) this.parked.set(key, new URL(request.url).host);
      return false;
    }
    const slot = Math.max(h.next, now) + (h.holder !== null ? this.delayMs : 0) + h.waiting * this.delayMs;
    h.waiting++;
    setTimeout(() => {
      h.waiting--;
      void source
        .reclaimRequest(request)
        .then(notify)
        .catch(() => {});
    }, slot - now);
    return true;
  }

  /** Before the request is sent: waits until its host's slot, if it holds one that is not open yet. */
  async wait(request: { url: string; uniqueKey?: string }): Promise<void> {
    const key = request.uniqueKey ?? request.url;
    const host = this.parked.get(key);
    if (host === undefined) return;
    this.parked.delete(key);
    const h = this.hosts.get(host)!;
    // h.next may move while waiting (the response of the host's previous request starts the pause again).
    for (let ms = h.next - Date.now(); ms > 0; ms = h.next - Date.now()) await new Promise((r) => setTimeout(r, ms));
  }

  /** The request is being sent: the host's next interval starts now (its slot stays held until the answer). */
  sent(request: { url: string; uniqueKey?: string }): void {
    if (this.delayMs <= 0) return;
    const h = this.hostOf(request.url);
    if (h) h.next = Math.max(h.next, Date.now() + this.delayMs);
  }

  /**
   * The answer (or a failure) came: the pause is counted from it too, and the slot goes to the next request. A
   * host thus has at most one request in flight, and it sees at least `delayMs` between the end of one answer and
   * the next request, however late a busy event loop writes a request after deciding to send it.
   */
  touch(request: { url: string; uniqueKey?: string }): void {
    if (this.delayMs <= 0) return;
    const h = this.hostOf(request.url);
    if (!h) return;
    h.next = Math.max(h.next, Date.now() + this.delayMs);
    if (h.holder === (request.uniqueKey ?? request.url)) h.holder = null;
  }

  /** The request will not be sent (budget spent, error before sending): its slot goes to the next one. */
  release(request: { url: string; uniqueKey?: string }): void {
    const key = request.uniqueKey ?? request.url;
    this.parked.delete(key);
    for (const h of this.hosts.values()) if (h.holder === key) h.holder = null;
  }
}
