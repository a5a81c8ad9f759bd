import type { Command } from 'commander';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { findRunning, stopRunning } from '../meili/embedded.ts';
import { processRunning } from '../meili/lease.ts';

export function register(program: Command, cli: Cli): void {
  program
    .command('up')
    .description('start the embedded Meilisearch (or join the running one) and keep it up until Ctrl-C')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', (v) => parsePort(v))
    .action(async (opts: { port?: number }) => {
      if (process.env.MEILI_URL) throw new UserError(`MEILI_URL is set (${process.env.MEILI_URL}): nothing to start`);
      const dir = cli.dataDir();
      const running = await findRunning(dir);
      if (running && opts.port !== undefined && running.port !== opts.port) {
        throw new UserError(`Meilisearch is already running for ${dir.root} at ${running.url} (pid ${running.pid})`);
      }
      await cli.withMeili(
        async (conn) => {
          console.log(
            `Meilisearch is ${conn.mode === 'embedded-reused' ? 'already ' : ''}up at ${conn.url} (data in ${dir.meili}); Ctrl-C to stop.`,
          );
          // Runs until SIGINT/SIGTERM (the CLI's signal handler gives the lease back: the server stops unless
          // another Pantau process uses it), or until `pantau down` stops the server.
          await new Promise<void>((resolveGone) => {
            const timer = setInterval(() => {
              if (conn.pid && !processRunning(conn.pid)) {
                clearInterval(timer);
                cli.info('Meilisearch was stopped (pantau down?)');
                resolveGone();
              }
            }, 1000);
          });
        },
        { port: opts.port },
      );
    });

  program
    .command('down')
    .description('stop the embedded Meilisearch of this data dir (refused while other Pantau commands use it)')
    .option('--force', 'stop it even while other Pantau commands use it')
    .action(async (opts: { force?: boolean }) => {
      const stopped = await stopRunning(cli.dataDir(), { force: opts.force });
      console.log(
        stopped ? `Meilisearch stopped (pid ${stopped.pid}).` : 'No embedded Meilisearch is running for this data dir.',
      );
    });
}

export function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new UserError(`--port must be a number from 1 to 65535, not ${v}`);
  return n;
}
