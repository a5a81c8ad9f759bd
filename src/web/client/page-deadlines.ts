/**
 * The deadline page (`/deadlines?lpse=&from=&to=`): an LPSE's daily availability from Pantau's probe, drawn by
 * Chart.js with the bid-upload deadlines marked, the correlation figures (ratio, p-value, the deadlines and
 * episodes behind them) and the tenders whose upload window an outage cut into.
 */
import type { AvailabilityDay, DeadlineFigure, DeadlineView } from '../../../probe/types.ts';
import {
  formatDate,
  formatDateTime,
  formatFigure,
  formatMinutes,
  formatNumber,
  formatRupiah,
  probeClassLabel,
} from '../../i18n.ts';
import { ApiError, getJson, isAbort } from './api.ts';
import { h, replace } from './dom.ts';
import type { PageContext } from './main.ts';
import { withLang } from './state.ts';

/** What /api/deadlines answers: the view and the LPSEs' names by slug. */
type DeadlineAnswer = DeadlineView & { names?: Record<string, string>; offsets?: Record<string, number> };

/** LPSEs seen in an answer for all of them (slug → name), so the chooser still lists them while one is shown. */
const known = new Map<string, string>();

/** "LPSE Kabupaten Barito Timur", or the slug when the name is not known. */
const nameOf = (view: DeadlineAnswer, slug: string | null) =>
  slug ? (view.names?.[slug] ?? known.get(slug) ?? slug) : '';

/** Windows offered (hours before each deadline); the store's default is 24. */
const WINDOWS = [6, 12, 24, 48, 72];

const MAX_DAYS = 1500;

/** YYYY-MM-DD of an instant on an LPSE's clock (availability days are counted in the LPSE's own zone too). */
const dayAt = (iso: string, offset: number) =>
  new Date(Date.parse(iso) + offset * 3_600_000).toISOString().slice(0, 10);

/** The UTC offset of an LPSE's clock (WIB when not known). */
const offsetOf = (view: DeadlineAnswer, slug: string) => view.offsets?.[slug] ?? 7;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Daily observed and down minutes, summed over the instances shown, on consecutive days. */
export function dailySeries(view: DeadlineAnswer): {
  days: string[];
  uptime: Array<number | null>;
  marks: string[][];
  rows: AvailabilityDay[];
} {
  const sum = new Map<string, { observed: number; down: number }>();
  for (const a of view.availability) {
    const s = sum.get(a.day) ?? { observed: 0, down: 0 };
    s.observed += a.observedMinutes;
    s.down += a.downMinutes;
    sum.set(a.day, s);
  }
  const marksByDay = new Map<string, string[]>();
  for (const d of view.deadlines) {
    const day = dayAt(d.deadline, offsetOf(view, d.instance));
    marksByDay.set(day, [...(marksByDay.get(day) ?? []), d.name || d.tender]);
  }
  const all = [...sum.keys(), ...marksByDay.keys()].sort();
  const days: string[] = [];
  if (all.length) {
    const last = all[all.length - 1]!;
    for (let d = all[0]!; d <= last && days.length < MAX_DAYS; d = nextDay(d)) days.push(d);
  }
  return {
    days,
    uptime: days.map((d) => {
      const s = sum.get(d);
      return s && s.observed > 0 ? Math.round((1000 * (s.observed - s.down)) / s.observed) / 10 : null;
    }),
    marks: days.map((d) => marksByDay.get(d) ?? []),
    rows: days
      .filter((d) => sum.has(d))
      .map((d) => ({
        instance: '',
        day: d,
        observedMinutes: sum.get(d)!.observed,
        downMinutes: sum.get(d)!.down,
      })),
  };
}

export function renderDeadlines(ctx: PageContext): void {
  const { t, main, lang } = ctx;
  const lpse = ctx.params.get('lpse') ?? '';
  document.title = `${t.deadlinesTitle} · Pantau`;
  const select = h('select', { id: 'd-lpse', name: 'lpse' }, h('option', { value: '' }, t.allLpse));
  const from = h('input', { type: 'date', id: 'd-from', name: 'from', value: ctx.params.get('from') ?? '' });
  const to = h('input', { type: 'date', id: 'd-to', name: 'to', value: ctx.params.get('to') ?? '' });
  const windowSel = h(
    'select',
    { id: 'd-window', name: 'window' },
    WINDOWS.map((w) => h('option', { value: String(w) }, t.nearWindow(w))),
  );
  windowSel.value = ctx.params.get('window') ?? '24';
  const body = h(
    'div',
    { id: 'deadlines', 'aria-busy': 'true' },
    h('p', { class: 'loading', role: 'status' }, t.loading),
  );
  const fillChooser = () => {
    const options = new Map(known);
    if (lpse && !options.has(lpse)) options.set(lpse, lpse);
    replace(
      select,
      h('option', { value: '' }, t.allLpse),
      [...options]
        .sort((a, b) => a[1].localeCompare(b[1]))
        .map(([slug, name]) => h('option', { value: slug }, name === slug ? slug : `${name} (${slug})`)),
    );
    select.value = lpse;
  };
  fillChooser();
  const commit = () => {
    const p = new URLSearchParams();
    if (select.value) p.set('lpse', select.value);
    if (from.value) p.set('from', from.value);
    if (to.value) p.set('to', to.value);
    if (windowSel.value !== '24') p.set('window', windowSel.value);
    ctx.go(withLang('/deadlines', p, lang));
  };
  for (const el of [select, from, to, windowSel]) el.addEventListener('change', commit);
  replace(
    main,
    h('h1', null, t.deadlinesTitle),
    h('p', null, t.deadlinesIntro),
    h(
      'form',
      { class: 'form-grid deadline-form', onsubmit: (e: Event) => e.preventDefault() },
      h('label', { for: 'd-lpse' }, t.lpse, select),
      h('label', { for: 'd-from' }, t.from, from),
      h('label', { for: 'd-to' }, t.to, to),
      h('label', { for: 'd-window' }, t.windowLabel, windowSel),
    ),
    body,
  );

  let chart: { destroy(): void } | null = null;
  const ctrl = new AbortController();
  ctx.onLeave(() => {
    ctrl.abort();
    chart?.destroy();
  });
  const api = new URLSearchParams();
  for (const k of ['lpse', 'from', 'to', 'window']) {
    const v = ctx.params.get(k);
    if (v) api.set(k, v);
  }
  void (async () => {
    let view: DeadlineAnswer;
    try {
      view = await getJson<DeadlineAnswer>(`/api/deadlines?${api}`, ctrl.signal);
    } catch (e) {
      if (isAbort(e)) return;
      body.setAttribute('aria-busy', 'false');
      const msg = e instanceof ApiError && e.status === 503 ? t.noSeries : `${t.error}: ${(e as Error).message}`;
      replace(
        body,
        h('p', { class: e instanceof ApiError && e.status === 503 ? 'empty' : 'error', role: 'alert' }, msg),
      );
      return;
    }
    if (!lpse) for (const f of view.figures) if (f.instance) known.set(f.instance, nameOf(view, f.instance));
    if (!lpse) for (const d of view.deadlines) known.set(d.instance, nameOf(view, d.instance));
    if (lpse) known.set(lpse, nameOf(view, lpse));
    fillChooser();
    body.setAttribute('aria-busy', 'false');
    const series = dailySeries(view);
    if (!series.days.length) {
      replace(body, h('p', { class: 'empty' }, t.noData));
      return;
    }
    const figure = view.figures.find((f) => (lpse ? f.instance === lpse : f.instance === null)) ?? view.figures[0];
    const canvas = h('canvas', {
      id: 'uptime-chart',
      role: 'img',
      'aria-label': t.uptimeChart,
      'data-days': series.days.length,
      'data-deadline-days': series.days.filter((_, i) => series.marks[i]?.length).join(','),
    });
    replace(
      body,
      figure ? renderFigure(ctx, figure, view) : null,
      h(
        'section',
        { 'aria-labelledby': 'h-uptime' },
        h('h2', { id: 'h-uptime' }, t.uptimeChart),
        h('div', { class: 'chart-wrap' }, canvas),
        h('p', { class: 'muted' }, t.dayNote),
        h(
          'details',
          null,
          h('summary', null, t.dailyTable),
          h(
            'table',
            { id: 'daily' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', null, t.day),
                h('th', { class: 'num' }, t.observedMinutes),
                h('th', { class: 'num' }, t.downMinutes),
                h('th', { class: 'num' }, t.uptimeAxis),
              ),
            ),
            h(
              'tbody',
              null,
              series.rows.map((r) =>
                h(
                  'tr',
                  null,
                  h('td', null, formatDate(r.day, lang)),
                  h('td', { class: 'num' }, formatNumber(r.observedMinutes, lang)),
                  h('td', { class: 'num' }, formatNumber(r.downMinutes, lang)),
                  h(
                    'td',
                    { class: 'num' },
                    formatFigure((100 * (r.observedMinutes - r.downMinutes)) / r.observedMinutes, lang, 1),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      renderOverlaps(ctx, view),
      lpse ? null : renderPerLpse(ctx, view),
      renderEpisodes(ctx, view),
      renderDeadlineList(ctx, view),
    );
    const { drawUptime } = await import('./chart-uptime.ts');
    if (!canvas.isConnected) return;
    chart = drawUptime(canvas, {
      labels: series.days.map((d) => formatDate(d, lang)),
      uptime: series.uptime,
      marks: series.marks,
      uptimeLabel: t.uptime,
      deadlineLabel: t.deadlineMark,
      yLabel: t.uptimeAxis,
    });
    canvas.setAttribute('data-drawn', 'true');
  })();
}

function share(down: number, observed: number, lang: PageContext['lang']): string {
  return observed ? `${formatFigure((100 * down) / observed, lang, 2)} %` : '–';
}

function renderFigure(ctx: PageContext, f: DeadlineFigure, view: DeadlineAnswer): HTMLElement {
  const { t, lang } = ctx;
  const row = (label: string, near: string, other: string) =>
    h('tr', null, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, near), h('td', { class: 'num' }, other));
  return h(
    'section',
    { 'aria-labelledby': 'h-figures' },
    h('h2', { id: 'h-figures' }, `${t.figures}: ${f.instance ? nameOf(view, f.instance) : t.allLpse}`),
    h(
      'div',
      { class: 'stats' },
      h('p', { class: 'stat', id: 'ratio' }, h('b', null, formatFigure(f.ratio, lang)), ` ${t.ratio}`),
      h(
        'p',
        { class: 'stat', id: 'p-value' },
        h('b', null, formatFigure(f.pValue, lang)),
        ` ${t.pValue} (${t.permutations(formatNumber(f.permutations, lang))})`,
      ),
    ),
    h(
      'table',
      { id: 'figures' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, ''),
          h('th', { class: 'num' }, t.nearWindow(f.windowHours)),
          h('th', { class: 'num' }, t.elsewhere),
        ),
      ),
      h(
        'tbody',
        null,
        row(
          t.observedMinutes,
          formatMinutes(f.observedMinutesNear, lang),
          formatMinutes(f.observedMinutesElsewhere, lang),
        ),
        row(t.downMinutes, formatMinutes(f.downMinutesNear, lang), formatMinutes(f.downMinutesElsewhere, lang)),
        row(
          t.share,
          share(f.downMinutesNear, f.observedMinutesNear, lang),
          share(f.downMinutesElsewhere, f.observedMinutesElsewhere, lang),
        ),
      ),
    ),
    h('p', { id: 'counts' }, t.countsLine(f.deadlines.length, f.episodes.length || view.episodes.length)),
    h('p', { class: 'muted' }, t.ratioNote),
  );
}

function renderOverlaps(ctx: PageContext, view: DeadlineAnswer): HTMLElement {
  const { t, lang } = ctx;
  const list = [...view.overlaps].sort(
    (a, b) => b.deadline.localeCompare(a.deadline) || a.tender.localeCompare(b.tender),
  );
  const tenders = new Map<string, { value: number | null; lost: number }>();
  for (const o of list) {
    const key = `${o.instance}:${o.tender}`;
    const x = tenders.get(key) ?? { value: o.value, lost: 0 };
    x.lost += o.minutesLost;
    tenders.set(key, x);
  }
  const value = [...tenders.values()].reduce((s, x) => s + (x.value ?? 0), 0);
  const maxLost = [...tenders.values()].reduce((m, x) => Math.max(m, x.lost), 0);
  return h(
    'section',
    { 'aria-labelledby': 'h-overlaps' },
    h('h2', { id: 'h-overlaps' }, t.overlapsTitle),
    list.length
      ? [
          h(
            'p',
            { id: 'overlap-summary' },
            h('b', null, t.overlapSummary(tenders.size, formatRupiah(value, lang), formatMinutes(maxLost, lang))),
          ),
          h(
            'table',
            { id: 'overlaps' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', null, t.tender),
                h('th', null, t.lpse),
                h('th', { class: 'num' }, t.value),
                h('th', null, t.deadline),
                h('th', { class: 'num' }, t.lost),
                h('th', null, t.changedAfter),
              ),
            ),
            h(
              'tbody',
              null,
              list.map((o) =>
                h(
                  'tr',
                  { 'data-tender': o.tender },
                  h('td', null, o.name, ' ', h('span', { class: 'muted' }, `(${o.tender})`)),
                  h('td', null, nameOf(view, o.instance)),
                  h('td', { class: 'num' }, formatRupiah(o.value, lang)),
                  h('td', null, formatDateTime(o.deadline, lang, offsetOf(view, o.instance))),
                  h('td', { class: 'num' }, formatMinutes(o.minutesLost, lang)),
                  h('td', null, o.changedAfter ? t.yes : t.no),
                ),
              ),
            ),
          ),
        ]
      : h('p', { class: 'empty' }, t.noOverlaps),
  );
}

function renderPerLpse(ctx: PageContext, view: DeadlineAnswer): HTMLElement | null {
  const { t, lang } = ctx;
  // The LPSEs whose outages cluster most before deadlines first; those with no ratio last.
  const rows = view.figures
    .filter((f) => f.instance !== null)
    .sort((a, b) => (b.ratio ?? -1) - (a.ratio ?? -1) || (a.instance ?? '').localeCompare(b.instance ?? ''));
  if (!rows.length) return null;
  const minutes = new Map<string, { observed: number; down: number }>();
  for (const a of view.availability) {
    const m = minutes.get(a.instance) ?? { observed: 0, down: 0 };
    m.observed += a.observedMinutes;
    m.down += a.downMinutes;
    minutes.set(a.instance, m);
  }
  return h(
    'section',
    { 'aria-labelledby': 'h-per-lpse' },
    h('h2', { id: 'h-per-lpse' }, t.perLpse),
    h(
      'table',
      { id: 'per-lpse' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, t.lpse),
          h('th', { class: 'num' }, t.uptimeAxis),
          h('th', { class: 'num' }, t.nearWindow(rows[0]!.windowHours)),
          h('th', { class: 'num' }, t.elsewhere),
          h('th', { class: 'num' }, t.ratio),
          h('th', { class: 'num' }, t.pValue),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((f) => {
          const p = new URLSearchParams(ctx.params);
          p.set('lpse', f.instance ?? '');
          const m = minutes.get(f.instance ?? '');
          return h(
            'tr',
            { 'data-lpse': f.instance },
            h('td', null, h('a', { href: withLang('/deadlines', p, lang) }, nameOf(view, f.instance))),
            h(
              'td',
              { class: 'num' },
              m?.observed ? formatFigure((100 * (m.observed - m.down)) / m.observed, lang, 2) : '–',
            ),
            h('td', { class: 'num' }, share(f.downMinutesNear, f.observedMinutesNear, lang)),
            h('td', { class: 'num' }, share(f.downMinutesElsewhere, f.observedMinutesElsewhere, lang)),
            h('td', { class: 'num' }, formatFigure(f.ratio, lang)),
            h('td', { class: 'num' }, formatFigure(f.pValue, lang)),
          );
        }),
      ),
    ),
  );
}

function renderEpisodes(ctx: PageContext, view: DeadlineAnswer): HTMLElement | null {
  const { t, lang } = ctx;
  if (!view.episodes.length) return null;
  return h(
    'section',
    { 'aria-labelledby': 'h-episodes' },
    h('h2', { id: 'h-episodes' }, t.episodesTitle),
    h(
      'table',
      { id: 'episodes' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, t.lpse),
          h('th', null, t.start),
          h('th', null, t.end),
          h('th', null, t.kind),
          h('th', { class: 'num' }, t.probes),
        ),
      ),
      h(
        'tbody',
        null,
        [...view.episodes]
          .sort((a, b) => a.start.localeCompare(b.start))
          .map((e) =>
            h(
              'tr',
              null,
              h('td', null, nameOf(view, e.instance)),
              h('td', null, formatDateTime(e.start, lang, offsetOf(view, e.instance))),
              h('td', null, e.end ? formatDateTime(e.end, lang, offsetOf(view, e.instance)) : t.ongoing),
              h('td', null, probeClassLabel(e.class, lang)),
              h('td', { class: 'num' }, e.probes),
            ),
          ),
      ),
    ),
  );
}

function renderDeadlineList(ctx: PageContext, view: DeadlineAnswer): HTMLElement | null {
  const { t, lang } = ctx;
  if (!view.deadlines.length) return null;
  return h(
    'details',
    null,
    h('summary', null, `${t.deadlineList} (${view.deadlines.length})`),
    h(
      'table',
      { id: 'deadline-list' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, t.deadline),
          h('th', null, t.tender),
          h('th', null, t.lpse),
          h('th', { class: 'num' }, t.value),
        ),
      ),
      h(
        'tbody',
        null,
        [...view.deadlines]
          .sort((a, b) => a.deadline.localeCompare(b.deadline))
          .map((d) =>
            h(
              'tr',
              null,
              h('td', null, formatDateTime(d.deadline, lang, offsetOf(view, d.instance))),
              h('td', null, d.name, ' ', h('span', { class: 'muted' }, `(${d.tender})`)),
              h('td', null, nameOf(view, d.instance)),
              h('td', { class: 'num' }, formatRupiah(d.value, lang)),
            ),
          ),
      ),
    ),
  );
}
