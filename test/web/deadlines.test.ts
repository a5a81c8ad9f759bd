/**
 * The deadline views: `/api/deadlines` over an injected `SeriesStore`, the `/deadlines` page in a real browser
 * (Debian Chromium through playwright-core: the chart drawn with the deadlines marked, the figures, the tenders
 * hit) and the hearing brief's deadline section (HTML in the browser, Markdown), shown only when data exists.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeRow } from '../../probe/types.ts';
import { buildBrief } from '../../src/brief/build.ts';
import { loadBriefInput } from '../../src/brief/load.ts';
import { renderBriefMarkdown } from '../../src/brief/render.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/chromium.ts';
import { instanceInfo } from '../../src/series/instances.ts';
import { toProbeReports } from '../../src/series/probe-reports.ts';
import { createApp, type RunningServer, startServer, type WebApp } from '../../src/web/server.ts';
import { type FakeSeries, fakeSeries, fixedView, memoryKb } from './deadline-fixtures.ts';
import { screenshotPath } from './helpers.ts';

// An outage of Barito Timur's LPSE that Pantau's probes saw on 7 June 2021, inside the window the web fixtures'
// news report gives (6 to 10 June): the incident says which days were observed and which only reported.
const probeStart = Date.parse('2021-06-07T02:00:00Z');
const probeRows: ProbeRow[] = [0, 1, 2, 3, 4, 5].map((k) => {
  const at = new Date(probeStart + k * 600_000).toISOString();
  return {
    round: at,
    instance: 'baritotimurkab',
    url: 'https://spse.inaproc.id/baritotimurkab',
    form: 'central',
    at,
    class: 'timeout',
    status: null,
    latencyMs: 10_000,
    errorCode: null,
    version: null,
    detail: 'ETIMEDOUT after 10000 ms',
  };
});
const probeEpisode = {
  id: `baritotimurkab:${probeRows[0]!.at}`,
  instance: 'baritotimurkab',
  start: probeRows[0]!.at,
  end: new Date(probeStart + 6 * 600_000).toISOString(),
  class: 'timeout' as const,
  probes: 6,
  lastFailure: probeRows[5]!.at,
};
const probeReports = toProbeReports([probeEpisode], () => probeRows, instanceInfo);

let series: FakeSeries;
let server: RunningServer;
let bare: WebApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  series = fakeSeries();
  const kb = memoryKb(probeReports);
  [server, bare, browser] = await Promise.all([
    startServer({ kb, series: series.open, port: 0, host: '127.0.0.1', today: () => '2026-09-01', log: () => {} }),
    createApp({ kb, minify: false, cacheMs: 0, log: () => {} }),
    chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true }),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await bare?.close();
});

/** Pixels of the canvas close to a colour (the chart's deadline red, its uptime blue). */
async function pixelsOf(rgb: [number, number, number]): Promise<number> {
  return page.evaluate((c) => {
    const canvas = document.querySelector('#uptime-chart') as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (
        Math.abs(data[i]! - c[0]) < 24 &&
        Math.abs(data[i + 1]! - c[1]) < 24 &&
        Math.abs(data[i + 2]! - c[2]) < 24 &&
        data[i + 3]! > 200
      )
        n++;
    }
    return n;
  }, rgb);
}

describe('/api/deadlines', () => {
  test('the store view for the LPSE and period asked, days read in WIB; the store closed after', async () => {
    const before = series.closed;
    const r = await fetch(`${server.url}/api/deadlines?lpse=baritotimurkab&from=2026-08-01&to=2026-08-31`);
    expect(r.status).toBe(200);
    const view = (await r.json()) as ReturnType<typeof fixedView>;
    expect(view.figures.map((f) => f.instance)).toEqual(['baritotimurkab']);
    expect(view.overlaps).toHaveLength(2);
    // The names for people, from crawlers/lpse-table.json
    const extra = view as { names?: Record<string, string>; offsets?: Record<string, number> };
    expect(extra.names).toEqual({ baritotimurkab: 'LPSE Kabupaten Barito Timur' });
    // Kalimantan Tengah keeps WIB
    expect(extra.offsets).toEqual({ baritotimurkab: 7 });
    expect(series.asked.at(-1)).toEqual({
      instance: 'baritotimurkab',
      from: '2026-07-31T17:00:00.000Z',
      to: '2026-08-31T16:59:59.999Z',
    });
    expect(series.closed).toBe(before + 1);
  });

  test.each([
    ['/api/deadlines?lpse=Barito%20Timur', 'lpse'],
    ['/api/deadlines?from=2026-02-30', 'from'],
    ['/api/deadlines?from=2026-09-01&to=2026-08-01', 'from'],
    ['/api/deadlines?window=0', 'window'],
    ['/api/deadlines?window=24.5', 'window'],
    ['/api/deadlines?instance=x', 'instance'],
  ])('%s is a 400 naming %s', async (path, param) => {
    const asked = series.asked.length;
    const r = await fetch(`${server.url}${path}`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { param: string } }).error.param).toBe(param);
    expect(series.asked.length).toBe(asked);
  });

  test('without a store: 503 with what to run', async () => {
    const r = await bare.app.request('/api/deadlines');
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('pantau probe');
  });
});

describe('the deadline page', () => {
  test('one LPSE: the chart drawn with its deadlines marked, the figures, the tenders hit', async () => {
    await page.goto(`${server.url}/deadlines?lpse=baritotimurkab`);
    const canvas = page.locator('#uptime-chart[data-drawn="true"]');
    await canvas.waitFor();
    // The days with a deadline, computed here from the view (in WIB).
    const view = fixedView();
    const want = [
      ...new Set(
        view.deadlines
          .filter((d) => d.instance === 'baritotimurkab')
          .map((d) => new Date(Date.parse(d.deadline) + 7 * 3_600_000).toISOString().slice(0, 10)),
      ),
    ].sort();
    expect(want).toEqual(['2026-08-12', '2026-08-19', '2026-08-21']);
    expect(await canvas.getAttribute('data-deadline-days')).toBe(want.join(','));
    expect(await canvas.getAttribute('data-days')).toBe('30');
    // Drawn: the uptime line (blue) and the deadline marks (red) are on the canvas.
    await expect.poll(() => pixelsOf([0x0f, 0x4c, 0x81])).toBeGreaterThan(200);
    await expect.poll(() => pixelsOf([0xd1, 0x49, 0x5b])).toBeGreaterThan(100);

    expect(await page.locator('#h-figures').textContent()).toBe('Angka: LPSE Kabupaten Barito Timur');
    expect(await page.locator('#ratio b').textContent()).toBe('198');
    expect(await page.locator('#p-value b').textContent()).toBe('0,0042');
    expect(await page.locator('#p-value').textContent()).toContain('10.000 permutasi');
    expect(await page.locator('#figures').textContent()).toContain('11 jam');
    expect(await page.locator('#counts').textContent()).toBe('3 batas waktu, 3 episode gangguan.');
    expect(await page.locator('#overlap-summary').textContent()).toBe(
      '2 tender, Rp 27,1 miliar, kehilangan hingga 6 jam waktu unggah.',
    );
    const rows = await page.locator('#overlaps tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Pembangunan Gedung Pelayanan Terpadu RSUD Tahap II');
    expect(rows[0]).toContain('LPSE Kabupaten Barito Timur');
    expect(rows[0]).toContain('Rp 22,7 miliar');
    expect(rows[0]).toContain('19 Agustus 2026 20:00 WIB');
    expect(rows[0]).toContain('6 jam');
    expect(rows[0]).toMatch(/Ya$/);
    expect(rows[1]).toContain('Rehabilitasi Gedung Puskesmas Kota');
    expect(rows[1]).toMatch(/Tidak$/);
    expect(await page.locator('#episodes tbody tr td:nth-child(4)').allTextContents()).toEqual([
      'Tidak menjawab',
      'Halaman error SPSE',
      'Halaman error Cloudflare',
    ]);
    expect(await page.locator('#deadline-list tbody tr').count()).toBe(3);
    expect(await page.locator('#per-lpse').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('deadlines-lpse-1280'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  test('all LPSEs: each with its figures, a link to its own view; in English too', async () => {
    await page.goto(`${server.url}/deadlines?lang=en`);
    await page.locator('#uptime-chart[data-drawn="true"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('LPSE availability and bid deadlines');
    expect(await page.locator('#ratio b').textContent()).toBe('308');
    const lpses = await page.locator('#per-lpse tbody tr td:first-child').allTextContents();
    expect(lpses).toEqual(['LPSE Kabupaten Barito Timur', 'LPSE Kabupaten Kapuas']);
    // Uptime over the period: Barito Timur was down 690 of 43,200 minutes.
    expect(await page.locator('#per-lpse tr[data-lpse="baritotimurkab"] td:nth-child(2)').textContent()).toBe(
      String(Math.round((10000 * (43200 - 690)) / 43200) / 100),
    );
    expect(await page.locator('#per-lpse tr[data-lpse="kapuaskab"] td:nth-child(2)').textContent()).toBe('100');
    expect(await page.locator('#uptime-chart').getAttribute('data-deadline-days')).toBe(
      '2026-08-12,2026-08-14,2026-08-19,2026-08-21',
    );
    expect(await page.locator('#overlap-summary').textContent()).toBe(
      '2 tenders, Rp 27.1 billion, lost up to 6 h of their upload window.',
    );
    await page.locator('#per-lpse a', { hasText: 'Kapuas' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('lpse')).toBe('kapuaskab');
    await page.locator('#uptime-chart[data-drawn="true"]').waitFor();
    expect(series.asked.at(-1)?.instance).toBe('kapuaskab');
    expect(await page.locator('#overlaps').count()).toBe(0);
    expect(await page.locator('#h-overlaps + p.empty').textContent()).toBe(
      'No tender had its upload window cut by an observed outage.',
    );
    // The chooser lists the LPSEs seen, the one shown selected.
    expect(await page.locator('#d-lpse').inputValue()).toBe('kapuaskab');
    await page.locator('#d-lpse').selectOption('baritotimurkab');
    await expect.poll(() => new URL(page.url()).searchParams.get('lpse')).toBe('baritotimurkab');
    await page.locator('#overlaps').waitFor();
    // The window is asked of the store.
    await page.locator('#d-window').selectOption('48');
    await expect.poll(() => new URL(page.url()).searchParams.get('window')).toBe('48');
    await page.locator('#overlaps').waitFor();
    await expect.poll(() => series.asked.at(-1)).toEqual({ instance: 'baritotimurkab', windowHours: 48 });
    expect(await page.locator('#nav a[aria-current="page"]').textContent()).toBe('Deadlines');
    expect(pageErrors).toEqual([]);
  });
});

describe('the brief deadline section', () => {
  test('HTML in the browser: the kabupaten figures and the tenders hit, with a question', async () => {
    await page.goto(`${server.url}/api/brief?regency=${encodeURIComponent('Kabupaten Barito Timur')}&format=html`);
    const section = page.locator('section#deadlines');
    await section.waitFor();
    expect(await section.locator('h2').textContent()).toBe('Ketersediaan LPSE menjelang batas waktu penawaran');
    expect(await section.locator('.deadline-figures tbody tr td').first().textContent()).toBe(
      'LPSE Kabupaten Barito Timur',
    );
    expect(await section.locator('.ratio').textContent()).toBe('198');
    expect(await section.locator('.p-value').textContent()).toContain('0,0042');
    expect(await section.locator('.overlap-summary').textContent()).toBe(
      '2 tender, Rp 27,1 miliar, kehilangan hingga 6 jam waktu unggah.',
    );
    const rows = await section.locator('.overlaps tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Pembangunan Gedung Pelayanan Terpadu RSUD Tahap II');
    expect(rows[0]).toContain('19 Agustus 2026 20:00 WIB');
    const questions = await page.locator('section:has(h2:text("Pertanyaan")) li').allTextContents();
    expect(
      questions.some((q) =>
        q.startsWith(
          'Pemantauan Pantau mencatat LPSE Kabupaten Barito Timur tidak dapat diakses saat 2 tender senilai Rp 27,1 miliar',
        ),
      ),
    ).toBe(true);
    // The brief also has the news record: incidents from the knowledge base are still there.
    expect(await page.locator('section.incident').count()).toBeGreaterThan(0);
    await section.screenshot({ path: screenshotPath('brief-deadlines-section') });
    expect(pageErrors).toEqual([]);
  });

  test('Markdown in both languages; no section where the store has nothing, or without a store', async () => {
    const md = async (regency: string, lang: 'id' | 'en', open = series.open) =>
      renderBriefMarkdown(
        buildBrief(await loadBriefInput(memoryKb(), { regency }, { generated: '2026-09-01', series: open })),
        lang,
      );
    const id = await md('Kabupaten Barito Timur', 'id');
    expect(id).toContain('## Ketersediaan LPSE menjelang batas waktu penawaran');
    expect(id).toContain(
      '| Pembangunan Gedung Pelayanan Terpadu RSUD Tahap II (10090001000) | Rp 22,7 miliar | 19 Agustus 2026 20:00 WIB | 6 jam | ya |',
    );
    const en = await md('Kabupaten Barito Timur', 'en');
    expect(en).toContain('## LPSE availability before bid deadlines');
    expect(en).toContain('2 tenders, Rp 27.1 billion, lost up to 6 h of their upload window.');
    // Kapuas has an instance but nothing observed for it in this store.
    const empty = fakeSeries({ ...fixedView(), availability: [], deadlines: [], overlaps: [], figures: [] });
    expect(await md('Kabupaten Kapuas', 'id', empty.open)).not.toContain('Ketersediaan LPSE');
    expect(empty.closed).toBe(1);
    const none = renderBriefMarkdown(
      buildBrief(await loadBriefInput(memoryKb(), { regency: 'Kabupaten Barito Timur' }, { generated: '2026-09-01' })),
      'id',
    );
    expect(none).not.toContain('Ketersediaan LPSE');
    expect(none).toContain('## Kronologi');
  });
});

test('an incident the probes saw shows the days they observed it down and the days only reported', async () => {
  const kb = memoryKb(probeReports);
  const { hits: incidents } = await kb.search({ regency: ['Kabupaten Barito Timur'], limit: 100 });
  let withProbe: string | undefined;
  for (const i of incidents) if ((await kb.incident(i.id))?.days) withProbe = i.id;
  expect(withProbe, 'the probe report joins the Barito Timur incident').toBeDefined();
  await page.goto(`${server.url}/incident/${withProbe}?lang=en`);
  await expect.poll(() => page.locator('#observed-days').textContent()).toBe('7 June 2021');
  expect(await page.locator('#reported-days').textContent()).toMatch(/6 June 2021.*10 June 2021/);
  expect(pageErrors).toEqual([]);
});
