/**
 * `pantau demo`: the whole pipeline on the fixture sites, with no network. Serves fixtures/sites on 127.0.0.1,
 * crawls them, extracts reports, groups and indexes them in the embedded Meilisearch, then prints the incidents
 * and a couple of searches. The sites are served on fixed ports (default 47800 and up) so their URLs, and so the
 * report ids, are the same on every run: running the demo twice updates documents rather than duplicating them.
 */
import type { Command } from 'commander';
import type { Incident } from '../../types/index.ts';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { DEMO_SITES, fixtureSources, serveFixtures } from '../fixture-server.ts';
import type { SearchParams } from '../kb/api.ts';
import { parsePort } from './up.ts';

export const DEMO_PORT = 47800;

export function register(program: Command, cli: Cli): void {
  program
    .command('demo')
    .description(
      'crawl the bundled fixture sites on 127.0.0.1, extract, index and show the incidents; then probe a local SPSE for a simulated week and show the deadline figures (no network)',
    )
    .option('--port <n>', `first port for the fixture sites (one per site; default ${DEMO_PORT})`, parsePort)
    .action(async (opts: { port?: number }) => {
      // Loaded here, not at start-up: the extractors and the knowledge base are heavy.
      const [{ renderSearch, windowLabel }, { syncIndexes }, { getIncident, searchIncidents }, { extractArchived }] =
        await Promise.all([
          import('../kb/format.ts'),
          import('../kb/run.ts'),
          import('../kb/search.ts'),
          import('../extract-archived.ts'),
        ]);
      const dir = cli.dataDir();
      const port = opts.port ?? DEMO_PORT;
      const served = await serveFixtures({ sites: DEMO_SITES, port }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') {
          throw new UserError(`port ${port} (or the next) on 127.0.0.1 is already in use: try pantau demo --port N`);
        }
        throw err;
      });
      try {
        cli.info(`1/5 serving the fixture sites: ${Object.values(served.sites).join(', ')}`);
        // Loaded here, not at start-up: Crawlee is heavy and most commands never crawl.
        const { crawl } = await import('../../crawlers/crawl.ts');
        const crawled = await crawl({ dataDir: dir, sources: fixtureSources(served), pacingMs: 0, log: cli.info });
        cli.info(
          `    crawled ${crawled.done} pages: ${crawled.archived} archived, ${crawled.unchanged} unchanged, ` +
            `${crawled.skippedArchived} already archived, ${crawled.skippedIrrelevant} not about LPSE, ${crawled.failed} failed`,
        );
      } finally {
        await served.close();
      }

      cli.info('2/5 extracting reports from the archive');
      const extracted = extractArchived(dir, { log: cli.info });
      cli.info(
        `    ${extracted.extracted} pages extracted (${extracted.incidents} report an outage), ${extracted.unchanged} unchanged`,
      );

      await cli.withMeili(async ({ client }) => {
        cli.info('3/5 grouping reports into incidents and indexing them');
        const counts = await syncIndexes(client, dir, { log: cli.info });
        cli.info(`    ${counts.incidents} incidents from ${counts.incidentReports} reports; index ${counts.index}`);

        cli.info('4/5 results');
        const all = await searchIncidents(client, { limit: 100, sort: 'start:asc' });
        console.log(`\n${all.total} incident${all.total === 1 ? '' : 's'} found\n`);
        for (const hit of all.hits) {
          const incident = await getIncident(client, hit.id);
          console.log(incidentBlock(hit.title, incident, windowLabel(hit.start, hit.end, hit.window_basis)));
        }
        const samples: Array<[string, SearchParams]> = [
          ['pantau search "server rusak"', { q: 'server rusak', limit: 5 }],
          [
            'pantau search --cause hardware --province "Kalimantan Tengah"',
            { cause: ['hardware'], province: ['Kalimantan Tengah'], limit: 5 },
          ],
        ];
        for (const [label, params] of samples) {
          console.log(`\n$ ${label}\n`);
          console.log(renderSearch(await searchIncidents(client, params)));
        }
      });
      cli.info(
        '5/5 watching the LPSEs themselves: the local SPSE, probed for a simulated week, its tender schedules read',
      );
      const [{ runDeadlineDemo }, { renderDeadlineTable }, { instanceInfo }] = await Promise.all([
        import('../spse-sim/demo.ts'),
        import('../series/format.ts'),
        import('../series/instances.ts'),
      ]);
      const deadlines = await runDeadlineDemo(dir.root, cli.info);
      console.log(
        '\n$ pantau deadlines   (on the local SPSE: four LPSEs, two of them scripted to fail before deadlines)\n',
      );
      console.log(renderDeadlineTable(deadlines.view, instanceInfo));
      console.log(`Data in ${dir.root}. Try: pantau search "PDN", pantau incident ID, pantau serve`);
      console.log(
        `The simulated week is kept apart, in ${deadlines.dataDir}: pantau --data-dir ${deadlines.dataDir} deadlines`,
      );
    });
}

/** Region, window, causes and who was quoted, for one incident. */
function incidentBlock(title: string, incident: Incident | null, window: string): string {
  if (!incident) return `- ${title}`;
  const regions = [...new Set(incident.regions.map((r) => r.value.regency ?? r.value.province))];
  // A report that names no cause says nothing against one that does: show `unexplained` only when no cause is stated.
  const stated = incident.causes.filter((c) => c.value.certainty === 'stated' && c.value.category !== 'unexplained');
  const causes = stated.map((c) => c.value.category);
  const lines = [
    `- ${regions.join(', ') || (incident.scope === 'national' ? 'national' : 'region unknown')}: ${title}`,
    `    when:   ${window}`,
    `    cause:  ${[...new Set(causes)].join(', ') || 'unexplained'}`,
  ];
  if (incident.allegation.present) lines.push('    allegation of manipulation reported');
  for (const o of incident.officials.slice(0, 4)) {
    const quote = o.value.quotes[0];
    lines.push(
      `    quoted: ${o.value.name}${o.value.role ? `, ${o.value.role}` : ''}${quote ? `: “${clip(quote, 110)}”` : ''}`,
    );
  }
  lines.push(
    `    id:     ${incident.id} (${incident.report_ids.length} report${incident.report_ids.length === 1 ? '' : 's'})`,
  );
  return lines.join('\n');
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}
