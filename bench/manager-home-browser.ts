// The manager home in real Chromium against a running server: time from navigation until every panel has
// left its loading state. Issue 12's "done" figure (under 2 s on the 200-rep store).
//
//   BASE_URL=http://127.0.0.1:3000 node bench/manager-home-browser.ts [runs]
//   BENCH_COLD=day|write DATABASE_URL=postgres://... BASE_URL=... node bench/manager-home-browser.ts [runs]
//
// The forecast is kept per scope, period and as-of day (stored-live-results.ts), so after the first load it is
// served from the store. BENCH_COLD (with DATABASE_URL, the server's store) prepares each load like
// bench/manager-home-api.ts --cold: `day` removes the stored live forecasts (the first load of a day), `write`
// makes an empty write to a table the forecast reads (the first load after a data change). BENCH_WAIT_MS waits that
// long after preparing each load: with a server running its jobs (no `--no-jobs`), the forecast-refresh job may
// have stored the forecast again by then (the first load some seconds after a write).
//
// The forecast panel asks with stale=allow: after a write it shows the day's last answer labelled "updating…" at
// once and swaps in the current one when the server has computed it. The page counts as loaded when every panel
// shows numbers (a labelled stale forecast included); `updatedMs` is the time until the label is gone again (the
// current forecast shown), measured before the next load so that no computation overlaps it. BENCH_STALE=never
// drops stale=allow from the panel's request (the page before it asked with it: it waits for the current answer).
//
// The server must already run over the store to measure (e.g. `DATABASE_URL=... pacesetter serve --port 3000`
// on a `demo --reps 200 --months 24` store) with the web app built (`npm run build:web`).
import pg from 'pg';
import { launchBrowser, signInAs } from '../e2e/support/browser.ts';

const baseUrl = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const runs = Number(process.argv[2] ?? 5);
const email = process.env.BENCH_EMAIL ?? 'manager@demo.pacesetter.test';
const password = process.env.BENCH_PASSWORD ?? 'pacesetter-demo';

const cold = process.env.BENCH_COLD;
if (cold !== undefined && cold !== 'day' && cold !== 'write')
  throw new Error('BENCH_COLD=day or BENCH_COLD=write');
const pool = cold ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }) : null;
const prepare = async () => {
  if (cold === 'day') await pool?.query('delete from forecast_live_results');
  // A statement-level trigger bumps the forecast's data version even when no row changes.
  if (cold === 'write') await pool?.query('update stages set name = name where false');
  const wait = Number(process.env.BENCH_WAIT_MS ?? 0);
  if (cold && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};

const browser = await launchBrowser();
try {
  const { page, context } = await signInAs(browser, baseUrl, email, password);
  if (process.env.BENCH_STALE === 'never') {
    await page.route('**/api/forecast?*', (route) => {
      const url = new URL(route.request().url());
      url.searchParams.delete('stale');
      return route.continue({ url: url.toString() });
    });
  }
  const times: number[] = [];
  const updated: number[] = [];
  // The slowest requests of the last run, so a regression names its endpoint.
  const requests = new Map<string, number>();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    const t = request.timing();
    requests.set(`${url.pathname}${url.search}`, Math.round(t.responseEnd));
  });
  for (let i = 0; i < runs; i++) {
    requests.clear();
    await prepare();
    const started = performance.now();
    await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
    // Every panel renders a role=status "loading" line until its request answers; wait until none is left and
    // the dashboard exists (a failed panel shows an error instead, which also ends its loading state).
    await page.locator('.dashboard').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.state-loading').length === 0, undefined, {
      timeout: 120_000,
      polling: 20,
    });
    times.push(performance.now() - started);
    const label = page.getByTestId('forecast-freshness');
    if ((await label.count()) > 0) {
      await label.waitFor({ state: 'detached', timeout: 180_000 });
      updated.push(performance.now() - started);
    }
    const errors = await page.locator('.state-error').count();
    if (errors > 0) console.log(`run ${i + 1}: ${errors} panel(s) showed an error`);
  }
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  console.log(
    JSON.stringify({
      managerHomeMs: {
        min: Math.round(sorted[0] ?? NaN),
        median: Math.round(median),
        runs: times.map(Math.round),
      },
      // Loads that showed a stale forecast: when the current one replaced it.
      updatedMs: updated.map(Math.round),
      lastRunRequestsMs: Object.fromEntries([...requests].sort((a, b) => b[1] - a[1])),
    }),
  );
} finally {
  await browser.close();
  await pool?.end();
}
