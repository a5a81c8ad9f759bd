import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { readSearchKey } from '../meili/embedded.ts';
import { parsePort } from './up.ts';

export function register(program: Command, cli: Cli): void {
  program
    .command('serve')
    .description('the web app: search, incident pages, overview and hearing briefs (Ctrl-C to stop)')
    .option('--port <n>', 'port to listen on', (v) => parsePort(v), 8080)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      if (!/^[A-Za-z0-9.:[\]-]{1,255}$/.test(opts.host))
        throw new UserError(`--host is not a host name or address: ${opts.host}`);
      const host = opts.host.replace(/^\[|\]$/g, '');
      // Loaded here, not at start-up: the web server and its bundler are heavy and most commands never serve.
      const [{ archiveLink, archiveReader, meiliKbReader }, { startServer }] = await Promise.all([
        import('../web/kb.ts'),
        import('../web/server.ts'),
      ]);
      await cli.withMeili(async (conn) => {
        const secrets = [conn.apiKey, readSearchKey(cli.dataDir())].filter((k): k is string => Boolean(k));
        const dir = cli.dataDir();
        const server = await startServer({
          kb: meiliKbReader(conn.client, { archiveUrl: (r) => archiveLink(dir, r.url) }),
          archive: archiveReader(dir),
          secrets,
          port: opts.port,
          host,
          log: cli.info,
        });
        console.log(`Pantau is at ${server.url}/ (Ctrl-C to stop)`);
        // Runs until SIGINT/SIGTERM: the CLI's handler stops Meilisearch (if this process started it) and exits.
        await new Promise<never>(() => {});
      });
    });
}
