/** The overview: incidents per month stacked by cause (Chart.js), provinces with counts, the most-quoted people. */
import { causeLabel, formatMonth } from '../../i18n.ts';
import type { Overview } from '../overview.ts';
import { getJson, isAbort } from './api.ts';
import { h, replace } from './dom.ts';
import { type Facets, facetToggle, facetToggleLabel, renderChips, renderFacets } from './facets.ts';
import type { PageContext } from './main.ts';
import { filtersOf, withLang } from './state.ts';

export function renderOverview(ctx: PageContext): void {
  const { t, main, lang } = ctx;
  let params = new URLSearchParams(ctx.params);
  const facetsEl = h('aside', { class: 'facets', id: 'facets', 'aria-label': t.facets });
  const body = h(
    'div',
    { id: 'overview', 'aria-busy': 'true' },
    h('p', { class: 'loading', role: 'status' }, t.loading),
  );
  const count = h('p', { class: 'count', id: 'count', role: 'status', 'aria-live': 'polite' });
  const chipsEl = h('div');
  const toggleBtn = facetToggle(ctx, facetsEl);
  replace(
    main,
    h('h1', null, t.overviewTitle),
    toggleBtn,
    h('div', { class: 'layout' }, facetsEl, h('div', null, count, chipsEl, body)),
  );
  document.title = `${t.overviewTitle} · Pantau`;
  let chart: { destroy(): void } | null = null;
  let ctrl: AbortController | null = null;
  ctx.onLeave(() => {
    ctrl?.abort();
    chart?.destroy();
  });

  const commit = (next: URLSearchParams) => {
    params = next;
    ctx.go(withLang('/overview', next, lang), { render: false });
    void refresh();
  };

  async function refresh(): Promise<void> {
    ctrl?.abort();
    ctrl = new AbortController();
    const api = filtersOf(params);
    body.setAttribute('aria-busy', 'true');
    count.textContent = t.loading;
    let data: Overview;
    let facets: { total: number; facets: Facets };
    try {
      [data, facets] = await Promise.all([
        getJson<Overview>(`/api/overview?${api}`, ctrl.signal),
        getJson<{ total: number; facets: Facets }>(`/api/facets?${api}`, ctrl.signal),
      ]);
    } catch (e) {
      if (isAbort(e)) return;
      replace(body, h('p', { class: 'error', role: 'alert' }, `${t.error}: ${(e as Error).message}`));
      return;
    }
    const view = { ...ctx, params };
    renderFacets(view, facetsEl, facets.facets, commit);
    toggleBtn.textContent = facetToggleLabel(ctx, params);
    replace(chipsEl, renderChips(view, commit));
    count.textContent = t.results(data.total);
    body.setAttribute('aria-busy', 'false');
    chart?.destroy();
    chart = null;
    if (!data.total) {
      replace(body, h('p', { class: 'empty' }, t.empty));
      return;
    }
    const canvas = h('canvas', { id: 'chart', role: 'img', 'aria-label': t.perMonth });
    const labels = data.months.map((m) => formatMonth(m, lang));
    const table = h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, t.month),
          data.series.map((s) => h('th', { class: 'num' }, causeLabel(s.cause, lang))),
        ),
      ),
      h(
        'tbody',
        null,
        data.months
          .map((m, i) => ({ m, i }))
          .filter(({ i }) => data.series.some((s) => (s.counts[i] ?? 0) > 0))
          .map(({ m, i }) =>
            h(
              'tr',
              null,
              h('td', null, formatMonth(m, lang)),
              data.series.map((s) => h('td', { class: 'num' }, s.counts[i] ?? 0)),
            ),
          ),
      ),
    );
    const provinceLink = (p: string) => {
      const next = filtersOf(params);
      next.delete('province');
      next.append('province', p);
      return withLang('/', next, lang);
    };
    replace(
      body,
      h(
        'section',
        { 'aria-labelledby': 'h-month' },
        h('h2', { id: 'h-month' }, t.perMonth),
        h('div', { class: 'chart-wrap' }, canvas),
        h('p', { class: 'muted' }, t.chartNote, data.undated ? ` ${t.undated(data.undated)}` : ''),
        h('details', null, h('summary', null, t.chartTable), table),
      ),
      h(
        'div',
        { class: 'grid2' },
        h(
          'section',
          { 'aria-labelledby': 'h-prov' },
          h('h2', { id: 'h-prov' }, t.provinces),
          h(
            'table',
            { id: 'provinces' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', null, t.provinces),
                h('th', { class: 'num' }, t.incidents),
                h('th', { class: 'num' }, t.regencies),
              ),
            ),
            h(
              'tbody',
              null,
              data.provinces.map((p) =>
                h(
                  'tr',
                  null,
                  h('td', null, h('a', { href: provinceLink(p.province) }, p.province)),
                  h('td', { class: 'num' }, p.incidents),
                  h('td', { class: 'num' }, p.regencies || '–'),
                ),
              ),
            ),
          ),
        ),
        h(
          'section',
          { 'aria-labelledby': 'h-quoted' },
          h('h2', { id: 'h-quoted' }, t.quoted),
          h(
            'table',
            { id: 'officials' },
            h('thead', null, h('tr', null, h('th', null, t.person), h('th', { class: 'num' }, t.incidents))),
            h(
              'tbody',
              null,
              data.officials.map((o) => h('tr', null, h('td', null, o.name), h('td', { class: 'num' }, o.incidents))),
            ),
          ),
        ),
      ),
    );
    const { drawStacked } = await import('./chart.ts');
    if (!canvas.isConnected) return;
    chart = drawStacked(
      canvas,
      labels,
      data.series.map((s) => ({ key: s.cause, label: causeLabel(s.cause, lang), counts: s.counts })),
      t.incidents,
    );
  }
  void refresh();
}
