/**
 * Serves fixture sites from a child process and prints each request as a JSON line on stdout: timing tests read
 * arrival times that the crawler's own busy event loop cannot delay (an in-process server logs a request only
 * when the crawler's loop lets it). First line: the served sites. Run: node --import tsx fixture-child.ts SITE…
 */
import { serveFixtures } from '../../src/fixture-server.ts';

const served = await serveFixtures({ sites: process.argv.slice(2) });
process.stdout.write(`${JSON.stringify(served.sites)}\n`);
const push = served.requests.push.bind(served.requests);
served.requests.push = (...items) => {
  for (const r of items) process.stdout.write(`${JSON.stringify(r)}\n`);
  return push(...items);
};
process.on('SIGTERM', () => void served.close().then(() => process.exit(0)));
