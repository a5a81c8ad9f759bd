/** `pantau incident ID`: one incident in full, every statement pointing to the reports it came from. */
import type { Command } from 'commander';
import { utcDayOf } from '../../extractors/days.ts';
import type { Cli } from '../cli-kit.ts';
import { UserError } from '../errors.ts';
import { renderIncident } from '../kb/format.ts';
import { INCIDENT_ID_RE } from '../kb/params.ts';
import { getIncident, getIncidentReports } from '../kb/search.ts';
import type { Incident } from '../../types/index.ts';

export function register(program: Command, cli: Cli): void {
  program
    .command('incident')
    .description('show one incident: timeline of its reports, causes with evidence, officials and quotes, sources')
    .argument('<id>', 'incident id, as printed by `pantau search`')
    .option('--json', 'print the incident and its reports as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      if (!INCIDENT_ID_RE.test(id)) throw new UserError(`not an incident id: ${id.slice(0, 80)} (ids look like inc-…)`);
      await cli.withMeili(async (conn) => {
        const client = conn.client;
        const incident = await getIncident(client, id);
        if (!incident) throw new UserError(`no incident ${id} (ids look like inc-…; find them with \`pantau search\`)`);
        const reports = await getIncidentReports(client, incident.id);
        const parent = incident.parent_id ? await getIncident(client, incident.parent_id) : null;
        const children: Incident[] = [];
        for (const cid of incident.children_ids) {
          const c = await getIncident(client, cid);
          if (c) children.push(c);
        }
        if (opts.json) {
          console.log(JSON.stringify({ incident, reports, parent, children }, null, 2));
          return;
        }
        const today = utcDayOf(Date.now());
        console.log(renderIncident(incident, reports, today, { parent, children }));
      });
    });
}
