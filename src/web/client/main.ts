/**
 * The web app's entry: a router over the pages (search, incident, overview, deadlines) and the brief form. Each page renders
 * from the URL alone; links inside the app change the URL without reloading.
 */
import type { Lang } from '../../i18n.ts';
import { h, replace } from './dom.ts';
import { renderBriefPage } from './page-brief.ts';
import { renderDeadlines } from './page-deadlines.ts';
import { renderIncident } from './page-incident.ts';
import { renderOverview } from './page-overview.ts';
import { renderSearch } from './page-search.ts';
import { currentParams, filtersOf, langOf, withLang } from './state.ts';
import { STRINGS, type Strings } from './strings.ts';

export interface PageContext {
  lang: Lang;
  t: Strings;
  main: HTMLElement;
  params: URLSearchParams;
  /** Changes the URL (push: a new history entry; replace: while typing) and renders. */
  go(url: string, opts?: { replace?: boolean; render?: boolean; focus?: boolean }): void;
  /** Registers a cleanup run before the next page renders. */
  onLeave(fn: () => void): void;
}

let leaving: Array<() => void> = [];
let lastPath = '';

function render(focus: boolean): void {
  for (const fn of leaving) fn();
  leaving = [];
  const params = currentParams();
  const lang = langOf(params);
  const t = STRINGS[lang];
  document.documentElement.lang = lang;
  const main = document.getElementById('main') as HTMLElement;
  const path = location.pathname;
  renderChrome(lang, t, path, params);
  const ctx: PageContext = {
    lang,
    t,
    main,
    params,
    go(url, opts = {}) {
      if (opts.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      if (opts.render !== false) render(opts.focus ?? false);
    },
    onLeave(fn) {
      leaving.push(fn);
    },
  };
  const incident = /^\/incident\/([A-Za-z0-9_-]+)$/.exec(path);
  if (path === '/') renderSearch(ctx);
  else if (incident?.[1]) renderIncident(ctx, incident[1]);
  else if (path === '/overview') renderOverview(ctx);
  else if (path === '/brief') renderBriefPage(ctx);
  else if (path === '/deadlines') renderDeadlines(ctx);
  else replace(main, h('h1', null, '404'), h('p', { class: 'empty' }, t.notFound));
  if (focus || path !== lastPath) {
    if (lastPath && focus) main.focus({ preventScroll: false });
    if (lastPath) window.scrollTo(0, 0);
  }
  lastPath = path;
}

function renderChrome(lang: Lang, t: Strings, path: string, params: URLSearchParams): void {
  const filters = filtersOf(params);
  const nav = document.getElementById('nav');
  if (nav) {
    nav.setAttribute('aria-label', lang === 'id' ? 'Utama' : 'Main');
    const link = (href: string, label: string, active: boolean) =>
      h(
        'a',
        {
          href: withLang(href, href === '/brief' || href === '/deadlines' ? new URLSearchParams() : filters, lang),
          'aria-current': active ? 'page' : null,
        },
        label,
      );
    replace(
      nav,
      link('/', t.navSearch, path === '/'),
      link('/overview', t.navOverview, path === '/overview'),
      link('/deadlines', t.navDeadlines, path === '/deadlines'),
      link('/brief', t.navBrief, path === '/brief'),
    );
  }
  const sw = document.getElementById('lang-switch');
  if (sw) {
    const btn = (l: Lang, label: string, full: string) =>
      h(
        'button',
        {
          type: 'button',
          lang: l,
          'aria-pressed': String(l === lang),
          'aria-label': full,
          'data-lang': l,
          onclick: () => {
            try {
              localStorage.setItem('pantau-lang', l);
            } catch {}
            const p = currentParams();
            history.replaceState(null, '', withLang(location.pathname, p, l));
            render(false);
          },
        },
        label,
      );
    replace(sw, btn('id', 'ID', 'Bahasa Indonesia'), ' ', btn('en', 'EN', 'English'));
  }
  const skip = document.querySelector('.skip');
  if (skip) skip.textContent = t.skip;
  const foot = document.getElementById('foot');
  if (foot) replace(foot, t.footer);
}

// Links inside the app navigate without a reload; anything else (downloads, sources, new tabs) is left alone.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname === '/archive') return;
  e.preventDefault();
  history.pushState(null, '', url.pathname + url.search + url.hash);
  render(true);
});
window.addEventListener('popstate', () => render(false));
// "/" jumps to the search box, as on many search sites.
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.getElementById('q') as HTMLInputElement | null;
  if (box) {
    e.preventDefault();
    box.focus();
    box.select();
  }
});

render(false);
