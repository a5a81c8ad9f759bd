/** The brief page: choose a kabupaten/kota or a province and a period, get the hearing brief as PDF, HTML or Markdown. */
import type { Lang } from '../../i18n.ts';
import { getJson } from './api.ts';
import { h, replace } from './dom.ts';
import type { Facets } from './facets.ts';
import type { PageContext } from './main.ts';
import { briefLinks } from './page-search.ts';

export function renderBriefPage(ctx: PageContext): void {
  const { t, main, lang } = ctx;
  document.title = `${t.briefTitle} · Pantau`;
  const slot = h('div', { id: 'brief-slot', 'aria-live': 'polite' });
  const regency = h('select', { id: 'b-regency', name: 'regency' }, h('option', { value: '' }, t.choose));
  const province = h('select', { id: 'b-province', name: 'province' }, h('option', { value: '' }, t.choose));
  const from = h('input', { type: 'date', id: 'b-from', name: 'from', value: ctx.params.get('from') ?? '' });
  const to = h('input', { type: 'date', id: 'b-to', name: 'to', value: ctx.params.get('to') ?? '' });
  const language = h(
    'select',
    { id: 'b-lang', name: 'lang' },
    h('option', { value: 'id' }, 'Bahasa Indonesia'),
    h('option', { value: 'en' }, 'English'),
  );
  language.value = lang;
  const update = (changed?: 'regency' | 'province') => {
    if (changed === 'regency' && regency.value) province.value = '';
    if (changed === 'province' && province.value) regency.value = '';
    const kind = regency.value ? 'regency' : province.value ? 'province' : null;
    replace(
      slot,
      kind
        ? briefLinks(
            ctx,
            kind,
            regency.value || province.value,
            from.value || null,
            to.value || null,
            language.value as Lang,
          )
        : h('p', { class: 'muted' }, t.needArea),
    );
  };
  regency.addEventListener('change', () => update('regency'));
  province.addEventListener('change', () => update('province'));
  for (const el of [from, to, language]) el.addEventListener('change', () => update());
  replace(
    main,
    h('h1', null, t.briefTitle),
    h('p', null, t.briefIntro),
    h(
      'form',
      { class: 'form-grid', onsubmit: (e: Event) => e.preventDefault() },
      h('label', { for: 'b-regency' }, t.areaRegency, regency),
      h('label', { for: 'b-province' }, t.areaProvince, province),
      h('label', { for: 'b-from' }, t.from, from),
      h('label', { for: 'b-to' }, t.to, to),
      h('label', { for: 'b-lang' }, t.language, language),
    ),
    slot,
  );
  update();
  getJson<{ facets: Facets }>('/api/facets?children=true').then(
    ({ facets }) => {
      const fill = (sel: HTMLSelectElement, values: Record<string, number> | undefined, preset: string | null) => {
        for (const v of Object.keys(values ?? {}).sort((a, b) => a.localeCompare(b))) {
          sel.append(h('option', { value: v }, `${v} (${values?.[v]})`));
        }
        if (preset) sel.value = preset;
      };
      fill(regency, facets.regency, ctx.params.get('regency'));
      fill(province, facets.province, ctx.params.get('regency') ? null : ctx.params.get('province'));
      update();
    },
    () => {},
  );
}
