/**
 * Prints a brief's HTML to PDF with Chromium (Playwright's `page.pdf`), the Debian build at /usr/bin/chromium unless
 * PANTAU_CHROMIUM says otherwise. Never downloads a browser.
 */
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** Renders self-contained HTML (no network: every request the page makes is refused) to an A4 PDF. */
export async function printPdf(html: string, opts: { browser?: Browser; footer?: string } = {}): Promise<Buffer> {
  const browser = opts.browser ?? (await launchChromium());
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">${(opts.footer ?? '').replace(/[&<>"]/g, '')} <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
      });
    } finally {
      await context.close();
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
}
