/** The progress line of a long crawl, every few seconds (to stderr through the CLI's log), and once at its end. */

/** Logs `line()` every `everyMs` until the returned stop is called; the timer never keeps the process alive. */
export function startProgress(log: (line: string) => void, line: () => string, everyMs: number): () => void {
  const timer = setInterval(() => log(line()), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
