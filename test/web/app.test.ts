/**
 * The web app in a real browser (Debian Chromium through playwright-core) against `startServer` on the web
 * fixtures indexed in a real Meilisearch. Screenshots of every page go to test-output/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/chromium.ts';
import { type FixtureServer, screenshotPath, startFixtureServer } from './helpers.ts';

let server: FixtureServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function apiTotal(query: string): Promise<number> {
  const r = await fetch(`${server.url}/api/search?${query}`);
  expect(r.status).toBe(200);
  return ((await r.json()) as { total: number }).total;
}

const count = () => page.locator('#count');
const facetCount = (facet: string, value: string) =>
  page.locator(`[data-facet="${facet}"] label:has(input[value="${value}"]) .n`);

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startFixtureServer(),
    chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true }),
  ]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('web app', () => {
  test('search: results as you type, in the URL', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => count().textContent()).toBe(`${await apiTotal('')} insiden`);
    await page.screenshot({ path: screenshotPath('search-1280'), fullPage: true });
    await page.locator('#q').pressSequentially('peretas', { delay: 20 });
    const expected = await apiTotal('q=peretas');
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => count().textContent()).toBe(`${expected} insiden`);
    await expect.poll(() => page.locator('.hit h3').first().textContent()).toContain('Luwu Utara');
    expect(new URL(page.url()).searchParams.get('q')).toBe('peretas');
    // The link alone restores the search.
    await page.goto(page.url());
    await expect.poll(() => count().textContent()).toBe(`${expected} insiden`);
    await expect(page.locator('#q').inputValue()).resolves.toBe('peretas');
    await page.locator('#q').fill('zqxwvj');
    await expect.poll(() => page.locator('.empty').count()).toBe(1);
  });

  test('facets: a cause and a province combine and change the counts', async () => {
    await page.goto(`${server.url}/`);
    const all = await apiTotal('');
    await expect.poll(() => count().textContent()).toBe(`${all} insiden`);
    const ktBefore = Number(await facetCount('province', 'Kalimantan Tengah').textContent());
    expect(ktBefore).toBe(await apiTotal('province=Kalimantan+Tengah'));

    await page.locator('[data-facet="cause"] input[value="hardware"]').check();
    const hardware = await apiTotal('cause=hardware');
    expect(hardware).toBeLessThan(all);
    await expect.poll(() => count().textContent()).toBe(`${hardware} insiden`);
    const ktAfter = await apiTotal('cause=hardware&province=Kalimantan+Tengah');
    expect(ktAfter).toBeLessThan(ktBefore);
    await expect
      .poll(async () => Number(await facetCount('province', 'Kalimantan Tengah').textContent()))
      .toBe(ktAfter);

    await page.locator('[data-facet="province"] input[value="Sulawesi Selatan"]').check();
    const both = await apiTotal('cause=hardware&province=Sulawesi+Selatan');
    expect(both).toBeLessThan(hardware);
    await expect.poll(() => count().textContent()).toBe(`${both} insiden`);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('cause')).toEqual(['hardware']);
    expect(url.searchParams.getAll('province')).toEqual(['Sulawesi Selatan']);
    // Every hit shown has the cause and the province.
    const hits = await page.locator('.hit').allTextContents();
    expect(hits).toHaveLength(both);
    for (const h of hits) expect(h).toMatch(/Perangkat keras[\s\S]*|Sulawesi Selatan/);
    await page.screenshot({ path: screenshotPath('search-facets-1280'), fullPage: true });

    // Keyboard: the facet is a checkbox reached with Tab and toggled with Space.
    await page.locator('[data-facet="province"] input[value="Sulawesi Selatan"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => count().textContent()).toBe(`${hardware} insiden`);
    await page.goBack();
    await expect.poll(() => count().textContent()).toBe(`${both} insiden`);
  });

  test('keyboard: "/" jumps to the search box, Tab reaches a result, Enter opens it', async () => {
    await page.goto(`${server.url}/?lang=id`);
    await page.waitForSelector('.hit');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('Kapuas');
    await expect.poll(() => page.locator('.hit').count()).toBe(await apiTotal('q=Kapuas'));
    await page.locator('.hit h3 a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#citation');
    expect(new URL(page.url()).pathname).toMatch(/^\/incident\//);
    // The skip link is the first stop and leads to the content.
    await page.goto(`${server.url}/?lang=id`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
  });

  test('date range and sort by outage date', async () => {
    await page.goto(`${server.url}/?sort=start:asc&from=2021-01-01&to=2022-12-31`);
    const expected = await apiTotal('from=2021-01-01&to=2022-12-31');
    await expect.poll(() => count().textContent()).toBe(`${expected} insiden`);
    const ids = await page.locator('.hit').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    const r = (await (await fetch(`${server.url}/api/search?from=2021-01-01&to=2022-12-31&sort=start:asc`)).json()) as {
      hits: Array<{ id: string; start: string }>;
    };
    expect(ids).toEqual(r.hits.map((h) => h.id));
    const starts = r.hits.map((h) => h.start);
    expect([...starts].sort()).toEqual(starts);
    expect(await page.locator('#sort').inputValue()).toBe('start:asc');
  });

  test('incident page: quotes, causes with who said them, sources, disagreement, citation', async () => {
    await page.goto(`${server.url}/?regency=Kabupaten+Barito+Timur&sort=start:asc`);
    await page.locator('.hit h3 a').first().click();
    await page.waitForSelector('#citation');
    expect(new URL(page.url()).pathname).toMatch(/^\/incident\/[A-Za-z0-9_-]+$/);
    const main = page.locator('main');
    await expect(main.locator('h1').textContent()).resolves.toContain('Barito Timur');
    const text = await main.textContent();
    // Quotes with the person who said them, and the cause's evidence sentence.
    expect(text).toContain('Ada komponen perangkat keras server yang rusak dan harus diganti');
    expect(text).toContain('Kami curiga ada permainan');
    expect(text).toContain('Rahmat Hidayat');
    expect(text).toContain('Kepala LPSE Barito Timur');
    expect(text).toContain('Yohanes Saputra');
    // A person's quotes merged from two reports are each cited to the report that has it.
    const burnt = page.locator('blockquote', { hasText: 'Power supply server kami terbakar' });
    await expect(burnt.locator('p.who').textContent()).resolves.toBe('— Rahmat Hidayat (Warta Borneo (contoh))');
    // The two reports disagree on the start (6 vs 7 June): both are shown.
    const disagree = await page.locator('.disagree').textContent();
    expect(disagree).toContain('6 Juni 2021');
    expect(disagree).toContain('7 Juni 2021');
    // The timeline links to the originals.
    const links = await page.locator('.timeline a.src-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining([
        'https://kabar-kalteng.example/bartim-2021-server-rusak',
        'https://warta-borneo.example/bartim-2021-kontraktor-mengeluh',
      ]),
    );
    expect(await page.locator('#citation').textContent()).toContain(page.url().split('?')[0]);
    // Pantau's archived copy, where the archive has the page; it opens sandboxed (its script does not run).
    const archived = page.locator('.timeline li', { hasText: 'Server LPSE Bartim rusak' }).locator('a.archive-link');
    expect(await archived.getAttribute('href')).toBe(
      `/archive?url=${encodeURIComponent('https://kabar-kalteng.example/bartim-2021-server-rusak')}`,
    );
    expect(
      await page.locator('.timeline li', { hasText: 'Kontraktor keluhkan' }).locator('a.archive-link').count(),
    ).toBe(0);
    const incidentUrl = page.url();
    await archived.click();
    await page.waitForURL(/\/archive\?url=/);
    expect(await page.locator('h1').textContent()).toBe('Server LPSE Bartim rusak, lelang proyek tertunda');
    expect(await page.title()).not.toBe('pwned');
    await page.goto(incidentUrl);
    await page.waitForSelector('#citation');
    await page.screenshot({ path: screenshotPath('incident-1280'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('incident-390'), fullPage: true });
    // At phone width nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('a national outage lists the LPSEs it hit, each links back', async () => {
    await page.goto(`${server.url}/?q=PDN&lang=id`);
    await page.locator('.hit h3 a', { hasText: 'Pusat Data Nasional' }).click();
    await page.waitForSelector('#family li a');
    await expect.poll(() => page.locator('#family li').count()).toBe(2);
    const children = await page.locator('#family li a').allTextContents();
    expect(children.sort()).toEqual([
      'Gangguan LPSE Kabupaten Bandung, 20 Juni 2024',
      'Gangguan LPSE Kota Palangka Raya, 21 Juni 2024',
    ]);
    await page.locator('#family li a', { hasText: 'Palangka Raya' }).click();
    await page.waitForSelector('#citation');
    await expect(page.locator('#family h2').textContent()).resolves.toBe('Bagian dari gangguan nasional');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Server SPSE kami ditempatkan di Pusat Data Nasional',
    );
  });

  test('switch to English', async () => {
    await page.goto(`${server.url}/?regency=Kabupaten+Barito+Timur&sort=start:asc`);
    await expect.poll(() => count().textContent()).toMatch(/insiden$/);
    await page.locator('#lang-switch button[data-lang="en"]').click();
    await expect.poll(() => count().textContent()).toMatch(/incidents?$/);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.locator('#nav').textContent()).resolves.toContain('Search');
    await expect(page.locator('.hit').first().textContent()).resolves.toContain('June 2021');
    await expect(page.locator('.hit h3').first().textContent()).resolves.toBe(
      'LPSE Kabupaten Barito Timur outage, 6 June 2021',
    );
    await expect(page.locator('[data-facet="cause"] legend').textContent()).resolves.toBe('Cause');
    await page.screenshot({ path: screenshotPath('search-en-1280'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // At phone width the facets fold behind a button.
    await expect(page.locator('#facets').isVisible()).resolves.toBe(false);
    await page.locator('.facets-toggle').click();
    await expect(page.locator('#facets').isVisible()).resolves.toBe(true);
    await expect(page.locator('.facets-toggle').getAttribute('aria-expanded')).resolves.toBe('true');
    await page.screenshot({ path: screenshotPath('search-en-390'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('.hit h3 a').first().click();
    await page.waitForSelector('#citation');
    await expect(page.locator('main').textContent()).resolves.toContain('Officials and sources quoted');
    await expect(page.locator('#window').textContent()).resolves.toContain('June 2021');
    await page.locator('#lang-switch button[data-lang="id"]').click();
    await expect.poll(() => page.locator('#window').textContent()).toContain('Juni 2021');
  });

  test('overview: chart by a charting library, provinces and quoted people', async () => {
    await page.goto(`${server.url}/overview`);
    await page.waitForSelector('#provinces tbody tr');
    // Chart.js draws into the canvas: wait until it holds coloured pixels.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const c = document.querySelector('#chart') as HTMLCanvasElement | null;
          const ctx = c?.getContext('2d');
          if (!c || !ctx || !c.width) return 0;
          const d = ctx.getImageData(0, 0, c.width, c.height).data;
          let coloured = 0;
          for (let i = 0; i < d.length; i += 16)
            if (d[i + 3] && Math.abs((d[i] ?? 0) - (d[i + 2] ?? 0)) > 60) coloured++;
          return coloured;
        }),
      )
      .toBeGreaterThan(50);
    const rows = await page.locator('#provinces tbody tr').allTextContents();
    expect(rows.join('|')).toContain('Sulawesi Selatan');
    expect(await page.locator('#officials tbody tr').first().textContent()).toContain('Andi Baso Mappanyukki');
    await page.screenshot({ path: screenshotPath('overview-1280'), fullPage: true });
    // The overview follows the filters.
    await page.locator('[data-facet="province"] input[value="Kalimantan Tengah"]').check();
    // Only incidents touching Kalimantan Tengah remain (a national one also touches Jawa Barat).
    const kt = await apiTotal('province=Kalimantan+Tengah');
    await expect.poll(() => page.locator('#count').textContent()).toBe(`${kt} insiden`);
    const provinceRows = await page.locator('#provinces tbody tr').allTextContents();
    expect(provinceRows.join('|')).not.toContain('Sulawesi Selatan');
    expect(provinceRows[0]).toBe(`Kalimantan Tengah${kt}3`);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300); // Chart.js resizes on the next frame
    await page.screenshot({ path: screenshotPath('overview-390'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('hearing brief: the button downloads a PDF with the incidents and quotes', async () => {
    await page.goto(`${server.url}/?regency=Kabupaten+Luwu+Utara&lang=id`);
    await page.waitForSelector('#brief-pdf');
    await page.screenshot({ path: screenshotPath('search-brief-1280'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#brief-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await download.path();
    const bytes = new Uint8Array(readFileSync(path));
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const pdf = await getDocumentProxy(bytes);
    const { text, totalPages } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(totalPages).toBeGreaterThan(1);
    expect(flat).toContain('Kabupaten Luwu Utara');
    for (const title of ['1 April 2020', '15 November 2021', '21 Agustus 2023']) {
      expect(flat).toContain(`Gangguan LPSE Kabupaten Luwu Utara, ${title}`);
    }
    expect(flat).toContain('Hard disk pada server utama rusak dan data sedang dipulihkan dari cadangan');
    expect(flat).toContain('Kami menduga ada pengondisian');
    expect(flat).toContain('Andi Baso Mappanyukki');
    expect(flat).toContain('Kota Palopo'); // the comparison with the province's other LPSEs
    expect(flat).toContain('https://suara-luwu.example/lutra-2021-harddisk');
    // The HTML brief prints with its own stylesheet, allowed by hash under the CSP (no violation logged).
    await page.goto(`${server.url}/api/brief?regency=Kabupaten+Luwu+Utara&format=html&lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Hearing brief: LPSE outages in Kabupaten Luwu Utara');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h2') as Element).borderBottomStyle)).toBe(
      'solid',
    );
    await page.screenshot({ path: screenshotPath('brief-html-1280'), fullPage: true });
    // The brief page offers the same.
    await page.goto(`${server.url}/brief`);
    await page.waitForSelector('#b-regency option[value="Kabupaten Barito Timur"]', { state: 'attached' });
    await page.locator('#b-regency').selectOption('Kabupaten Barito Timur');
    expect(await page.locator('#brief-pdf').getAttribute('href')).toContain('regency=Kabupaten+Barito+Timur');
    await page.screenshot({ path: screenshotPath('brief-1280'), fullPage: true });
  }, 120_000);

  test('no errors in the browser console', () => {
    // The one expected message: Chromium refusing the archived page's script (its frame is sandboxed).
    const blocked = pageErrors.filter((e) => /^Blocked script execution in '[^']*\/archive\?url=.*sandboxed/.test(e));
    expect(blocked).toHaveLength(1);
    expect(pageErrors.filter((e) => !blocked.includes(e))).toEqual([]);
  });
});
