/**
 * How incidents and reports are shown and exported: result lists and facet counts, one incident in full with a
 * citation line, CSV (UTF-8 with BOM, RFC 4180), JSON, JSONL and Markdown. Pure: strings in, strings out.
 */

import { formatWindow } from '../i18n.ts';
import type { Incident } from '../../types/index.ts';
import type { IncidentSummary, SearchResult } from './api.ts';
import type { DedupedReport } from './dedupe.ts';
import { causeCategories } from './group.ts';
import type { ExportedReport } from './search.ts';

const BOM = '\ufeff';

/** One CSV field: quoted when it holds a comma, quote or line break; a leading = + @ is defused for spreadsheets. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('\n') : String(value);
  // A cell starting with = + @ (or a tab/CR) is run as a formula by spreadsheets: prefix it so it stays text.
  if (/^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: BOM (so spreadsheets read UTF-8), header row, CRLF line ends. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `${BOM}${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const window = (i: Incident) => ({
  start: i.window?.start ?? null,
  end: i.window?.end ?? null,
  basis: i.window?.basis ?? null,
});

export const INCIDENT_CSV_HEADER = [
  'id',
  'title',
  'scope',
  'parent_id',
  'province',
  'province_code',
  'regency',
  'regency_code',
  'lpse',
  'start',
  'end',
  'reported_starts',
  'causes',
  'causes_suspected',
  'cause_evidence',
  'allegation',
  'allegation_evidence',
  'officials',
  'schedule_changed',
  'first_published',
  'sources_count',
  'reports_count',
  'report_ids',
  'source_urls',
  // added: what start/end rest on: `outage` dates, or only the first `published` date (then they are not outage days)
  'window_basis',
];

/** One CSV row per incident; lists inside a cell are one item a line; sources are their URLs. */
export function incidentRow(i: Incident): unknown[] {
  const regions = i.regions.map((r) => r.value);
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  return [
    i.id,
    i.title,
    i.scope,
    i.parent_id ?? '',
    uniq(regions.map((r) => r.province)),
    uniq(regions.map((r) => r.province_code)),
    uniq(regions.map((r) => r.regency ?? '')).filter(Boolean),
    uniq(regions.map((r) => r.regency_code ?? '')).filter(Boolean),
    uniq(i.lpse.map((l) => l.value.host ?? l.value.name)),
    window(i).start ?? '',
    window(i).end ?? '',
    i.starts.map((s) => s.value),
    i.cause_categories ?? causeCategories(i.causes),
    uniq(i.causes.filter((c) => c.value.certainty === 'suspected').map((c) => c.value.category)),
    i.causes.map((c) => `${c.value.category}: ${c.value.evidence}`),
    i.allegation.present ? 'yes' : 'no',
    i.allegation.evidence.map((e) => e.value),
    i.officials.map((o) => (o.value.role ? `${o.value.name} (${o.value.role})` : o.value.name)),
    i.impact.schedule_changed ? 'yes' : 'no',
    i.first_published ?? '',
    i.urls.length,
    i.report_ids.length,
    i.report_ids,
    i.urls,
    i.window?.basis ?? '',
  ];
}

export const REPORT_CSV_HEADER = [
  'id',
  'incident_ids',
  'published',
  'source',
  'source_kind',
  'title',
  'url',
  'urls',
  'province',
  'regency',
  'outage_start',
  'outage_end',
  'causes',
  'allegation',
  'officials',
  'text',
];

export function reportRow(r: ExportedReport): unknown[] {
  return [
    r.id,
    r.incident_ids,
    r.published ?? '',
    r.source.name ?? r.source.host ?? '',
    r.source.kind,
    r.title,
    r.url,
    r.urls?.length ? r.urls : [r.url],
    [...new Set(r.regions.map((g) => g.province))],
    r.regions.map((g) => g.regency ?? '').filter(Boolean),
    r.outage.start ?? '',
    r.outage.end ?? '',
    r.causes.map((c) => `${c.category} (${c.certainty}): ${c.evidence}`),
    r.allegation.present ? 'yes' : 'no',
    r.officials.map((o) => o.name),
    r.text,
  ];
}

const dash = (s: string | null) => s ?? '?';

/**
 * A window as "2021-06-07 → 2021-06-11", or one date when start and end agree; a window that rests only on the
 * publication date is "reported 2021-06-09", never shown as the outage's days.
 */
export function windowLabel(start: string | null, end: string | null, basis?: string | null): string {
  if (basis === 'published' && start) return `reported ${start}`;
  if (!start && !end) return 'date unknown';
  if (!end || end === start) return dash(start);
  return `${dash(start)} → ${end}`;
}

/** The result list of `pantau search`. */
export function renderSearch(res: SearchResult, offset = 0): string {
  const lines: string[] = [];
  const n = res.hits.length;
  lines.push(
    res.total === 0
      ? 'No incidents match.'
      : `${res.total} incident${res.total === 1 ? '' : 's'}${n < res.total ? ` (showing ${offset + 1}–${offset + n})` : ''}`,
  );
  for (const h of res.hits) lines.push('', ...renderSummary(h));
  const facetLines = Object.entries(res.facets)
    .filter(([, counts]) => counts && Object.keys(counts).length)
    .map(([name, counts]) => {
      const parts = Object.entries(counts!)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 12)
        .map(([v, c]) => `${v} ${c}`);
      return `  ${name.padEnd(12)}${parts.join(' · ')}`;
    });
  if (facetLines.length) lines.push('', 'Facets', ...facetLines);
  return lines.join('\n');
}

function renderSummary(h: IncidentSummary): string[] {
  const few = (xs: string[]) =>
    xs.length > 3 ? `${xs.slice(0, 3).join(', ')} and ${xs.length - 3} more` : xs.join(', ');
  const place = few(h.regency.length ? h.regency : h.province) || 'region unknown';
  const province = h.regency.length ? ` (${few(h.province)})` : '';
  const tags = [
    windowLabel(h.start, h.end, h.window_basis),
    h.causes.join(', '),
    `${h.sources} source${h.sources === 1 ? '' : 's'}`,
    ...(h.allegation ? ['allegation'] : []),
    ...(h.scope === 'national' ? ['national'] : []),
  ];
  return [`${h.id}  ${h.title}`, `    ${place}${province} · ${tags.join(' · ')}`];
}

/**
 * One incident in full, for `pantau incident`: timeline of its reports, causes with evidence and who said it,
 * officials with their quotes, source URLs, and a citation line. Reports are numbered [1], [2]… in the timeline
 * and every statement points to the numbers it came from. `today` (YYYY-MM-DD) dates the citation.
 */
export function renderIncident(
  i: Incident,
  reports: readonly DedupedReport[],
  today: string,
  related: { parent?: Incident | null; children?: Incident[] } = {},
): string {
  const num = new Map<string, number>(reports.map((r, k) => [r.id, k + 1]));
  const refs = (ids: string[]) => {
    const ns = ids.map((id) => num.get(id)).filter((n): n is number => n !== undefined);
    return ns.length ? ` [${ns.join(', ')}]` : '';
  };
  const out: string[] = [];
  const w = window(i);
  out.push(i.title, '='.repeat(Math.min(i.title.length, 100)));
  out.push(`id        ${i.id}${i.aliases?.length ? ` (also ${i.aliases.join(', ')})` : ''}`);
  out.push(`scope     ${i.scope}${i.parent_id ? `, part of ${i.parent_id}` : ''}`);
  out.push(`window    ${windowLabel(w.start, w.end, w.basis)}`);
  if (related.parent) out.push(`parent    ${related.parent.id}  ${related.parent.title}`);
  for (const g of i.regions) {
    const r = g.value;
    out.push(
      `region    ${r.regency ? `${r.regency}, ` : ''}${r.province} (${r.regency_code ?? r.province_code})${refs(g.report_ids)}`,
    );
  }
  for (const l of i.lpse) out.push(`LPSE      ${l.value.name}${l.value.host ? ` (${l.value.host})` : ''}`);
  if (i.starts.length > 1) {
    out.push(`start     reports disagree: ${i.starts.map((s) => `${s.value}${refs(s.report_ids)}`).join('; ')}`);
  } else if (i.starts[0]) out.push(`start     ${i.starts[0].value}${refs(i.starts[0].report_ids)}`);
  if (i.ends.length > 1) {
    out.push(`end       reports disagree: ${i.ends.map((s) => `${s.value}${refs(s.report_ids)}`).join('; ')}`);
  } else if (i.ends[0]) out.push(`end       ${i.ends[0].value}${refs(i.ends[0].report_ids)}`);

  out.push('', 'Timeline');
  reports.forEach((r, k) => {
    const urls = r.urls?.length ? r.urls : [r.url];
    out.push(
      `  [${k + 1}] ${r.published ?? '????-??-??'}  ${r.source.name ?? r.source.host ?? '?'} (${r.source.kind}): ${r.title}`,
    );
    if (r.outage.start || r.outage.end) out.push(`      outage ${windowLabel(r.outage.start, r.outage.end)}`);
    for (const u of urls) out.push(`      ${u}`);
  });

  out.push('', `Causes (counted: ${(i.cause_categories ?? causeCategories(i.causes)).join(', ')})`);
  if (!i.causes.length) out.push('  none stated');
  for (const c of i.causes) {
    const by = c.value.by ? `, ${c.value.by}` : '';
    out.push(`  ${c.value.category} (${c.value.certainty}${by})${refs(c.report_ids)}`, `      “${c.value.evidence}”`);
  }

  if (i.officials.length) out.push('', 'Officials and quotes');
  for (const o of i.officials) {
    const who = [o.value.role, o.value.organization].filter(Boolean).join(', ');
    out.push(`  ${o.value.name}${who ? `, ${who}` : ''} (${o.value.stance})${refs(o.report_ids)}`);
    for (const q of o.value.quotes) out.push(`      “${q}”`);
  }

  out.push('', `Allegation of manipulation: ${i.allegation.present ? 'yes' : 'no'}`);
  for (const e of i.allegation.evidence) out.push(`  “${e.value}”${refs(e.report_ids)}`);
  if (i.impact.schedule_changed || i.impact.manual_fallback || i.impact.evidence.length) {
    const what = [
      i.impact.schedule_changed ? 'schedule changed' : null,
      i.impact.manual_fallback ? 'manual fallback' : null,
    ].filter(Boolean);
    out.push('', `Impact: ${what.join(', ') || 'see evidence'}`);
    for (const e of i.impact.evidence) out.push(`  “${e.value}”${refs(e.report_ids)}`);
  }
  if (related.children?.length) {
    out.push('', `Affected LPSEs (${related.children.length})`);
    for (const c of related.children) out.push(`  ${c.id}  ${c.title} (${c.urls.length} sources)`);
  }
  out.push('', 'Sources');
  for (const u of i.urls) out.push(`  ${u}`);
  out.push('', `Cite as: ${citation(i, reports, today)}`);
  return out.join('\n');
}

/** "Pantau, “Gangguan LPSE …”, incident inc-…, from ANTARA Kalteng (2021-06-09), …; retrieved 2026-11-22." */
export function citation(i: Incident, reports: readonly DedupedReport[], today: string): string {
  const sources = reports.map((r) => `${r.source.name ?? r.source.host ?? r.url} (${r.published ?? 'n.d.'})`);
  const shown = sources.slice(0, 5).join(', ') + (sources.length > 5 ? ` and ${sources.length - 5} more` : '');
  return `Pantau, “${i.title}”, incident ${i.id}${shown ? `, from ${shown}` : ''}; retrieved ${today}.`;
}

/** An incident as a Markdown section, for `export --format md`. */
export function incidentMarkdown(i: Incident): string {
  const w = window(i);
  const lines = [`## ${i.title}`, ''];
  lines.push(`- **id**: \`${i.id}\`${i.parent_id ? ` (part of \`${i.parent_id}\`)` : ''}`);
  lines.push(
    `- **region**: ${[...new Set(i.regions.map((g) => (g.value.regency ? `${g.value.regency}, ${g.value.province}` : g.value.province)))].join('; ') || 'unknown'}`,
  );
  lines.push(
    `- **window**: ${windowLabel(w.start, w.end, w.basis)} (${w.basis === 'published' ? formatWindow(null, null, 'id', w.start) : formatWindow(w.start, w.start, 'id')})`,
  );
  if (i.starts.length > 1) lines.push(`- **reported starts**: ${i.starts.map((s) => s.value).join(', ')}`);
  lines.push(`- **causes**: ${(i.cause_categories ?? causeCategories(i.causes)).join(', ')}`);
  for (const c of i.causes)
    lines.push(`  - ${c.value.category} (${c.value.certainty}): “${mdEscape(c.value.evidence)}”`);
  lines.push(`- **allegation**: ${i.allegation.present ? 'yes' : 'no'}`);
  for (const e of i.allegation.evidence) lines.push(`  - “${mdEscape(e.value)}”`);
  for (const o of i.officials) {
    lines.push(`- **${mdEscape(o.value.name)}**${o.value.role ? `, ${mdEscape(o.value.role)}` : ''}`);
    for (const q of o.value.quotes) lines.push(`  - “${mdEscape(q)}”`);
  }
  lines.push(`- **sources** (${i.urls.length}):`);
  for (const u of i.urls) lines.push(`  - <${u}>`);
  return lines.join('\n');
}

/** A report as a Markdown section, for `export --reports --format md`. */
export function reportMarkdown(r: ExportedReport): string {
  const urls = r.urls?.length ? r.urls : [r.url];
  return [
    `## ${mdEscape(r.title)}`,
    '',
    `- **published**: ${r.published ?? 'n.d.'}, ${mdEscape(r.source.name ?? r.source.host ?? '?')} (${r.source.kind})`,
    `- **incidents**: ${r.incident_ids.map((id) => `\`${id}\``).join(', ') || 'none'}`,
    ...urls.map((u) => `- <${u}>`),
    '',
    r.text,
  ].join('\n');
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
