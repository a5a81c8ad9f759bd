/** The facet panel: each facet's values with counts, as checkboxes that combine (shared by search and overview). */
import { causeLabel, formatDate, sourceKindLabel } from '../../i18n.ts';
import { h, replace } from './dom.ts';
import type { PageContext } from './main.ts';
import { FACETS, type FacetKey, toggle } from './state.ts';

export type Facets = Partial<Record<string, Record<string, number>>>;

const SHOWN = 8;

export function facetValueLabel(ctx: PageContext, key: string, value: string): string {
  if (key === 'cause') return causeLabel(value, ctx.lang);
  if (key === 'source_kind') return sourceKindLabel(value, ctx.lang);
  if (key === 'allegation') return value === 'true' ? ctx.t.yes : ctx.t.no;
  if (key === 'scope') return value === 'national' ? ctx.t.national : ctx.t.local;
  return value;
}

/** Which facet groups are expanded survives re-renders of the panel. */
const expanded = new Set<string>();

export function renderFacets(
  ctx: PageContext,
  el: HTMLElement,
  facets: Facets,
  onChange: (next: URLSearchParams) => void,
): void {
  const { params, t } = ctx;
  const groups = FACETS.map((key) => {
    const counts = facets[key] ?? {};
    const selected = params.getAll(key);
    const values = Object.entries(counts)
      .filter(([v, n]) => n > 0 || selected.includes(v))
      .sort(([a, x], [b, y]) => (key === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b)));
    for (const s of selected) if (!(s in counts)) values.push([s, 0]);
    if (!values.length) return null;
    const open = expanded.has(key);
    const shown = open ? values : values.filter(([v], i) => i < SHOWN || selected.includes(v));
    const rest = values.length - shown.length;
    return h(
      'fieldset',
      { 'data-facet': key },
      h('legend', null, t.facet[key] ?? key),
      shown.map(([value, n]) => {
        const id = `f-${key}-${value.replace(/[^A-Za-z0-9]+/g, '_')}`;
        return h(
          'label',
          { for: id, class: n === 0 ? 'zero' : null },
          h('input', {
            type: 'checkbox',
            id,
            name: key,
            value,
            checked: selected.includes(value),
            onchange: () => onChange(toggle(params, key as FacetKey, value)),
          }),
          h('span', { class: 'v' }, facetValueLabel(ctx, key, value)),
          h('span', { class: 'n', 'data-count': String(n) }, String(n)),
        );
      }),
      rest > 0 || open
        ? h(
            'button',
            {
              type: 'button',
              class: 'more',
              'aria-expanded': String(open),
              onclick: () => {
                if (open) expanded.delete(key);
                else expanded.add(key);
                renderFacets(ctx, el, facets, onChange);
              },
            },
            open ? t.less : t.more(rest),
          )
        : null,
    );
  });
  replace(el, h('h2', { class: 'visually-hidden' }, t.facets), groups);
}

/** The active filters as removable chips. */
export function renderChips(ctx: PageContext, onChange: (next: URLSearchParams) => void): HTMLElement | null {
  const { params, t } = ctx;
  const chips: HTMLElement[] = [];
  for (const key of FACETS) {
    for (const value of params.getAll(key)) {
      const label = `${t.facet[key]}: ${facetValueLabel(ctx, key, value)}`;
      chips.push(
        h(
          'li',
          { class: 'chip' },
          label,
          h(
            'button',
            { type: 'button', 'aria-label': t.remove(label), onclick: () => onChange(toggle(params, key, value)) },
            '×',
          ),
        ),
      );
    }
  }
  for (const key of ['from', 'to'] as const) {
    const v = params.get(key);
    if (!v) continue;
    const label = `${key === 'from' ? t.from : t.to}: ${formatDate(v, ctx.lang)}`;
    chips.push(
      h(
        'li',
        { class: 'chip' },
        label,
        h(
          'button',
          {
            type: 'button',
            'aria-label': t.remove(label),
            onclick: () => {
              const p = new URLSearchParams(params);
              p.delete(key);
              p.delete('page');
              onChange(p);
            },
          },
          '×',
        ),
      ),
    );
  }
  return chips.length ? h('ul', { class: 'chips', 'aria-label': t.facets }, chips) : null;
}

/** At phone width the facets fold behind a button (the panel is long); on wider screens the button is hidden. */
export function facetToggle(ctx: PageContext, aside: HTMLElement): HTMLButtonElement {
  const btn = h(
    'button',
    { type: 'button', class: 'btn secondary facets-toggle', 'aria-expanded': 'false', 'aria-controls': aside.id },
    facetToggleLabel(ctx, ctx.params),
  );
  btn.addEventListener('click', () => {
    const open = aside.classList.toggle('open');
    btn.setAttribute('aria-expanded', String(open));
  });
  return btn;
}

/** "Saring (2)": the button names how many filters are on. */
export function facetToggleLabel(ctx: PageContext, params: URLSearchParams): string {
  const active = FACETS.reduce((n, k) => n + params.getAll(k).length, 0);
  return active ? `${ctx.t.facets} (${active})` : ctx.t.facets;
}
