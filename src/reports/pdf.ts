// A public page (the quarterly report, its easy-read version) as a PDF, printed by Debian's
// Chromium through playwright-core with the page's own print stylesheet: councils publish PDFs on
// their Local Offer sites. Tagged (so screen readers can follow it) and with an outline from the
// headings. playwright-core is loaded only when a PDF is asked for, so the bot never loads it.
import fs from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export class ChromiumMissingError extends Error {}

/** The browser to use: CHROMIUM_PATH when set, Debian's otherwise; a one-line error when it is not there. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.CHROMIUM_PATH?.trim() || DEFAULT_CHROMIUM;
  if (!fs.existsSync(file)) {
    throw new ChromiumMissingError(`Chromium is not installed at ${file}: install it with "apt-get install -y chromium", or set CHROMIUM_PATH to the browser.`);
  }
  return file;
}

// A quiet footer on every page: where the reader is in the document.
const FOOTER = '<div style="font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #505a5f; width: 100%; text-align: center;">'
  + '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

/** The page's HTML printed to A4 by Chromium; nothing is fetched (the pages are self-contained). */
export async function htmlToPdf(html: string, executablePath: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // The pages fetch nothing; a page that tried would be a bug, not a reason to wait on the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true,
      displayHeaderFooter: true, headerTemplate: '<div></div>', footerTemplate: FOOTER,
    });
  } finally {
    await browser.close();
  }
}
