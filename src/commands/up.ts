import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { findRunning, stopRunning } from '../meili/embedded.ts';

export function register(program: Command, cli: Cli): void {
  program
    .command('up')
    .description('start the embedded Meilisearch and keep it running until Ctrl-C')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', (v) => parsePort(v))
    .action(async (opts: { port?: number }) => {
      if (process.env.MEILI_URL) throw new UserError(`MEILI_URL is set (${process.env.MEILI_URL}): nothing to start`);
      const dir = cli.dataDir();
      const running = await findRunning(dir);
      if (running) {
        throw new UserError(`Meilisearch is already running for ${dir.root} at ${running.url} (pid ${running.pid})`);
      }
      await cli.withMeili(
        async (conn) => {
          console.log(`Meilisearch is up at ${conn.url} (data in ${dir.meili}); Ctrl-C to stop.`);
          // Runs until SIGINT/SIGTERM: the CLI's signal handler stops the server and exits.
          await new Promise<never>(() => {});
        },
        { port: opts.port },
      );
    });

  program
    .command('down')
    .description('stop the embedded Meilisearch of this data dir (one started by `pantau up`)')
    .action(async () => {
      const stopped = await stopRunning(cli.dataDir());
      console.log(stopped ? 'Meilisearch stopped.' : 'No embedded Meilisearch is running for this data dir.');
    });
}

export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new UserError(`--port must be a number from 1 to 65535, not ${v}`);
  return n;
}
