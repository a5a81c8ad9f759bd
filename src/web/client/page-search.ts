/** The search page: one box with results as you type, combinable facets, a date range, sort, and paging. */
import { causeLabel, displayTitle, formatWindow } from '../../i18n.ts';
import type { IncidentSummary, SearchResult } from '../../kb/api.ts';
import { isAbort, latest } from './api.ts';
import { h, replace } from './dom.ts';
import { type Facets, facetToggle, facetToggleLabel, renderChips, renderFacets } from './facets.ts';
import type { PageContext } from './main.ts';
import { filtersOf, PAGE_SIZE, withLang } from './state.ts';

/** The search page's elements: the form's controls and the places results, facets, chips and pages go. */
function searchElements(ctx: PageContext, params: URLSearchParams) {
  const { t } = ctx;
  const q = h('input', {
    type: 'search',
    id: 'q',
    name: 'q',
    value: params.get('q') ?? '',
    placeholder: t.searchPlaceholder,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'results',
    'aria-keyshortcuts': '/',
  });
  const dateInput = (name: 'from' | 'to') =>
    h('input', { type: 'date', id: name, name, value: params.get(name) ?? '', min: '1990-01-01', max: '2100-12-31' });
  const sort = h(
    'select',
    { id: 'sort', name: 'sort' },
    h('option', { value: '' }, t.sortRelevance),
    h('option', { value: 'start:desc' }, t.sortNewest),
    h('option', { value: 'start:asc' }, t.sortOldest),
  );
  sort.value = params.get('sort') ?? '';
  const facetsEl = h('aside', { class: 'facets', id: 'facets', 'aria-label': t.facets });
  return {
    q,
    from: dateInput('from'),
    to: dateInput('to'),
    sort,
    facetsEl,
    count: h('p', { class: 'count', id: 'count', role: 'status', 'aria-live': 'polite' }, t.loading),
    chipsEl: h('div', { id: 'chips' }),
    briefEl: h('div', { id: 'brief-slot' }),
    results: h('section', { id: 'results', 'aria-labelledby': 'count', 'aria-busy': 'true' }),
    pager: h('nav', { class: 'pager', id: 'pager', 'aria-label': t.page(1, 1) }),
    toggleBtn: facetToggle(ctx, facetsEl),
  };
}

/** The state of a search page: its elements, the parameters shown, and how a change is committed. */
interface SearchView {
  ctx: PageContext;
  els: ReturnType<typeof searchElements>;
  params: URLSearchParams;
  fetchLatest: ReturnType<typeof latest>;
  /** Shows these parameters: in the URL (replacing the history entry while typing) and in the results. */
  commit(next: URLSearchParams, replaceUrl?: boolean): void;
}

export function renderSearch(ctx: PageContext): void {
  const { t, main, lang } = ctx;
  const els = searchElements(ctx, new URLSearchParams(ctx.params));
  const v: SearchView = {
    ctx,
    els,
    params: new URLSearchParams(ctx.params),
    fetchLatest: latest(),
    commit(next, replaceUrl = false) {
      v.params = next;
      ctx.go(withLang('/', next, lang), { replace: replaceUrl, render: false });
      void refresh(v);
    },
  };
  const form = h(
    'form',
    { class: 'searchbar', role: 'search', onsubmit: (e: Event) => e.preventDefault() },
    h('label', { class: 'q', for: 'q' }, t.searchLabel, els.q),
    h('label', { for: 'from' }, t.from, els.from),
    h('label', { for: 'to' }, t.to, els.to),
    h('label', { for: 'sort' }, t.sort, els.sort),
  );
  replace(
    main,
    h('h1', { class: 'visually-hidden' }, t.searchLabel),
    form,
    els.toggleBtn,
    h(
      'div',
      { class: 'layout' },
      els.facetsEl,
      h('div', null, h('div', { class: 'summary-line' }, els.count), els.chipsEl, els.briefEl, els.results, els.pager),
    ),
  );
  document.title = t.appTitle;
  bindControls(v);
  void refresh(v);
}

/** Typing (debounced), the dates and the sort commit new parameters, back to the first page. */
function bindControls(v: SearchView): void {
  const { q, from, to, sort } = v.els;
  const changed = (key: string, value: string, replaceUrl = false) => {
    const next = new URLSearchParams(v.params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    v.commit(next, replaceUrl);
  };
  let typing: ReturnType<typeof setTimeout> | undefined;
  q.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => changed('q', q.value.trim() ? q.value : '', true), 180);
  });
  v.ctx.onLeave(() => clearTimeout(typing));
  const dateChange = (input: HTMLInputElement, key: 'from' | 'to') => () => {
    if (input.value && !input.checkValidity()) return;
    changed(key, input.value);
  };
  from.addEventListener('change', dateChange(from, 'from'));
  to.addEventListener('change', dateChange(to, 'to'));
  sort.addEventListener('change', () => changed('sort', sort.value));
}

/** Asks for the current parameters' page of results and shows it with its facets, chips and pager. */
async function refresh(v: SearchView): Promise<void> {
  const { t } = v.ctx;
  const { results, count, facetsEl, toggleBtn, briefEl } = v.els;
  const params = v.params;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const api = filtersOf(params);
  api.set('limit', String(PAGE_SIZE));
  api.set('offset', String(Math.min((page - 1) * PAGE_SIZE, 1000)));
  results.setAttribute('aria-busy', 'true');
  results.classList.add('is-loading');
  if (!results.firstChild) replace(results, h('p', { class: 'loading' }, t.loading));
  count.textContent = t.loading;
  let r: SearchResult;
  try {
    r = await v.fetchLatest<SearchResult>(`/api/search?${api}`);
  } catch (e) {
    if (isAbort(e)) return;
    showError(v, e as Error);
    return;
  }
  results.setAttribute('aria-busy', 'false');
  results.classList.remove('is-loading');
  count.textContent = t.results(r.total);
  const view = { ...v.ctx, params };
  const focusedId = document.activeElement?.id;
  renderFacets(view, facetsEl, r.facets as Facets, (next) => v.commit(next));
  toggleBtn.textContent = facetToggleLabel(v.ctx, params);
  if (focusedId?.startsWith('f-')) document.getElementById(focusedId)?.focus();
  showChips(
    v,
    renderChips(view, (next) => v.commit(next)),
  );
  replace(briefEl, briefBox(v.ctx, params));
  if (!r.hits.length) replace(results, h('p', { class: 'empty' }, t.empty));
  else
    replace(
      results,
      h(
        'ol',
        { class: 'results' },
        r.hits.map((hit) => hitItem(v.ctx, hit)),
      ),
    );
  showPager(v, page, r.total);
}

function showError(v: SearchView, e: Error): void {
  const { t } = v.ctx;
  v.els.results.setAttribute('aria-busy', 'false');
  v.els.count.textContent = t.error;
  replace(
    v.els.results,
    h(
      'div',
      { class: 'error', role: 'alert' },
      `${t.error}: ${e.message} `,
      h('button', { type: 'button', class: 'btn secondary', onclick: () => void refresh(v) }, t.retry),
    ),
  );
}

/** The active filters as chips, and a button clearing them all (the query stays). */
function showChips(v: SearchView, chips: ReturnType<typeof renderChips>): void {
  replace(
    v.els.chipsEl,
    chips,
    chips
      ? h(
          'button',
          {
            type: 'button',
            class: 'btn secondary',
            onclick: () => {
              const next = new URLSearchParams();
              if (v.params.get('q')) next.set('q', v.params.get('q') ?? '');
              v.commit(next);
            },
          },
          v.ctx.t.clearAll,
        )
      : null,
  );
}

/** Previous and next, within the first 1000 results Meilisearch pages through. */
function showPager(v: SearchView, page: number, total: number): void {
  const { t, main } = v.ctx;
  const pages = Math.max(1, Math.ceil(Math.min(total, 1000 + PAGE_SIZE) / PAGE_SIZE));
  const goPage = (p: number) => () => {
    const next = new URLSearchParams(v.params);
    if (p > 1) next.set('page', String(p));
    else next.delete('page');
    v.commit(next);
    main.scrollIntoView();
  };
  v.els.pager.setAttribute('aria-label', t.page(page, pages));
  replace(
    v.els.pager,
    pages > 1
      ? [
          h(
            'button',
            { type: 'button', class: 'btn secondary', disabled: page <= 1, onclick: goPage(page - 1) },
            t.prev,
          ),
          h('span', null, t.page(page, pages)),
          h(
            'button',
            { type: 'button', class: 'btn secondary', disabled: page >= pages, onclick: goPage(page + 1) },
            t.next,
          ),
        ]
      : null,
  );
}

function hitItem(ctx: PageContext, hit: IncidentSummary): HTMLElement {
  const { t, lang } = ctx;
  const place = [...new Set([...hit.regency, ...(hit.regency.length ? [] : hit.province)])].join(', ');
  return h(
    'li',
    { class: 'hit', 'data-id': hit.id },
    h(
      'h3',
      null,
      h(
        'a',
        { href: withLang(`/incident/${encodeURIComponent(hit.id)}`, new URLSearchParams(), lang) },
        displayTitle(hit, lang),
      ),
    ),
    h(
      'div',
      { class: 'meta' },
      h(
        'span',
        null,
        hit.window_basis === 'published'
          ? formatWindow(null, null, lang, hit.start)
          : formatWindow(hit.start, hit.end, lang),
      ),
      place ? h('span', null, place) : null,
      hit.province.length && hit.regency.length ? h('span', null, hit.province.join(', ')) : null,
      h('span', null, t.sources(hit.sources)),
    ),
    h(
      'div',
      { class: 'meta' },
      hit.scope === 'national' ? h('span', { class: 'badge national' }, t.nationalBadge) : null,
      hit.causes.map((c) => h('span', { class: 'badge' }, causeLabel(c, lang))),
      hit.allegation ? h('span', { class: 'badge alleg' }, t.allegation) : null,
    ),
  );
}

/** With exactly one kabupaten/kota or province chosen, offer its hearing brief. */
function briefBox(ctx: PageContext, params: URLSearchParams): HTMLElement | null {
  const regency = params.getAll('regency');
  const province = params.getAll('province');
  let area: ['regency' | 'province', string] | null = null;
  if (regency.length === 1 && regency[0]) area = ['regency', regency[0]];
  else if (!regency.length && province.length === 1 && province[0]) area = ['province', province[0]];
  if (!area) return null;
  return briefLinks(ctx, area[0], area[1], params.get('from'), params.get('to'));
}

export function briefLinks(
  ctx: PageContext,
  kind: 'regency' | 'province',
  name: string,
  from: string | null,
  to: string | null,
  lang = ctx.lang,
): HTMLElement {
  const { t } = ctx;
  const url = (format: string) => {
    const p = new URLSearchParams({ [kind]: name, format, lang });
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    return `/api/brief?${p}`;
  };
  return h(
    'div',
    { class: 'brief-box', id: 'brief-box' },
    h('strong', null, t.briefFor(name)),
    h('br'),
    h('a', { class: 'btn', href: url('pdf'), download: '', id: 'brief-pdf' }, t.briefPdf),
    h('a', { class: 'btn secondary', href: url('html'), target: '_blank', rel: 'noopener' }, t.briefHtml),
    h('a', { class: 'btn secondary', href: url('md'), download: '' }, t.briefMd),
  );
}
