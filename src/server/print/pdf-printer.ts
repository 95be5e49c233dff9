import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../../errors.ts';

/** Where Debian, Ubuntu, Alpine and Chrome packages put the browser; the first that exists is used. */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

// Two pages at once keep a 2-core server responsive; more requests wait in line, and past the line's end
// the caller is told to come back rather than piling work onto a busy machine.
const MAX_RENDERING = 2;
const MAX_WAITING = 8;
const RENDER_TIMEOUT_MS = 45_000;

/** How the print view is reached and whose credentials it is read with (the caller's own, so access is theirs). */
export interface PrintRequest {
  /** Absolute URL of the print view on this server, e.g. http://127.0.0.1:3000/print/one-to-one/7. */
  url: string;
  /** The caller's session cookie value, or their bearer token: the page reads the API exactly as they would. */
  credentials: { sessionCookie: { name: string; value: string } } | { bearer: string };
  /** BCP 47 locale for the browser, so the page formats numbers and dates as the reader's app does. */
  locale?: string;
}

/**
 * The one PDF path for every printable document: headless Chromium opens the document's HTML print view (the
 * same React page people print from the browser) and prints it to A4. The browser starts on the first PDF
 * and is reused; pages are rendered at most two at a time.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private rendering = 0;
  private readonly waiting: Array<() => void> = [];

  private readonly configuredPath: string | undefined;

  constructor(configuredPath: string | undefined) {
    this.configuredPath = configuredPath;
  }

  /** The executable that will be used, or null when there is none. */
  executablePath(): string | null {
    if (this.configuredPath) return existsSync(this.configuredPath) ? this.configuredPath : null;
    return USUAL_PATHS.find((p) => existsSync(p)) ?? null;
  }

  async print(request: PrintRequest): Promise<Buffer> {
    await this.takeTurn();
    try {
      return await this.render(request);
    } finally {
      this.rendering -= 1;
      this.waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private async takeTurn(): Promise<void> {
    if (this.rendering < MAX_RENDERING) {
      this.rendering += 1;
      return;
    }
    if (this.waiting.length >= MAX_WAITING) {
      throw new AppError('unavailable', 'Too many PDFs are being made right now; try again in a minute');
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.rendering += 1;
  }

  private launch(): Promise<Browser> {
    const executablePath = this.executablePath();
    if (!executablePath) {
      throw new AppError(
        'unavailable',
        this.configuredPath
          ? `PDFs need Chromium; PACESETTER_CHROMIUM is ${this.configuredPath}, which does not exist`
          : 'PDFs need Chromium: install it (e.g. apt-get install chromium) or set PACESETTER_CHROMIUM; the print view still prints from the browser',
      );
    }
    if (!this.browser) {
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({
          executablePath,
          headless: true,
          // Servers and containers run without the user namespaces Chromium's sandbox needs; the browser only
          // ever opens this server's own print pages.
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
        }),
      );
      // A failed start is not kept: the next PDF tries again.
      this.browser.catch(() => {
        this.browser = null;
      });
    }
    return this.browser;
  }

  private async render({ url, credentials, locale }: PrintRequest): Promise<Buffer> {
    const browser = await this.launch();
    const origin = new URL(url).origin;
    const context = await browser.newContext({
      locale: locale ?? 'en-US',
      extraHTTPHeaders: 'bearer' in credentials ? { authorization: `Bearer ${credentials.bearer}` } : {},
    });
    try {
      if ('sessionCookie' in credentials) {
        await context.addCookies([{ ...credentials.sessionCookie, url: origin }]);
      }
      const page = await context.newPage();
      // Only this server's own pages and files: a print view can never be made to fetch elsewhere.
      await page.route(
        (target) => target.origin !== origin,
        (route) => route.abort(),
      );
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.goto(url, { waitUntil: 'networkidle' });
      // The view marks itself ready once every section has its data (or its error).
      await page.waitForSelector('[data-print-ready="true"]', { state: 'attached' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }
}
