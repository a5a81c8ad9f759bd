/**
 * `pantau`: a thin CLI over the library. Each sub-command lives in src/commands/<name>.ts and registers itself;
 * this file only wires them up and turns errors into one line and an exit code.
 */
import { Command, CommanderError } from 'commander';
import { closeAll, diskFullError, makeCli, type RegisterCommand, takeInterrupt } from './cli-kit.ts';
import { register as registerBrief } from './commands/brief.ts';
import { register as registerCrawl } from './commands/crawl.ts';
import { register as registerDeadlines } from './commands/deadlines.ts';
import { register as registerDemo } from './commands/demo.ts';
import { register as registerExport } from './commands/export.ts';
import { register as registerExtract } from './commands/extract.ts';
import { register as registerFixture } from './commands/fixture.ts';
import { register as registerIncident } from './commands/incident.ts';
import { register as registerIndex } from './commands/index.ts';
import { register as registerProbe } from './commands/probe.ts';
import { register as registerSchedules } from './commands/schedules.ts';
import { register as registerSearch } from './commands/search.ts';
import { register as registerServe } from './commands/serve.ts';
import { register as registerSources } from './commands/sources.ts';
import { register as registerStatus } from './commands/status.ts';
import { register as registerUp } from './commands/up.ts';
import { register as registerWatch } from './commands/watch.ts';
import { resolveDataDir } from './config.ts';
import { isDiskFull, messageOf, UserError } from './errors.ts';
import { MeiliTaskError } from './meili/tasks.ts';

// In pipeline order, as `pantau --help` lists them.
const COMMANDS: RegisterCommand[] = [
  registerDemo,
  registerUp,
  registerStatus,
  registerSources,
  registerCrawl,
  registerExtract,
  registerIndex,
  registerWatch,
  registerSearch,
  registerIncident,
  registerExport,
  registerServe,
  registerBrief,
  registerProbe,
  registerSchedules,
  registerDeadlines,
  registerFixture,
];

const program = new Command('pantau')
  .description("Watch Indonesia's e-procurement portals (LPSE/SPSE) through the news.")
  .version('0.1.0')
  .option(
    '--data-dir <dir>',
    'where Pantau keeps crawl state, archived pages, reports and the index (env PANTAU_DATA_DIR)',
    undefined,
  )
  .option('-q, --quiet', 'no progress lines on stderr')
  .showSuggestionAfterError()
  .exitOverride()
  .configureOutput({
    outputError: (str, write) =>
      write(str.split('\n')[0] ? `pantau: ${str.split('\n')[0]?.replace(/^error: /, '')}\n` : str),
  });

const cli = makeCli(program);
for (const register of COMMANDS) register(program, cli);
for (const c of program.commands) c.exitOverride();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    // `pantau watch` stops after its current step; a second signal stops it here, at once
    if (takeInterrupt(signal)) return;
    stopping = true;
    process.stderr.write(`\npantau: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}, stopping…\n`);
    void closeAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

try {
  await program.parseAsync(process.argv);
  await closeAll();
} catch (caught) {
  await closeAll();
  // A full disk is met wherever a write happens (archive, report store, crawl queue, Meilisearch): one line
  // naming the disk, whatever layer noticed it.
  const err =
    !(caught instanceof CommanderError) && isDiskFull(caught)
      ? diskFullError(resolveDataDir(program.opts().dataDir as string | undefined).root, cli.command())
      : caught;
  if (err !== caught && process.env.PANTAU_DEBUG) console.error(caught);
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else if (err instanceof UserError) {
    process.stderr.write(`pantau: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if (err instanceof MeiliTaskError) {
    process.stderr.write(`pantau: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`pantau: unexpected error: ${messageOf(err)}\n`);
    if (process.env.PANTAU_DEBUG) console.error(err);
    else process.stderr.write('(set PANTAU_DEBUG=1 for the stack trace; please report it)\n');
    process.exitCode = 70;
  }
}
