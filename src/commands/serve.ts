import type { Command } from 'commander';
import { type Cli, trackConnection } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { readSearchKey } from '../meili/embedded.ts';
import { superviseMeili } from '../meili/supervised.ts';
import { watchStatus } from '../watch/state.ts';
import { parsePort } from './up.ts';

const LOOPBACK_RE = /^(?:127(?:\.\d{1,3}){3}|::1|localhost)$/i;

/** The public URL as given, checked: http(s), no query or fragment, no trailing slash. */
export function parsePublicUrl(v: string): string {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new UserError(`--public-url is not a URL: ${v}`);
  }
  if (!/^https?:$/.test(u.protocol) || u.search || u.hash || u.username || u.password) {
    throw new UserError(`--public-url must be an http(s) URL without query, fragment or credentials: ${v}`);
  }
  return u.href.replace(/\/+$/, '');
}

export function register(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description('the web app: search, incident pages, overview and hearing briefs (Ctrl-C to stop)')
    .option('--port <n>', 'port to listen on', (v) => parsePort(v), 8080)
    .option(
      '--host <host>',
      'address to listen on (0.0.0.0 for every interface: the app has no authentication)',
      '127.0.0.1',
    )
    .option(
      '--public-url <url>',
      'the URL readers open the app at, the base of links in briefs (default: the listen address)',
      (v) => parsePublicUrl(v),
    )
    .action(async (opts: { port: number; host: string; publicUrl?: string }) => {
      if (!/^[A-Za-z0-9.:[\]-]{1,255}$/.test(opts.host))
        throw new UserError(`--host is not a host name or address: ${opts.host}`);
      const host = opts.host.replace(/^\[|\]$/g, '');
      // Loaded here, not at start-up: the web server and its bundler are heavy and most commands never serve.
      const [{ archiveLink, archiveReader, meiliKbReader }, { startServer }, { openSeries }] = await Promise.all([
        import('../web/kb.ts'),
        import('../web/server.ts'),
        import('../series/store.ts'),
      ]);
      const dir = cli.dataDir();
      const meili = await superviseMeili(dir, {
        command: 'serve',
        log: (l) => cli.info(l),
        onConnect: trackConnection,
      });
      const reader = (client: Parameters<typeof meiliKbReader>[0]) =>
        meiliKbReader(client, { archiveUrl: (r) => archiveLink(dir, r.url) });
      const conn = meili.current();
      const secrets = [conn.apiKey, readSearchKey(dir)].filter((k): k is string => Boolean(k));
      const server = await startServer({
        // Every read goes through the supervisor: a backend lost meanwhile is reconnected (or restarted) and the
        // read tried once more.
        kb: {
          search: (params) => meili.use((client) => reader(client).search(params)),
          incident: (id) => meili.use((client) => reader(client).incident(id)),
          reportsOf: (id) => meili.use((client) => reader(client).reportsOf(id)),
        },
        health: () => meili.status(),
        watch: () => watchStatus(dir),
        // the probe database, opened read-only per request (a probe or watch writing meanwhile holds it only
        // while it appends); none yet: /api/deadlines says which command fills it, briefs have no deadline section
        series: () => openSeries(dir.root, { mode: 'read', waitMs: 5_000 }),
        archive: archiveReader(dir),
        secrets,
        port: opts.port,
        host,
        appUrl: opts.publicUrl,
        log: cli.info,
      }).catch(async (err) => {
        await meili.close();
        throw err;
      });
      if (!LOOPBACK_RE.test(host)) {
        // Printed even with -q: this is the one thing a person starting it this way must read.
        process.stderr.write(
          `pantau serve: warning: listening on ${host}, reachable from other machines; the app has no authentication, so anyone who can reach it reads the whole index and the archived pages (put it behind a proxy that authenticates, or use --host 127.0.0.1)\n`,
        );
      }
      console.log(`Pantau is at ${server.url}/ (Ctrl-C to stop)`);
      if (opts.publicUrl) console.log(`links in briefs point to ${opts.publicUrl}/`);
      // Runs until SIGINT/SIGTERM: the CLI's handler gives the Meilisearch lease back (stopping the server if no
      // other Pantau process uses it) and exits.
      await new Promise<never>(() => {});
    });
}
