import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

/** Debian's Chromium, as .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Starts headless Chromium with the flags that keep it quiet and sandbox-free in CI containers. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** A signed-in browser page plus a fetch that carries the same session (for comparing with the API). */
export interface SignedIn {
  context: BrowserContext;
  page: Page;
  /** GET an API path with the page's session cookie; returns the parsed JSON. */
  api: <T>(path: string) => Promise<T>;
}

/** Opens the app, signs in through the form, and waits for the home page of the role. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  viewport = { width: 1366, height: 900 },
  /** More context options, e.g. `{ isMobile: true, hasTouch: true }` for a phone. */
  options: BrowserContextOptions = {},
  /** The sign-in form's labels, in the language the browser's locale picks (docs/localization.md). */
  labels = { email: 'Email', password: 'Password', submit: 'Sign in' },
): Promise<SignedIn> {
  const context = await browser.newContext({ viewport, locale: 'en-US', ...options });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.locator('header nav').waitFor();
  const api = async <T>(path: string): Promise<T> => {
    const response = await context.request.get(`${baseUrl}${path}`);
    if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { context, page, api };
}
