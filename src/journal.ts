/**
 * Append-only journals (the crawl frontier, the archive index, the report store): one JSON object a line, written
 * with appends, read back skipping lines a kill tore.
 */
import { fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens a journal for appending. When a kill tore its last line (no newline at the end), a newline is written
 * first, so the torn fragment does not swallow the first line appended after it.
 */
export function openJournal(file: string): number {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'a+', 0o600);
  const size = fstatSync(fd).size;
  if (size > 0) {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] !== 10) writeSync(fd, '\n');
  }
  return fd;
}
