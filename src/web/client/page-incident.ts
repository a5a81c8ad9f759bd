/**
 * The incident page: where and when, the causes with the sentence and the person behind each, allegations, every
 * quoted person, the timeline of reports with links to the original and to Pantau's archived copy, tender impact,
 * disagreements between sources, and a citation line.
 */

import type { Incident } from '../../../types/index.ts';
import type { ReportRef } from '../../brief/build.ts';
import { type Statement, toIncidentFacts } from '../../brief/facts.ts';
import { causeLabel, displayTitle, formatDate, formatDays, formatWindow, sourceKindLabel } from '../../i18n.ts';
import { ApiError, getJson } from './api.ts';
import { h, replace, safeUrl } from './dom.ts';
import type { PageContext } from './main.ts';
import { briefLinks } from './page-search.ts';
import { withLang } from './state.ts';

interface IncidentResponse {
  incident: Incident;
  reports: ReportRef[];
}

export function renderIncident(ctx: PageContext, id: string): void {
  const { t, main } = ctx;
  replace(main, h('p', { class: 'loading', role: 'status' }, t.loading));
  const ctrl = new AbortController();
  ctx.onLeave(() => ctrl.abort());
  getJson<IncidentResponse>(`/api/incidents/${encodeURIComponent(id)}`, ctrl.signal).then(
    (r) => show(ctx, r),
    (e) => {
      if (ctrl.signal.aborted) return;
      const notFound = e instanceof ApiError && e.status === 404;
      replace(
        main,
        h('p', null, h('a', { href: withLang('/', new URLSearchParams(), ctx.lang) }, t.back)),
        h(
          'p',
          { class: notFound ? 'empty' : 'error', role: 'alert' },
          notFound ? t.notFound : `${t.error}: ${e.message}`,
        ),
      );
    },
  );
}

function show(ctx: PageContext, { incident, reports }: IncidentResponse): void {
  const { t, lang, main } = ctx;
  const f = toIncidentFacts(incident, Object.fromEntries(reports.map((r) => [r.id, r])));
  const byId = new Map(reports.map((r) => [r.id, r]));
  const srcNames = (ids: string[]) =>
    [...new Set(ids.map((i) => byId.get(i)?.source.name ?? byId.get(i)?.source.host).filter(Boolean))].join(', ');
  const cite = (ids: string[]) => {
    const names = srcNames(ids);
    return names ? h('span', { class: 'who' }, ` (${names})`) : null;
  };
  const title = displayTitle(incident, lang);
  document.title = `${title} · Pantau`;
  const regions = incident.regions.map((r) => r.value);
  const regency = regions.find((r) => r.regency)?.regency ?? null;
  const province = regions[0]?.province ?? null;
  const sorted = [...reports].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''));
  const v: View = { ctx, incident, f, title, regions, sorted, srcNames, cite };

  replace(
    main,
    h('p', null, h('a', { href: withLang('/', new URLSearchParams(), lang) }, t.back)),
    h(
      'h1',
      null,
      title,
      incident.scope === 'national' ? [' ', h('span', { class: 'badge national' }, t.nationalBadge)] : null,
    ),
    factsList(v),
    family(ctx, incident),
    disagreementsSection(v),
    causesSection(v),
    allegationSection(v),
    officialsSection(v),
    impactSection(v),
    timelineSection(v),
    citationSection(v),
    regency || province
      ? h('section', null, briefLinks(ctx, regency ? 'regency' : 'province', regency ?? province ?? '', null, null))
      : null,
  );
}

/** What every section of the page reads. */
interface View {
  ctx: PageContext;
  incident: Incident;
  f: ReturnType<typeof toIncidentFacts>;
  title: string;
  regions: Incident['regions'][number]['value'][];
  /** The reports in publication order. */
  sorted: ReportRef[];
  /** The names of the sources of these reports ("Kompas, Antara"). */
  srcNames: (ids: string[]) => string;
  /** Those names as a muted "(Kompas, Antara)" after a value, or nothing. */
  cite: (ids: string[]) => HTMLElement | null;
}

/** The stated causes, each with its sentence and who stated it, then the suspected ones. */
function causesSection(v: View) {
  const { t, lang } = v.ctx;
  const { f, cite } = v;
  return h(
    'section',
    { 'aria-labelledby': 'h-causes' },
    h('h2', { id: 'h-causes' }, t.causes),
    f.unexplained && !f.causes.length ? h('p', null, t.noCause) : null,
    f.causes.length
      ? h(
          'ul',
          null,
          f.causes.map((c) =>
            h(
              'li',
              null,
              h('strong', null, causeLabel(c.value.category, lang)),
              ': ',
              h('q', { class: 'evidence' }, c.value.evidence),
              c.value.by ? h('span', { class: 'who' }, ` ${t.statedBy} ${c.value.by}`) : null,
              cite(c.report_ids),
            ),
          ),
        )
      : null,
    f.suspected.length
      ? [
          h('h3', null, t.causesSuspected),
          h(
            'ul',
            null,
            f.suspected.map((c) =>
              h(
                'li',
                null,
                causeLabel(c.value.category, lang),
                ': ',
                h('q', { class: 'evidence' }, c.value.evidence),
                cite(c.report_ids),
              ),
            ),
          ),
        ]
      : null,
  );
}

/** Where the sources disagree (start, end, cause), with who said what. */
function disagreementsSection(v: View) {
  const { t, lang } = v.ctx;
  const { f, srcNames } = v;
  return f.disagreements.length
    ? h(
        'section',
        { class: 'disagree', 'aria-labelledby': 'h-disagree' },
        h('h2', { id: 'h-disagree' }, t.disagreements),
        h(
          'ul',
          null,
          f.disagreements.map((d) =>
            h(
              'li',
              null,
              h(
                'strong',
                null,
                d.field === 'start' ? t.startDiffers : d.field === 'end' ? t.endDiffers : t.causeDiffers,
              ),
              ': ',
              d.variants.map((v, i) => [
                i ? '; ' : '',
                d.field === 'cause' ? causeLabel(v.value, lang) : formatDate(v.value, lang),
                h('span', { class: 'who' }, ` (${srcNames(v.report_ids) || t.reportsSaid(v.report_ids.length)})`),
              ]),
            ),
          ),
        ),
      )
    : null;
}

/** Manipulation alleged, with its sentences. */
function allegationSection(v: View) {
  const { t } = v.ctx;
  const { f, cite } = v;
  return h(
    'section',
    { 'aria-labelledby': 'h-alleg' },
    h('h2', { id: 'h-alleg' }, t.allegations),
    f.allegation.present
      ? h(
          'ul',
          null,
          f.allegation.evidence.map((e) => h('li', null, h('q', { class: 'evidence' }, e.value), cite(e.report_ids))),
        )
      : h('p', { class: 'muted' }, t.noAllegation),
  );
}

/** Every quoted person, with their quotes. */
function officialsSection(v: View) {
  const { t } = v.ctx;
  const { f, cite } = v;
  const people = new Map<string, Statement[]>();
  for (const s of f.statements) people.set(s.name, [...(people.get(s.name) ?? []), s]);
  return h(
    'section',
    { 'aria-labelledby': 'h-officials' },
    h('h2', { id: 'h-officials' }, t.officials),
    people.size ? null : h('p', { class: 'muted' }, t.noOfficials),
    [...people].map(([name, list]) =>
      h(
        'article',
        { class: 'official' },
        h('h3', null, name, list[0]?.role ? h('span', { class: 'who' }, `, ${list[0].role}`) : null),
        list[0]?.organization && list[0].organization !== list[0].role
          ? h('div', { class: 'who' }, list[0].organization)
          : null,
        list.map((s) =>
          h(
            'blockquote',
            null,
            h('p', null, `“${s.quote}”`),
            h('p', { class: 'who' }, `— ${s.name}`, cite(s.report_ids)),
          ),
        ),
      ),
    ),
  );
}

/** What the outage did to tenders: schedules changed, manual fallback, with their sentences. */
function impactSection(v: View) {
  const { t } = v.ctx;
  const { incident, cite } = v;
  return h(
    'section',
    { 'aria-labelledby': 'h-impact' },
    h('h2', { id: 'h-impact' }, t.impact),
    h(
      'p',
      null,
      incident.impact.schedule_changed ? h('span', { class: 'badge' }, t.scheduleChanged) : null,
      ' ',
      incident.impact.manual_fallback ? h('span', { class: 'badge' }, t.manualFallback) : null,
    ),
    incident.impact.evidence.length
      ? h(
          'ul',
          null,
          incident.impact.evidence.map((e) =>
            h('li', null, h('q', { class: 'evidence' }, e.value), cite(e.report_ids)),
          ),
        )
      : h('p', { class: 'muted' }, t.noImpact),
  );
}

/** The reports in publication order, with links to the original and to Pantau's archived copy. */
function timelineSection(v: View) {
  const { t, lang } = v.ctx;
  return h(
    'section',
    { 'aria-labelledby': 'h-timeline' },
    h('h2', { id: 'h-timeline' }, t.timeline),
    h(
      'ol',
      { class: 'timeline' },
      v.sorted.map((r) => {
        const href = safeUrl(r.url);
        const arch = safeUrl(r.archive_url) ?? (r.archive_url?.startsWith('/') ? r.archive_url : null);
        return h(
          'li',
          { 'data-report': r.id },
          h(
            'div',
            { class: 'who' },
            formatDate(r.published, lang),
            ' · ',
            r.source.name ?? r.source.host ?? '',
            ' · ',
            sourceKindLabel(String(r.source.kind), lang),
          ),
          h('div', null, h('strong', null, r.title)),
          h(
            'div',
            null,
            href ? h('a', { href, rel: 'noopener noreferrer', target: '_blank', class: 'src-link' }, t.original) : null,
            arch ? [' · ', h('a', { href: arch, rel: 'noopener', class: 'archive-link' }, t.archived)] : null,
          ),
        );
      }),
    ),
  );
}

/** The citation line (title, window, URL, access date, sources) and a button that copies it. */
function citationSection(v: View) {
  const { t, lang } = v.ctx;
  const { f, incident, title } = v;
  const today = new Date();
  const accessed = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  const pageUrl = `${location.origin}/incident/${encodeURIComponent(incident.id)}`;
  const sourcesLine = [...new Set(v.sorted.map((r) => r.source.name ?? r.source.host).filter(Boolean))].join('; ');
  const citation = `“${title}”. Pantau, ${formatWindow(f.start, f.end, lang, f.reported)}. ${pageUrl} (${t.accessed} ${formatDate(accessed, lang)}).${sourcesLine ? ` ${lang === 'id' ? 'Sumber' : 'Sources'}: ${sourcesLine}.` : ''}`;
  const out = h('output', { id: 'citation', 'aria-label': t.citation }, citation);
  const copyBtn = h('button', { type: 'button', class: 'btn secondary' }, t.copy);
  copyBtn.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(citation);
      copyBtn.textContent = t.copied;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(out);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
    }
  });
  return h(
    'section',
    { 'aria-labelledby': 'h-cite' },
    h('h2', { id: 'h-cite' }, t.citation),
    h('div', { class: 'cite' }, out, copyBtn),
  );
}

/** Where and when, in a definition list: LPSE, region, window, duration, causes. */
function factsList(v: View) {
  const { t, lang } = v.ctx;
  const { f, incident, regions } = v;
  return h(
    'dl',
    { class: 'facts' },
    h('dt', null, t.lpse),
    h('dd', null, incident.lpse.map((l) => l.value.name).join(', ') || '–'),
    h('dt', null, t.region),
    h(
      'dd',
      null,
      [...new Set(regions.map((r) => (r.regency ? `${r.regency}, ${r.province}` : r.province)))].join('; ') || '–',
    ),
    h('dt', null, t.window),
    h('dd', { id: 'window' }, formatWindow(f.start, f.end, lang, f.reported)),
    h('dt', null, t.duration),
    h('dd', null, formatDays(f.days, lang)),
    // an outage Pantau's probes saw: the days they saw it down, and the days only the reports give
    incident.days
      ? [
          h('dt', null, t.observedDays),
          h('dd', { id: 'observed-days' }, incident.days.observed.map((d) => formatDate(d, lang)).join(', ') || '–'),
          h('dt', null, t.reportedDays),
          h('dd', { id: 'reported-days' }, incident.days.reported.map((d) => formatDate(d, lang)).join(', ') || '–'),
        ]
      : null,
    h('dt', null, t.causes),
    h(
      'dd',
      null,
      f.categories.map((c) => [h('span', { class: 'badge' }, causeLabel(c, lang)), ' ']),
    ),
  );
}

/** A national incident lists the LPSE incidents it groups; an LPSE's share of one links back to it. */
function family(ctx: PageContext, incident: Incident): HTMLElement | null {
  const { t, lang } = ctx;
  const ids = incident.parent_id ? [incident.parent_id] : incident.children_ids.slice(0, MAX_CHILDREN);
  if (!ids.length) return null;
  const list = h('ul', { class: 'family' });
  const section = h(
    'section',
    { 'aria-labelledby': 'h-family', id: 'family' },
    h('h2', { id: 'h-family' }, incident.parent_id ? t.partOf : t.children(incident.children_ids.length)),
    list,
  );
  Promise.all(
    ids.map((id) =>
      getJson<IncidentResponse>(`/api/incidents/${encodeURIComponent(id)}`).then(
        (r) => r.incident,
        () => null,
      ),
    ),
  ).then((incs) => {
    for (const [k, inc] of incs.entries()) {
      const id = ids[k] ?? '';
      const f = inc ? toIncidentFacts(inc) : null;
      list.append(
        h(
          'li',
          null,
          h(
            'a',
            { href: withLang(`/incident/${encodeURIComponent(id)}`, new URLSearchParams(), lang) },
            inc ? displayTitle(inc, lang) : id,
          ),
          f ? h('span', { class: 'who' }, ` · ${formatWindow(f.start, f.end, lang, f.reported)}`) : null,
        ),
      );
    }
  });
  return section;
}

const MAX_CHILDREN = 60;
