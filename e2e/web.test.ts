import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../web/src/api/types/auth.ts';
import type { PipelineChanges } from '../web/src/api/types/coaching.ts';
import type { QuadrantsReport, ScorecardReport } from '../web/src/api/types/coaching.ts';
import type { Forecast } from '../web/src/api/types/forecast.ts';
import type { Funnel } from '../web/src/api/types/funnel.ts';
import type { WinAnalysisReport } from '../web/src/api/types/wins.ts';
import type { Comparison, Opening } from '../web/src/api/types/hiring.ts';
import type { GoalPacing, Goal } from '../web/src/api/types/goals.ts';
import type { Leaderboard } from '../web/src/api/types/leaderboard.ts';
import type { MetricDefinitionInfo, MetricReport } from '../web/src/api/types/metrics.ts';
import type { Pipeline } from '../web/src/api/types/pipelines.ts';
import type { Plan } from '../web/src/api/types/plans.ts';
import type {
  CommissionPlan,
  DealEstimate,
  Dispute,
  StatementDetail,
  StatementSummary,
} from '../web/src/api/types/commissions.ts';
import type { MeetingPack } from '../web/src/api/types/meeting-pack.ts';
import type { Lead, Opportunity } from '../web/src/api/types/rows.ts';
import type { CalibrationReport, RulePreview } from '../web/src/api/types/scoring.ts';
import type { Settings } from '../web/src/api/types/settings.ts';
import { makeFormatters, type Formatters } from '../web/src/format/formatters.ts';
import { formatMetric } from '../web/src/format/metric-value.ts';
import { findingText } from '../web/src/pages/wins/finding-text.ts';
import { addDays, periodKeyFor, rangeFor, todayIn } from '../web/src/period/ranges.ts';
import type { IntegrityReport } from '../web/src/api/types/integrity.ts';
import { DEFAULT_REGION_LOCALE, type Language } from '../src/domain/i18n/languages.ts';
import { en } from '../web/src/i18n/en.ts';
import { he } from '../web/src/i18n/he.ts';
import { pl } from '../web/src/i18n/pl.ts';
import { ro } from '../web/src/i18n/ro.ts';
import { isolate } from '../web/src/i18n/bidi.ts';
import type { Catalogue } from '../web/src/i18n/t.ts';
import { describeLanguageWalk } from './language-walk.ts';
import { postAs, setUpCommissionPlan } from './support/commissions.ts';
import { launchBrowser, signInAs, type SignedIn } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The real server over a small demo workspace (4 reps, 3 months), driven by Debian's Chromium.
const SHOTS = resolve(import.meta.dirname, '../screenshots');
const PASSWORD = 'pacesetter-demo';
const LOGIN = {
  admin: 'admin@demo.pacesetter.test',
  manager: 'manager@demo.pacesetter.test',
  rep: 'rep@demo.pacesetter.test',
};

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // npm test builds the web app before vitest; a bare `vitest run` needs `npm run build:web` first.
  if (!existsSync(resolve(import.meta.dirname, '../web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests');
  }
  await mkdir(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(['--reps', '4', '--months', '3']), launchBrowser()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

/** Waits until no panel on the page is still loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.state-loading').length === 0, undefined, {
    timeout: 60_000,
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The workspace formatters the web app uses, built from the API's settings. */
async function formattersFor(session: SignedIn): Promise<{ fmt: Formatters; settings: Settings }> {
  const settings = await session.api<Settings>('/api/settings');
  return { fmt: makeFormatters(settings.locale, settings.currency, settings.timeZone), settings };
}

async function definitions(session: SignedIn): Promise<Map<string, MetricDefinitionInfo>> {
  const body = await session.api<{ metrics: MetricDefinitionInfo[] }>('/api/metrics/definitions');
  return new Map(body.metrics.map((d) => [d.id, d]));
}

describe('web app in Chromium', () => {
  it('shows the sign-in page and refuses a wrong password', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.baseUrl);
    await page.getByLabel('Email').fill(LOGIN.manager);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Email or password is wrong');
    await shot(page, 'sign-in');
    await context.close();
  }, 60_000);

  it('manager home shows the same KPIs, leaderboard and forecast as the API', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    await page.getByRole('heading', { name: 'Team', exact: true }).waitFor();
    await settled(page);
    // Keyboard: the first Tab stop is the skip link, and it moves focus to the main content.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

    const { fmt, settings } = await formattersFor(manager);
    const defs = await definitions(manager);
    const today = todayIn(settings.timeZone);
    const month = periodKeyFor('month', today);

    const ids = ['won_revenue', 'win_rate', 'new_prospects', 'calls', 'meetings_held'];
    const report = await manager.api<MetricReport>(
      `/api/metrics?ids=${ids.join(',')}&group=company&period=${month}&compare=previous`,
    );
    for (const id of ids) {
      const expected = formatMetric(fmt, defs.get(id)?.unit, report.rows[0]?.values[id]?.value, true);
      await expect(page.getByTestId(`kpi-${id}`).textContent()).resolves.toBe(expected);
    }
    // A number that is not zero proves the demo data reached the dashboard.
    expect(report.rows[0]?.values.calls?.value).toBeGreaterThan(0);

    const board = await manager.api<Leaderboard>(
      `/api/leaderboards?metric=won_revenue&period=${month}&board=reps`,
    );
    const firstRow = page.getByTestId('leaderboard-table').locator('tbody tr').first();
    await expect(firstRow.locator('td[data-col="name"]').textContent()).resolves.toBe(board.lines[0]?.name);
    await expect(firstRow.locator('td[data-col="value"]').textContent()).resolves.toBe(
      fmt.money(board.lines[0]?.value),
    );

    const quarter = periodKeyFor('quarter', today);
    const forecast = await manager.api<Forecast>(`/api/forecast?period=${quarter}&scope=company&seed=1`);
    const weighted = forecast.methods.find((m) => m.method === 'stage_weighted');
    const weightedRow = page.getByTestId('forecast-table').locator('tbody tr').first();
    await expect(weightedRow.locator('td[data-col="value"]').textContent()).resolves.toBe(
      fmt.money(weighted?.value),
    );
    // The track record: MAPE / bias at the start, week 2 and mid-period of the past periods, with their number.
    const record = forecast.trackRecord?.methods.find((m) => m.method === 'stage_weighted');
    for (const [col, slot] of [
      ['errorStart', 'atStart'],
      ['errorWeek2', 'atWeek2'],
      ['errorMid', 'atMid'],
    ] as const) {
      const stats = record?.[slot];
      await expect(weightedRow.locator(`td[data-col="${col}"]`).textContent()).resolves.toBe(
        stats && stats.mape !== null ? `${fmt.percent(stats.mape)} / ${fmt.percent(stats.bias)}` : '–',
      );
    }
    await expect(
      page.getByTestId('forecast-table').locator('th').filter({ hasText: 'At week 2' }).textContent(),
    ).resolves.toContain(`${record?.atWeek2.n ?? 0} periods`);
    // The pipeline yet to be created has its own column, and the calibration table shows configured vs observed.
    await expect(weightedRow.locator('td[data-col="toBeCreated"]').textContent()).resolves.toBe(
      fmt.money(weighted?.toBeCreated),
    );
    const calibrationRows = page.getByTestId('calibration-table').locator('tbody tr');
    await expect(calibrationRows.count()).resolves.toBe(forecast.calibration.length);
    await expect(calibrationRows.first().locator('td[data-col="observed"]').textContent()).resolves.toBe(
      fmt.percent(forecast.calibration[0]?.observed),
    );
    // Beside them the learned probability and which of the two the forecast used (the pipeline's setting).
    await expect(calibrationRows.first().locator('td[data-col="learned"]').textContent()).resolves.toBe(
      fmt.percent(forecast.calibration[0]?.learned),
    );
    await expect(calibrationRows.first().locator('td[data-col="source"]').textContent()).resolves.toBe(
      forecast.calibration[0]?.source === 'learned' ? 'Learned' : 'Configured',
    );
    // The number to plan with, and when it is a single method, the page says the blend did not beat it.
    if (forecast.recommended) {
      const recommended = page.getByTestId('forecast-recommended');
      await expect(recommended.textContent()).resolves.toContain(fmt.money(forecast.recommended.value));
      if (forecast.recommended.method !== 'blended')
        await expect(recommended.textContent()).resolves.toContain('has not beaten');
    }

    const funnel = await manager.api<Funnel>(`/api/funnel?period=${month}`);
    expect(funnel.stages.length).toBeGreaterThan(0);
    const funnelRows = page.getByTestId('funnel-table').locator('tbody tr');
    await expect(funnelRows.count()).resolves.toBe(funnel.stages.length);
    await expect(funnelRows.first().locator('td[data-col="entered"]').textContent()).resolves.toBe(
      fmt.number(funnel.stages[0]?.entered),
    );

    const hot = page.getByTestId('pipeline-review');
    await expect(hot.getByRole('heading', { name: /Hottest/ }).count()).resolves.toBe(1);
    await shot(page, 'manager-home');

    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    await shot(page, 'manager-home-phone');
    await manager.context.close();
  }, 120_000);

  it('manager home: the pipeline changes table reconciles to the API’s end value', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    const panel = page.getByTestId('pipeline-changes');
    await panel.waitFor();
    await settled(page);
    const { fmt, settings } = await formattersFor(manager);
    const me = await manager.api<SessionInfo>('/api/auth/me');
    const team = me.user.teamId === null ? '' : `?teamId=${me.user.teamId}`;
    const changes = await manager.api<PipelineChanges>(`/api/pipeline-changes${team}`);
    const totals = changes.totals.find((x) => x.currency === settings.currency)!;
    expect(totals.startCount + totals.endCount).toBeGreaterThan(0);
    const table = panel.locator(
      `[data-testid="pipeline-changes-table"][data-currency="${settings.currency}"]`,
    );
    const end = table.getByTestId('pipeline-changes-end');
    await expect(end.textContent()).resolves.toBe(fmt.money(totals.endValueMinor));
    // Last week's value plus every category's effect, as the page shows them, is this week's value.
    const values = await table
      .locator('tbody tr:not([data-row="end"]) td[data-value]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    expect(values.reduce((a, b) => a + b, 0)).toBe(totals.endValueMinor);
    // A category opens the list of its deals.
    await table.locator('tbody tr:not([data-row="start"]):not([data-row="end"]) button').first().click();
    // The deals arrive with their own request: wait for the first row rather than counting at once.
    const dealRows = panel.getByTestId('pipeline-changes-deals').locator('tbody tr');
    await dealRows.first().waitFor({ timeout: 60_000 });
    await expect(dealRows.count()).resolves.toBeGreaterThan(0);
    await panel.screenshot({ path: join(SHOTS, 'pipeline-changes.png') });
    await manager.context.close();
  }, 120_000);

  it('rep home shows my pacing, numbers and rank as the API does', async () => {
    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    const { page } = rep;
    await page.getByRole('heading', { name: 'My day' }).waitFor();
    await settled(page);
    const { fmt, settings } = await formattersFor(rep);
    const defs = await definitions(rep);
    const me = await rep.api<{ user: { id: number } }>('/api/auth/me');
    const month = periodKeyFor('month', todayIn(settings.timeZone));

    const report = await rep.api<MetricReport>(
      `/api/metrics?ids=calls,new_prospects,follow_ups&group=company&period=${month}&rep=${me.user.id}`,
    );
    for (const id of ['calls', 'new_prospects', 'follow_ups']) {
      const expected = formatMetric(fmt, defs.get(id)?.unit, report.rows[0]?.values[id]?.value, true);
      await expect(page.getByTestId(`kpi-${id}`).textContent()).resolves.toBe(expected);
    }

    const pacing = await rep.api<{ goals: GoalPacing[] }>('/api/goals/pacing?user=me');
    const weekly = pacing.goals.filter((g) => g.goal.grain === 'week');
    expect(weekly.length).toBeGreaterThan(0);
    const first = weekly[0] as GoalPacing;
    const unit = defs.get(first.goal.metricId)?.unit;
    await expect(
      page.getByTestId('pacing-week').getByTestId('pacing-actual').first().textContent(),
    ).resolves.toBe(
      `${formatMetric(fmt, unit, first.pacing.actual)} of ${formatMetric(fmt, unit, first.pacing.target)}`,
    );

    const board = await rep.api<Leaderboard>(
      `/api/leaderboards?metric=won_revenue&period=${month}&board=reps`,
    );
    const mine = board.lines.find((l) => l.id === me.user.id);
    await expect(page.getByTestId('rank-won_revenue').textContent()).resolves.toBe(
      `#${mine?.rank} of ${board.lines.length}`,
    );

    // The rep calls a number for the quarter and recategorises a deal, in one save.
    const quarter = periodKeyFor('quarter', todayIn(settings.timeZone));
    const callForm = page.getByRole('form', { name: 'My forecast call' });
    await callForm.getByLabel(/My call for the quarter/).fill('123456');
    const firstDeal = callForm.locator('tbody tr').first();
    const dealName = await firstDeal.locator('td[data-col="name"]').textContent();
    const category = firstDeal.getByRole('combobox');
    const target = (await category.inputValue()) === 'commit' ? 'best_case' : 'commit';
    await category.selectOption(target);
    await callForm.getByRole('button', { name: 'Save my call and categories' }).click();
    // The save answers asynchronously: wait for the panel to show the new call (a condition, not a one-off read).
    await expect
      .poll(() => callForm.getByTestId('my-call').textContent(), { timeout: 30_000 })
      .toContain(fmt.money(12_345_600));
    const calls = await rep.api<{ calls: { amount: number }[] }>(
      `/api/forecast/calls?period=${quarter}&scope=rep:${me.user.id}`,
    );
    expect(calls.calls[0]?.amount).toBe(12_345_600);
    const mineOpen = await rep.api<{ items: Opportunity[] }>(
      `/api/opportunities?owner=${me.user.id}&status=open&limit=500`,
    );
    expect(mineOpen.items.some((o) => o.name === dealName && o.forecastCategory === target)).toBe(true);
    await shot(page, 'rep-home');
    await rep.context.close();
  }, 120_000);

  it('explore shows a metric by rep as chart and table with parts on hover', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    await page.getByRole('link', { name: 'Explore' }).click();
    await page.getByRole('heading', { name: 'Explore' }).waitFor();
    await settled(page);
    const table = page.getByTestId('explore-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    // Win rate is a ratio: its cell carries numerator / denominator for the hover.
    const title = await table.locator('td[data-col="win_rate"]').first().getAttribute('title');
    expect(title).toMatch(/^[\d,.]+ \/ [\d,.]+$/);
    await shot(page, 'explore');

    // Issue 18: by lead source, the same groups and values as the API; win rate cannot split by time category,
    // so that grouping is not offered while it is chosen.
    const groupSelect = page.getByLabel('Group by');
    await expect(groupSelect.locator('option[value="time_category"]').isDisabled()).resolves.toBe(true);
    await groupSelect.selectOption('lead_source');
    const { fmt, settings } = await formattersFor(manager);
    const month = periodKeyFor('month', todayIn(settings.timeZone));
    const bySource = await manager.api<MetricReport>(
      `/api/metrics?ids=calls,meetings_held,win_rate&group=lead_source&period=${month}`,
    );
    expect(bySource.rows.length).toBeGreaterThan(0);
    // Polled: the table is refetched for the new grouping.
    await expect
      .poll(() => table.locator('td[data-col="group"]').allTextContents(), { timeout: 30_000 })
      .toEqual(bySource.rows.map((r) => r.group.name));
    await expect(table.locator('th').first().textContent()).resolves.toBe('Lead source');
    await expect(table.locator('td[data-col="calls"]').allTextContents()).resolves.toEqual(
      bySource.rows.map((r) => formatMetric(fmt, 'count', r.values.calls?.value)),
    );
    await manager.context.close();
  }, 120_000);

  it('admin creates a goal and a company holiday in settings and the API lists them', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    const { page } = admin;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Goals & quotas' }).click();
    const form = page.getByRole('form', { name: 'New goal or quota' });
    await form.waitFor();
    const reps = await admin.api<{ items: { id: number; name: string; role: string }[] }>(
      '/api/users?role=rep',
    );
    const rep = reps.items[0] as { id: number; name: string };
    await form.getByLabel('Name').fill('E2E weekly calls');
    await form.getByLabel('Metric').selectOption('calls');
    // Anchored: a select's name is its label followed by its options' text, and the metric select's options now
    // include "Forecast accuracy".
    await form.getByLabel(/^For/).selectOption('user');
    await form.getByLabel('Who').selectOption(String(rep.id));
    await form.getByLabel('Every').selectOption('week');
    await form.getByLabel('Target').fill('55');
    await form.getByRole('button', { name: 'Create goal' }).click();
    await page.getByTestId('goals-table').getByText('E2E weekly calls').waitFor();
    const goals = await admin.api<{ goals: Goal[] }>('/api/goals');
    const created = goals.goals.find((g) => g.name === 'E2E weekly calls');
    expect(created).toMatchObject({
      metricId: 'calls',
      scopeType: 'user',
      scopeId: rep.id,
      grain: 'week',
      target: 55,
    });
    await shot(page, 'settings-goals');

    // A company day off: saved through PUT /api/holidays and listed for its year.
    await page.getByRole('link', { name: 'Holidays' }).click();
    const holidayForm = page.getByRole('form', { name: 'Add holiday' });
    await holidayForm.waitFor();
    await holidayForm.getByLabel('Day').fill('2026-12-28');
    await holidayForm.getByLabel('Name').fill('E2E company day');
    await holidayForm.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByRole('cell', { name: 'E2E company day', exact: true }).waitFor({ timeout: 60_000 });
    const holidays = await admin.api<{ custom: { date: string; name: string }[] }>('/api/holidays?year=2026');
    expect(holidays.custom).toContainEqual({ date: '2026-12-28', name: 'E2E company day' });

    // Pipelines: configured beside observed (the calibration table), and the source the forecast uses.
    const { fmt } = await formattersFor(admin);
    const pipelines = await admin.api<{ items: Pipeline[] }>('/api/pipelines');
    const pipeline = pipelines.items[0] as Pipeline;
    await page.goto(`${server.baseUrl}/settings/pipelines`);
    const calibration = page.getByTestId(`calibration-${pipeline.id}`);
    await calibration.waitFor();
    const first = [...pipeline.stages].sort((a, b) => a.position - b.position)[0];
    await expect(
      calibration.locator('tbody tr').first().locator('td[data-col="observed"]').textContent(),
    ).resolves.toBe(first?.observedPct === null ? '–' : fmt.percent((first?.observedPct ?? 0) / 100));
    const source = page.getByLabel(`Stage probabilities the forecast uses for ${pipeline.name}`);
    await expect(source.inputValue()).resolves.toBe(pipeline.probabilitySource);
    await source.selectOption('configured');
    await expect
      .poll(
        async () => (await admin.api<{ items: Pipeline[] }>('/api/pipelines')).items[0]?.probabilitySource,
      )
      .toBe('configured');
    await source.selectOption('learned');
    await expect
      .poll(
        async () => (await admin.api<{ items: Pipeline[] }>('/api/pipelines')).items[0]?.probabilitySource,
      )
      .toBe('learned');
    await shot(page, 'settings-pipelines');
    await admin.context.close();
  }, 120_000);

  it('admin imports a CSV with bad rows and sees the rejected rows', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    const { page } = admin;
    const opps = await admin.api<{ items: Opportunity[] }>('/api/opportunities?limit=1');
    const known = opps.items[0] as Opportunity;
    const header =
      '"Opportunity Owner","Account Name","Opportunity Name","Stage","Fiscal Period","Amount","Probability (%)","Age","Close Date","Created Date","Lead Source","Type"';
    const csv = [
      header,
      `"${known.ownerName}","${known.accountName}","E2E good deal","Closed Won","Q4-2026","12000","100","42","11/14/2026","10/3/2026","Web","New Customer"`,
      `"${known.ownerName}","${known.accountName}","E2E bad amount","Closed Won","Q4-2026","twelve","100","42","11/14/2026","10/3/2026","Web","New Customer"`,
      `"${known.ownerName}","${known.accountName}","E2E bad date","Closed Won","Q4-2026","500","100","42","11/40/2026","10/3/2026","Web","New Customer"`,
    ].join('\n');
    await page.goto(`${server.baseUrl}/settings/imports`);
    const form = page.getByRole('form', { name: 'Import a CSV file' });
    await form.getByLabel('CSV file').setInputFiles({
      name: 'e2e-opportunities.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await form.getByRole('button', { name: 'Import' }).click();
    const rejects = page.getByTestId('import-rejects');
    await rejects.waitFor({ timeout: 60_000 });
    const lines = await rejects.locator('td[data-col="line"]').allTextContents();
    expect(lines).toEqual(expect.arrayContaining(['3', '4']));
    await expect(rejects.textContent()).resolves.toContain('twelve');
    const runs = await admin.api<{
      imports: { fileName: string; rowsRejected: number; rowsImported: number }[];
    }>('/api/imports');
    const run = runs.imports.find((r) => r.fileName === 'e2e-opportunities.csv');
    expect(run?.rowsRejected).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('import-status').textContent()).resolves.toContain(
      `${run?.rowsRejected} rejected`,
    );
    await shot(page, 'settings-imports');
    await admin.context.close();
  }, 120_000);

  it('manager home shows the last forecast labelled "updating" after a write to the deals, then the current one', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    await page.getByRole('heading', { name: 'Team', exact: true }).waitFor();
    await settled(page);
    const { fmt, settings } = await formattersFor(manager);
    // The panel's own request (ForecastPanel.tsx), as stored.
    const url = `/api/forecast?period=${periodKeyFor('quarter', todayIn(settings.timeZone))}&scope=company&seed=1&trackRecord=true&deals=false`;
    const weighted = (f: Forecast) => fmt.money(f.methods.find((m) => m.method === 'stage_weighted')?.value);
    const cell = page
      .getByTestId('forecast-table')
      .locator('tbody tr')
      .first()
      .locator('td[data-col="value"]');
    // An earlier test's import may have left the stored forecast behind the data: then the panel is updating.
    const label = page.getByTestId('forecast-freshness');
    await label.waitFor({ state: 'detached', timeout: 60_000 });
    // The stored answer the panel shows (the one it will show, labelled, after the write).
    const before = await manager.api<Forecast>(`${url}&stale=allow`);
    expect(before.stale).toBe(false);
    await expect(cell.textContent()).resolves.toBe(weighted(before));

    // A change to every open deal's amount moves the stage-weighted forecast (and the data version).
    await sql`update opportunities set amount_minor = amount_minor * 2 where status = 'open'`.execute(
      server.db,
    );
    await page.reload();
    // At once: the answer made before the write, labelled with its time (the panel asks again every 2 s).
    await label.waitFor({ timeout: 30_000 });
    await expect(label.textContent()).resolves.toBe(`as of ${fmt.time(before.asOf)} · updating…`);
    await expect(cell.textContent()).resolves.toBe(weighted(before));
    await shot(page, 'manager-home-forecast-updating');
    // Then the current answer, computed meanwhile: the label goes and the numbers are the default request's.
    await label.waitFor({ state: 'detached', timeout: 60_000 });
    const after = await manager.api<Forecast>(url);
    expect(after.stale).toBe(false);
    expect(Date.parse(after.asOf)).toBeGreaterThan(Date.parse(before.asOf));
    expect(weighted(after)).not.toBe(weighted(before));
    await expect(cell.textContent()).resolves.toBe(weighted(after));
    await manager.context.close();
  }, 120_000);
  it('leads page: open leads by score with why on hover, calibration as the API says, rules preview', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    const { page } = admin;
    await page.getByRole('link', { name: 'Leads' }).click();
    await page.getByRole('heading', { name: 'Leads by score' }).waitFor();
    await settled(page);
    const { fmt } = await formattersFor(admin);

    const leads = await admin.api<{ items: Lead[] }>('/api/leads?sort=score&limit=200');
    const open = leads.items.filter((l) => ['new', 'working', 'mql', 'sql'].includes(l.status));
    const top = open[0];
    expect(top?.score).not.toBeNull();
    const firstRow = page.getByTestId('scored-leads').locator('tbody tr').first();
    await expect(firstRow.locator('td[data-col="name"]').textContent()).resolves.toBe(top?.name);
    const scoreCell = firstRow.locator('td[data-col="score"]');
    await expect(scoreCell.textContent()).resolves.toBe(fmt.number(top?.score));
    // The hover names every rule that fired, with its points.
    const why = (await scoreCell.getAttribute('title')) ?? '';
    for (const r of top?.scoreWhy ?? [])
      expect(why).toContain(`${r.label}: ${r.points > 0 ? '+' : ''}${r.points}`);

    // Calibration: the same bands as the API (or its empty note when the range has no past leads).
    const calibration = await admin.api<CalibrationReport>('/api/scoring/calibration');
    if (calibration.leads === 0) {
      await expect(page.getByTestId('calibration').textContent()).resolves.toContain('No past leads');
    } else {
      const bandRows = page.getByTestId('calibration-bands').locator('tbody tr');
      await expect(bandRows.count()).resolves.toBe(calibration.bands.length);
      await expect(bandRows.first().locator('td[data-col="leads"]').textContent()).resolves.toBe(
        fmt.number(calibration.bands[0]?.leads),
      );
    }

    // Rules: a lower MQL threshold previewed moves leads, as the preview API computes for the same draft.
    const rules = await admin.api<{ active: { mqlThreshold: number } }>('/api/scoring/rules');
    const lower = rules.active.mqlThreshold - 5;
    await page.getByTestId('mql-threshold').fill(String(lower));
    // The preview the server computed for the page's draft is what the page states.
    const [previewResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/scoring/rules/preview')),
      page.getByTestId('preview-rules').click(),
    ]);
    expect(previewResponse.status()).toBe(200);
    const expected = (await previewResponse.json()) as RulePreview;
    await page.getByTestId('rules-preview').waitFor();
    const previewText = await page.getByTestId('rules-preview').textContent();
    expect(previewText).toContain(
      `Of ${expected.openLeads} open leads: MQL ${expected.current.mql} -> ${expected.proposed.mql}`,
    );
    // Speed to lead: the company's buckets as the API gives them for the same 180 days.
    const { settings } = await formattersFor(admin);
    const to = todayIn(settings.timeZone);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 179 * 86_400_000).toISOString().slice(0, 10);
    const speed = await admin.api<{ rows: { bucket: string; leads: number }[] }>(
      `/api/routing/speed-to-lead?from=${from}&to=${to}&by=company`,
    );
    const speedRows = page.getByTestId('speed-to-lead-table').locator('tbody tr');
    await expect(speedRows.count()).resolves.toBe(speed.rows.length);
    await expect(speedRows.first().locator('td[data-col="leads"]').textContent()).resolves.toBe(
      fmt.number(speed.rows[0]?.leads),
    );
    // Out of office: dates added in the form are what the API lists, so routing skips them.
    const form = page.getByTestId('routing-ooo-form');
    await form.getByLabel('From', { exact: true }).fill('2027-01-04');
    await form.getByLabel('To', { exact: true }).fill('2027-01-08');
    await form.getByLabel('Note', { exact: true }).fill('e2e holiday');
    await form.getByRole('button', { name: 'Add dates' }).click();
    await page.getByTestId('routing-ooo').getByText('e2e holiday').waitFor();
    const away = await admin.api<{ periods: { startsOn: string; endsOn: string; note: string | null }[] }>(
      '/api/routing/out-of-office',
    );
    expect(away.periods.find((p) => p.note === 'e2e holiday')).toMatchObject({
      startsOn: '2027-01-04',
      endsOn: '2027-01-08',
    });
    await shot(page, 'leads');
    await admin.context.close();

    // A rep sees their own leads by score but not the calibration or the rules.
    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    await rep.page.getByRole('link', { name: 'Leads' }).click();
    await rep.page.getByRole('heading', { name: 'Leads by score' }).waitFor();
    await settled(rep.page);
    await expect(rep.page.getByTestId('calibration').count()).resolves.toBe(0);
    await expect(rep.page.getByTestId('scoring-rules').count()).resolves.toBe(0);
    await rep.context.close();
  }, 180_000);

  it('plans: a manager creates a PIP with a weekly target in the form; the status shown is the API’s', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    await page.getByRole('link', { name: 'Plans' }).click();
    await page.getByTestId('plans-list').waitFor();
    await settled(page);
    const { fmt, settings } = await formattersFor(manager);
    const repId = Number(await page.getByTestId('plans-rep').locator('option').nth(1).getAttribute('value'));
    await page.getByTestId('plans-rep').selectOption(String(repId));
    const form = page.getByTestId('plan-create-form');
    await form.waitFor();
    // Started three days ago, so the first week is running and has actuals from the demo.
    const start = new Date(Date.parse(`${todayIn(settings.timeZone)}T00:00:00Z`) - 3 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await form.getByLabel('Title', { exact: true }).fill('E2E improvement plan');
    await form.getByLabel('First day', { exact: true }).fill(start);
    await form.getByTestId('plan-skill-0').getByLabel('Skill', { exact: true }).fill('Discovery questions');
    await form.getByRole('button', { name: 'Add a skill' }).click();
    await form.getByTestId('plan-skill-1').getByLabel('Skill area').selectOption('IQ');
    await form.getByTestId('plan-skill-1').getByLabel('Skill', { exact: true }).fill('Product pricing');
    await form.getByTestId('plan-action-0').getByLabel('What to do').fill('Shadow two discovery calls');
    await form.getByTestId('plan-action-0').getByLabel('Due').fill(start);
    await form.getByTestId('plan-target-0').getByLabel('Value', { exact: true }).fill('20');
    await form.getByRole('button', { name: 'Create plan' }).click();
    const panel = page.getByTestId('rep-plans');
    await panel.getByText('E2E improvement plan').waitFor({ timeout: 60_000 });
    await settled(page);

    const plans = await manager.api<{ plans: Plan[] }>(`/api/coaching/plans?userId=${repId}`);
    const plan = plans.plans.find((p) => p.title === 'E2E improvement plan');
    expect(plan).toMatchObject({
      kind: 'pip',
      startOn: start,
      targets: [{ metricId: 'calls', resolvedTarget: 20 }],
      skills: [
        { area: 'BQ', skill: 'Discovery questions' },
        { area: 'IQ', skill: 'Product pricing' },
      ],
      actions: [{ kind: 'mentoring', description: 'Shadow two discovery calls', dueOn: start }],
    });
    const card = panel.getByTestId(`plan-${plan!.id}`);
    await expect(card.locator('h3 [data-status]').getAttribute('data-status')).resolves.toBe(
      plan!.status.status,
    );
    const target = plan!.status.targets[0]!;
    const row = card.getByTestId(`plan-${plan!.id}-targets`).locator('tbody tr').first();
    await expect(
      row.locator('td[data-col="status"] [data-status]').getAttribute('data-status'),
    ).resolves.toBe(target.status);
    const week = target.windows.find(
      (w) => w.status !== 'not_started' && w.status !== 'met' && w.status !== 'not_met',
    );
    await expect(row.locator('td[data-col="actual"]').textContent()).resolves.toBe(
      formatMetric(fmt, 'count', week?.actual ?? null),
    );
    await shot(page, 'plans');
    await manager.context.close();
  }, 180_000);

  it('hiring page: the ranked comparison is the API’s; reps get no hiring link', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    await page.getByRole('link', { name: 'Hiring' }).click();
    await page.getByRole('heading', { name: 'Hiring and turnover' }).waitFor();
    await page.getByTestId('hiring-ranked').waitFor();
    await settled(page);
    const { fmt } = await formattersFor(manager);
    const openings = await manager.api<{ items: Opening[] }>('/api/hiring/openings');
    const open = openings.items.find((o) => o.status === 'open')!;
    const cmp = await manager.api<Comparison>(`/api/hiring/openings/${open.id}/candidates`);
    const rows = page.getByTestId('hiring-ranked').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(cmp.candidates.length);
    for (const [i, c] of cmp.candidates.entries()) {
      const row = rows.nth(i);
      await expect(row.locator('td[data-col="name"]').textContent()).resolves.toBe(c.name);
      await expect(row.locator('td[data-col="rank"]').textContent()).resolves.toBe(String(c.rank ?? ''));
      await expect(row.locator('td[data-col="score"]').textContent()).resolves.toBe(fmt.number(c.total, 2));
    }
    await shot(page, 'hiring');
    await manager.context.close();

    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    await rep.page.getByRole('link', { name: 'Leads' }).waitFor();
    await expect(rep.page.getByRole('link', { name: 'Hiring' }).count()).resolves.toBe(0);
    await rep.context.close();
  }, 180_000);
  it('coaching page shows the scorecard as the API scores it and the quadrant chart', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { page } = manager;
    await page.getByRole('link', { name: 'Coaching' }).click();
    await page.getByRole('heading', { name: 'Coaching', exact: true }).waitFor();
    await settled(page);
    const { fmt, settings } = await formattersFor(manager);
    const month = periodKeyFor('month', todayIn(settings.timeZone));
    const card = await manager.api<ScorecardReport>(`/api/coaching/scorecard?period=${month}&grain=whole`);
    const first = page.getByTestId('coaching-scorecard-table').locator('tbody tr').first();
    await expect(first.locator('td[data-col="rep"]').textContent()).resolves.toBe(card.reps[0]?.name);
    await expect(first.locator('td[data-col="activity"]').textContent()).resolves.toBe(
      fmt.number(card.reps[0]?.buckets[0]?.activityScore, 1),
    );
    const quadrants = await manager.api<QuadrantsReport>('/api/coaching/quadrants?periods=6&grain=month');
    expect(quadrants.reps.length).toBeGreaterThan(0);
    await expect(page.getByTestId('coaching-quadrants').locator('.chart svg').count()).resolves.toBe(1);
    await expect(page.getByTestId('coaching-quadrant-table').locator('tbody tr').count()).resolves.toBe(
      quadrants.reps.length,
    );
    await shot(page, 'coaching');
    await manager.context.close();
  }, 120_000);

  it('settings: an admin edits a scorecard line; the API keeps the new benchmark', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    const { page } = admin;
    await page.goto(`${server.baseUrl}/settings/scorecards`);
    const form = page.getByTestId('scorecard-form');
    await form.waitFor();
    const before = await admin.api<{ scorecards: { id: number; metrics: { benchmark: number }[] }[] }>(
      '/api/coaching/scorecards',
    );
    const card = before.scorecards[0]!;
    const benchmark = form.getByTestId('scorecard-lines').getByLabel('Benchmark per month').first();
    await benchmark.fill(String(card.metrics[0]!.benchmark + 7));
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Saved').waitFor();
    const after = await admin.api<{ scorecards: { id: number; metrics: { benchmark: number }[] }[] }>(
      '/api/coaching/scorecards',
    );
    // The built-in default (id 0) is stored on its first save and gets a real id.
    const saved = card.id === 0 ? after.scorecards[0]! : after.scorecards.find((c) => c.id === card.id)!;
    expect(saved.metrics[0]!.benchmark).toBe(card.metrics[0]!.benchmark + 7);
    expect(saved.metrics.length).toBe(card.metrics.length);
    // A bad line is refused with the server's reason and nothing changes.
    await benchmark.fill('-5');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('alert').waitFor();
    const unchanged = await admin.api<{ scorecards: { metrics: { benchmark: number }[] }[] }>(
      '/api/coaching/scorecards',
    );
    expect(unchanged.scorecards.map((c) => c.metrics[0]?.benchmark)).not.toContain(-5);
    await admin.context.close();
  }, 120_000);
});

describe('print view and PDF', () => {
  it('prints the one-to-one pack from its print view, with the reader’s own access', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const users = await manager.api<{ items: { id: number; name: string; email: string; role: string }[] }>(
      '/api/users',
    );
    const rep = users.items.find((u) => u.email === LOGIN.rep);
    const other = users.items.find((u) => u.role === 'rep' && u.email !== LOGIN.rep);
    if (!rep || !other) throw new Error('the demo has no two reps');

    // The print view: the rep's pack without navigation, marked ready once every section has its data.
    await manager.page.goto(`${server.baseUrl}/print/one-to-one/${rep.id}`);
    await manager.page.locator('[data-print-ready="true"]').waitFor({ state: 'attached' });
    await expect(manager.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `One-to-one: ${rep.name}`,
    );
    await expect(manager.page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    const pacing = await manager.api<{ goals: GoalPacing[] }>(`/api/goals/pacing?user=${rep.id}`);
    const goals = manager.page.getByTestId('one-to-one-goals').locator('[data-goal]');
    await expect(goals.count()).resolves.toBe(pacing.goals.length);
    await shot(manager.page, 'one-to-one-print');

    // The PDF is that view printed by Chromium on the server.
    const pdf = await manager.context.request.get(`${server.baseUrl}/api/print/one-to-one/${rep.id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    await manager.context.close();

    // A rep prints their own pack; another rep's is a 404, like an id that does not exist.
    const own = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    const get = (path: string) => own.context.request.get(`${server.baseUrl}${path}`);
    expect((await get(`/api/print/one-to-one/${rep.id}/pdf`)).status()).toBe(200);
    expect((await get(`/api/print/one-to-one/${other.id}/pdf`)).status()).toBe(404);
    expect((await get('/api/print/one-to-one/2147483647/pdf')).status()).toBe(404);
    for (const odd of [
      '/api/print/one-to-one/0/pdf',
      '/api/print/invoice/1/pdf',
      '/api/print/one-to-one/1%00/pdf',
    ]) {
      expect((await get(odd)).status(), odd).toBe(400);
    }
    // Dot segments are resolved before any route matches: /api/print/pdf is no route, and stays private.
    expect((await get('/api/print/one-to-one/%2e%2e/pdf')).status()).toBe(404);
    await own.context.close();
  }, 180_000);
});

/** POSTs as the signed-in user (with the session's CSRF token); throws on an error answer. */
function post<T>(session: SignedIn, path: string, body: unknown): Promise<T> {
  return postAs<T>(session.context, server.baseUrl, path, body);
}

function setUpPlan(admin: SignedIn, reps: { id: number }[]): Promise<CommissionPlan> {
  return setUpCommissionPlan(admin.context, server.baseUrl, reps);
}

describe('commissions', () => {
  it('an admin runs and locks a period; the rep reads the statement and disputes a line; the admin resolves it', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    const users = await admin.api<{ items: { id: number; email: string; role: string }[] }>('/api/users');
    const repId = users.items.find((u) => u.email === LOGIN.rep)!.id;
    const { plans } = await admin.api<{ plans: CommissionPlan[] }>('/api/commissions/plans');
    // The demo's plan for the demo rep, or one set up here: 5% up to target, 10% above, every rep on it.
    const plan =
      plans.find((p) => p.assignments.some((a) => a.userId === repId)) ??
      (await setUpPlan(
        admin,
        users.items.filter((u) => u.role === 'rep'),
      ));
    const rules = [...plan.versions].sort((a, b) => b.version - a.version)[0]!.rules;
    const { fmt: workspaceFmt, settings } = await formattersFor(admin);
    const today = todayIn(settings.timeZone);
    // The last whole period of the plan: the demo has won deals in it.
    const period = periodKeyFor(
      rules.period === 'month' ? 'last_month' : rules.period === 'quarter' ? 'last_quarter' : 'year',
      today,
    );

    // Admin: run the period, then lock it, from the statements page.
    const { page } = admin;
    await page.goto(`${server.baseUrl}/commissions`);
    await page.getByTestId('commission-period').selectOption(period);
    await page.getByRole('button', { name: 'Run the period' }).click();
    await page.getByTestId('commission-run').waitFor();
    await page.getByRole('button', { name: 'Lock the period' }).click();
    await page.getByTestId('commission-statements').getByText('Saved').waitFor();
    const listed = await admin.api<{ statements: StatementSummary[] }>(
      `/api/commissions/statements?period=${period}`,
    );
    const own = listed.statements.find((x) => x.userId === repId);
    const other = listed.statements.find((x) => x.userId !== repId);
    expect(own?.status).toMatch(/^(locked|paid)$/);
    await settled(page);
    await expect(page.getByTestId('commission-statements-table').locator('tbody tr').count()).resolves.toBe(
      listed.statements.length,
    );

    // Rep: their statement with its lines, totals and curve, as the API computes them.
    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    // My day: what the next open deal would add if won today, as the estimate endpoint says.
    const open = await rep.api<{ items: Opportunity[] }>(
      `/api/opportunities?owner=${repId}&status=open&limit=100`,
    );
    const next = open.items.sort((a, b) =>
      (a.expectedCloseDate ?? '9999').localeCompare(b.expectedCloseDate ?? '9999'),
    )[0];
    if (next) {
      const estimate = await rep.api<DealEstimate>(`/api/commissions/estimate?opportunityId=${next.id}`);
      const earn = rep.page.getByTestId('commission-estimate-table').locator('tbody tr').first();
      await expect(earn.locator('td[data-col="earn"]').textContent()).resolves.toBe(
        makeFormatters(workspaceFmt.locale, estimate.currency, settings.timeZone).money(
          estimate.differenceMinor,
        ),
      );
    }
    await rep.page.getByRole('link', { name: 'Commissions' }).click();
    await rep.page.getByRole('heading', { name: 'My statements' }).waitFor();
    await rep.page.locator(`a[href="/commissions/statements/${own!.id}"]`).click();
    const detail = await rep.api<StatementDetail>(`/api/commissions/statements/${own!.id}`);
    const fmt = makeFormatters(workspaceFmt.locale, detail.statement.currency, settings.timeZone);
    const lines = rep.page.getByTestId('commission-lines').locator('tbody tr');
    await lines.first().waitFor();
    await expect(lines.count()).resolves.toBe(detail.lines.length);
    for (const [i, line] of detail.lines.entries()) {
      await expect(lines.nth(i).locator('td[data-col="amount"]').textContent()).resolves.toBe(
        fmt.money(line.amountMinor),
      );
    }
    await expect(rep.page.getByTestId('commission-total-payout').textContent()).resolves.toBe(
      fmt.money(detail.totals.payoutMinor),
    );
    if (detail.curve.length > 0) {
      await expect(rep.page.getByTestId('commission-curve').locator('svg').count()).resolves.toBe(1);
    }
    await shot(rep.page, 'commission-statement');

    // The rep disputes the first line with a comment.
    const comment = `Line 1 looks wrong (e2e ${Date.now()})`;
    await lines.first().getByRole('button', { name: 'Dispute' }).click();
    await rep.page.getByTestId('commission-dispute-form').getByRole('textbox').fill(comment);
    await rep.page.getByRole('button', { name: 'Send the dispute' }).click();
    await rep.page.getByTestId('commission-disputes').getByText(comment).waitFor();

    // The print view is the same statement without the forms; the PDF is printed from it.
    await rep.page.goto(`${server.baseUrl}/print/commission-statement/${own!.id}`);
    await rep.page.locator('[data-print-ready="true"]').waitFor({ state: 'attached' });
    await expect(rep.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Commission statement: ${detail.statement.userName}, ${period}`,
    );
    await expect(rep.page.getByTestId('commission-dispute-form').count()).resolves.toBe(0);
    const pdf = await rep.context.request.get(
      `${server.baseUrl}/api/print/commission-statement/${own!.id}/pdf`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Another rep's statement is a 404 on the page, like one that does not exist.
    if (!other) throw new Error('the period has no statement of another person');
    await rep.page.goto(`${server.baseUrl}/commissions/statements/${other.id}`);
    await rep.page.getByTestId('commission-not-found').waitFor();
    const response = await rep.context.request.get(
      `${server.baseUrl}/api/commissions/statements/${other.id}`,
    );
    expect(response.status()).toBe(404);
    await rep.context.close();

    // Admin: resolve the dispute; it leaves the open list and the API keeps the decision.
    await page.getByRole('link', { name: 'Disputes' }).click();
    const { disputes } = await admin.api<{ disputes: Dispute[] }>('/api/commissions/disputes?status=open');
    const raised = disputes.find((d) => d.comment === comment)!;
    const item = page.locator(`li[data-dispute="${raised.id}"]`);
    await item.getByLabel('Decision').selectOption('rejected');
    await item
      .getByLabel('Resolution (the rep reads this)')
      .fill('Checked against the deal: the rate is right.');
    await item.getByRole('button', { name: 'Resolve' }).click();
    await item.waitFor({ state: 'detached' });
    const after = await admin.api<StatementDetail>(`/api/commissions/statements/${own!.id}`);
    expect(after.disputes.find((d) => d.id === raised.id)?.status).toBe('rejected');
    await admin.context.close();
  }, 240_000);
});

describe('data quality (integrity)', () => {
  it('a manager sees their reps with the padding demo rep flagged, its reasons and the days to check', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const settings = await manager.api<Settings>('/api/settings');
    const range = rangeFor('last_month', todayIn(settings.timeZone));
    const report = await manager.api<IntegrityReport>(
      `/api/capture/integrity?from=${range.from}&to=${range.to}`,
    );
    const flagged = report.reps.filter((r) => r.flagged);
    // The demo's padder (src/demo/padder.ts) is in the demo manager's team; nobody else pads.
    expect(flagged).toHaveLength(1);
    const { page } = manager;
    await page.goto(`${server.baseUrl}/team/integrity`);
    await settled(page);
    await expect(page.getByTestId('integrity-table').locator('tbody tr').count()).resolves.toBe(
      report.reps.length,
    );
    const section = page.getByTestId(`integrity-rep-${flagged[0]!.userId}`);
    await section.getByRole('heading', { name: flagged[0]!.name }).waitFor();
    await section.getByText(/of calls under 10 s/).waitFor();
    await expect(section.locator('tbody tr').count()).resolves.toBe(flagged[0]!.worstDays.length);
    await shot(page, 'integrity-manager');
  });
});

describe('win analysis page', () => {
  it('shows a manager the same findings, in the same order, as GET /api/win-analysis; a rep only their own', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const { fmt, settings } = await formattersFor(manager);
    const quarter = periodKeyFor('quarter', todayIn(settings.timeZone));
    const report = await manager.api<WinAnalysisReport>(`/api/win-analysis?period=${quarter}`);
    const { page } = manager;
    await page.goto(`${server.baseUrl}/wins`);
    await page.getByRole('heading', { name: 'Win analysis', level: 1 }).waitFor();
    await settled(page);
    if (report.deals.won + report.deals.lost === 0) {
      await expect(page.getByText('No deals were won or lost in this period.').count()).resolves.toBe(1);
    } else {
      const items = page.getByTestId('win-findings-list').locator('li');
      // Worded on the page from each finding's data (the API's English sentence is for the CLI), in order.
      await expect(items.allTextContents()).resolves.toEqual(
        report.findings.map((f) => findingText(f, fmt, report.currency)),
      );
      await expect(
        items.evaluateAll((els) => els.map((el) => el.getAttribute('data-feature'))),
      ).resolves.toEqual(report.findings.map((f) => f.feature));
      await expect(page.locator('.win-chart').count()).resolves.toBe(report.findings.length);
    }
    await shot(page, 'win-analysis');
    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    const own = await rep.api<WinAnalysisReport>(`/api/win-analysis?period=${quarter}`);
    expect(own.subject.type).toBe('rep');
    expect(own.deals.won + own.deals.lost).toBeLessThanOrEqual(report.deals.won + report.deals.lost);
  }, 120_000);
});

describe('sales meeting pack', () => {
  it('shows every section on /team/meeting and in the print view, and prints the PDF', async () => {
    const manager = await signInAs(browser, server.baseUrl, LOGIN.manager, PASSWORD);
    const pack = await manager.api<MeetingPack>('/api/meeting-pack');
    expect(pack.subject.type).toBe('team');
    const teamId = pack.subject.id as number;

    // The page, from the manager navigation.
    await manager.page.goto(`${server.baseUrl}/team`);
    await manager.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Meeting' })
      .click();
    await manager.page.waitForURL(`${server.baseUrl}/team/meeting`);
    await settled(manager.page);
    await expect(manager.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Sales meeting: ${pack.subject.name}`,
    );
    const rows = (testId: string) => manager.page.getByTestId(testId).locator('tbody tr').count();
    for (const section of ['kpis', 'goals', 'hottest', 'stalled', 'wins', 'leaderboard', 'funnel']) {
      await expect(manager.page.getByTestId(`meeting-${section}`).count(), section).resolves.toBe(1);
    }
    await expect(rows('meeting-kpis')).resolves.toBe(pack.kpis.length);
    await expect(rows('meeting-hottest-table')).resolves.toBe(pack.hottest.deals.length);
    await expect(rows('meeting-stalled-table')).resolves.toBe(pack.stalled.deals.length);
    await expect(rows('meeting-wins-table')).resolves.toBe(pack.wins.length);
    await expect(rows('meeting-leaderboard-table')).resolves.toBe(pack.leaderboard.lines.length);
    await expect(manager.page.getByTestId('meeting-goals').locator('[data-goal]').count()).resolves.toBe(
      pack.goals.length,
    );
    await shot(manager.page, 'meeting-pack');

    // The print view: the same sections without navigation, ready once loaded.
    await manager.page.getByTestId('meeting-print').click();
    await manager.page.waitForURL(`${server.baseUrl}/print/meeting-pack/${teamId}`);
    await manager.page.locator('[data-print-ready="true"]').waitFor({ state: 'attached' });
    await expect(manager.page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await expect(manager.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      `Sales meeting: ${pack.subject.name}`,
    );
    await expect(manager.page.locator(`[data-period="${pack.period.key}"]`).count()).resolves.toBe(1);
    await shot(manager.page, 'meeting-pack-print');

    // A month's pack prints too; the PDF is the print view printed by Chromium.
    const month = pack.period.to.slice(0, 7);
    const pdf = await manager.context.request.get(
      `${server.baseUrl}/api/print/meeting-pack/${teamId}/pdf?period=${month}`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toBe(
      `attachment; filename="meeting-pack-${teamId}-${month}.pdf"`,
    );
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const get = (session: SignedIn, path: string) => session.context.request.get(`${server.baseUrl}${path}`);
    expect((await get(manager, '/api/print/meeting-pack/company/pdf')).status()).toBe(404);
    expect((await get(manager, `/api/print/meeting-pack/0${teamId}/pdf`)).status()).toBe(400);
    await manager.context.close();

    // Reps have no meeting pack; admins have the company's.
    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    expect((await get(rep, '/api/meeting-pack')).status()).toBe(404);
    expect((await get(rep, `/api/print/meeting-pack/${teamId}/pdf`)).status()).toBe(404);
    await rep.context.close();
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    await admin.page.goto(`${server.baseUrl}/print/meeting-pack/company`);
    await admin.page.locator('[data-print-ready="true"]').waitFor({ state: 'attached' });
    await expect(admin.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Sales meeting: Company',
    );
    await admin.context.close();
  }, 180_000);
});

describe('quick log', () => {
  type Today = import('../web/src/api/types/capture.ts').TodayReport;

  /** Logs a touch to a brand-new contact, then a second one to the same person, checking the flag and Today. */
  async function logTwice(session: SignedIn, name: string, phone: boolean): Promise<void> {
    const { page } = session;
    const before = await session.api<Today>('/api/activities/today');
    if (phone) {
      await page.goto(`${server.baseUrl}/log`);
    } else {
      await page.getByRole('link', { name: 'Quick log' }).click();
    }
    await page.getByRole('heading', { name: 'Quick log', level: 1 }).waitFor();
    await settled(page);
    // Today refetches after each log: the counts are polled, not read once (a busy machine answers later).
    const todayCount = (id: string) => page.getByTestId(`today-${id}`);
    await expect
      .poll(() => todayCount('activities').textContent(), { timeout: 15_000 })
      .toBe(String(before.values.activities));

    // First touch: a call to a person nobody has: "New prospect".
    const search = page.getByRole('combobox', { name: 'Contact' });
    if (phone) await page.getByText('Call', { exact: true }).tap();
    else await page.keyboard.press('c');
    await search.fill(name);
    const newRow = page.getByRole('option', { name: `+ New contact “${name}”` });
    await newRow.waitFor();
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@e2e.test`;
    if (phone) {
      await newRow.tap();
      await page.getByLabel('E-mail').fill(email);
      await page.getByText('No answer').tap();
      await page.getByRole('button', { name: 'Log it' }).tap();
    } else {
      await search.press('Enter');
      await page.getByLabel('E-mail').fill(email);
      await page.keyboard.press('Enter');
    }
    const result = page.getByTestId('quick-log-result');
    await result.getByText(`New prospect: Call with ${name} logged.`).waitFor();
    await expect
      .poll(() => todayCount('activities').textContent(), { timeout: 15_000 })
      .toBe(String(before.values.activities + 1));
    await expect
      .poll(() => todayCount('new_prospects').textContent(), { timeout: 15_000 })
      .toBe(String(before.values.new_prospects + 1));
    await expect
      .poll(() => todayCount('calls').textContent(), { timeout: 15_000 })
      .toBe(String(before.values.calls + 1));
    const stored = await session.api<{ contacts: { name: string; nextTouch: string }[] }>(
      `/api/contacts?q=${encodeURIComponent(name)}`,
    );
    expect(stored.contacts).toEqual([expect.objectContaining({ name, nextTouch: 'follow_up' })]);

    // Second touch: the same person by search, an e-mail: "Follow-up"; the form cleared after the first.
    await expect(search.inputValue()).resolves.toBe('');
    await search.fill(name.slice(0, 12));
    const match = page.getByRole('option', { name: new RegExp(`^${name}`) });
    await match.getByText('Follow-up').waitFor();
    if (phone) {
      await match.tap();
      await page.getByText('Email', { exact: true }).tap();
      // With a next step: a meeting tomorrow at the default 09:00, stored as a scheduled activity.
      await page.getByLabel('Add a next step').tap();
      await page.getByLabel('Next step type').selectOption('meeting');
      await page.getByRole('button', { name: 'Log it' }).tap();
      const tomorrow = addDays(todayIn(before.timeZone), 1);
      await result.getByText(`Next step: Meeting on ${tomorrow}.`).waitFor();
    } else {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await search.press('Enter');
      await page.getByTestId('picked-contact').getByText('Follow-up').waitFor();
      await page.keyboard.press('e');
      await page.keyboard.press('2');
      await page.keyboard.press('Enter');
    }
    await result.getByText(`Follow-up: Email with ${name} logged.`).waitFor();
    await expect
      .poll(() => todayCount('activities').textContent(), { timeout: 15_000 })
      .toBe(String(before.values.activities + 2));
    await expect
      .poll(() => todayCount('follow_ups').textContent(), { timeout: 15_000 })
      .toBe(String(before.values.follow_ups + 1));
    const after = await session.api<Today>('/api/activities/today');
    expect(after.values.emails).toBe(before.values.emails + 1);
    expect(after.values.new_prospects).toBe(before.values.new_prospects + 1);
  }

  it('desktop: keyboard only, a new contact is a new prospect, the next touch a follow-up, Today counts both', async () => {
    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    await logTwice(rep, `Quinn Desk ${Date.now()}`, false);
    await shot(rep.page, 'quick-log');
    await rep.context.close();
  }, 180_000);

  it('phone (390x844, touch): the same flow by taps; a manager logs for themself', async () => {
    const manager = await signInAs(
      browser,
      server.baseUrl,
      LOGIN.manager,
      PASSWORD,
      { width: 390, height: 844 },
      { isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    );
    await logTwice(manager, `Robin Phone ${Date.now()}`, true);
    // Nothing wider than the phone: the page fits 390 CSS pixels.
    await expect(
      manager.page.evaluate(() => document.documentElement.scrollWidth),
    ).resolves.toBeLessThanOrEqual(390);
    await shot(manager.page, 'quick-log-phone');
    await manager.context.close();
  }, 180_000);
});

describe('exchange rates', () => {
  it('an admin adds a rate in Settings and removes it; a rep cannot write one', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    await admin.page.goto(`${server.baseUrl}/settings/exchange-rates`);
    await settled(admin.page);
    const form = admin.page.getByRole('form', { name: 'Add or replace rate' });
    await form.getByLabel('Currency').fill('chf');
    await form.getByLabel('From').fill('2026-01-01');
    await form.getByLabel('Rate').fill('1.1234');
    await form.getByRole('button', { name: 'Add or replace rate' }).click();
    const row = admin.page.getByRole('row').filter({ hasText: '1.1234' });
    await row.waitFor();
    await expect(row.getByRole('cell').first().textContent()).resolves.toBe('CHF');
    const listed = await admin.api<{ rates: { currency: string; effectiveFrom: string; rate: string }[] }>(
      '/api/exchange-rates',
    );
    expect(listed.rates).toContainEqual(
      expect.objectContaining({ currency: 'CHF', effectiveFrom: '2026-01-01', rate: '1.1234' }),
    );
    await shot(admin.page, 'settings-exchange-rates');
    await admin.page.getByRole('button', { name: 'Remove the CHF rate from 2026-01-01' }).click();
    await row.waitFor({ state: 'detached' });
    await admin.context.close();

    const rep = await signInAs(browser, server.baseUrl, LOGIN.rep, PASSWORD);
    const put = await rep.context.request.put(`${server.baseUrl}/api/exchange-rates`, {
      data: { rates: [{ currency: 'CHF', effectiveFrom: '2026-01-01', rate: '2' }] },
    });
    expect(put.status()).toBe(403);
    await rep.context.close();
  }, 120_000);
});

describe('commission statement in the reader language', () => {
  it('the print view of a statement read in Polish explains its lines in Polish with Polish numbers', async () => {
    const admin = await signInAs(browser, server.baseUrl, LOGIN.admin, PASSWORD);
    const users = await admin.api<{ items: { id: number; role: string }[] }>('/api/users');
    const reps = users.items.filter((u) => u.role === 'rep');
    const { plans } = await admin.api<{ plans: CommissionPlan[] }>('/api/commissions/plans');
    const plan =
      plans.find((p) => p.assignments.some((a) => reps.some((r) => r.id === a.userId))) ??
      (await setUpPlan(admin, reps));
    const rules = [...plan.versions].sort((a, b) => b.version - a.version)[0]!.rules;
    const { settings } = await formattersFor(admin);
    const today = todayIn(settings.timeZone);
    const period = periodKeyFor(
      rules.period === 'month' ? 'last_month' : rules.period === 'quarter' ? 'last_quarter' : 'year',
      today,
    );
    await post(admin, '/api/commissions/runs', { period });
    const { statements } = await admin.api<{ statements: StatementSummary[] }>(
      `/api/commissions/statements?period=${period}`,
    );
    // A statement with a commission line: the demo's reps close deals every month.
    let found: { detail: StatementDetail; index: number } | undefined;
    for (const s of statements) {
      const detail = await admin.api<StatementDetail>(`/api/commissions/statements/${s.id}`);
      const index = detail.lines.findIndex((l) => l.kind === 'commission' && l.reason !== undefined);
      if (index >= 0) {
        found = { detail, index };
        break;
      }
    }
    if (!found) throw new Error(`no statement of ${period} has a commission line`);
    const { detail, index } = found;

    // The same session, read by a browser whose language is Polish (the user chose none: the browser decides).
    const polish = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'pl-PL',
      storageState: await admin.context.storageState(),
    });
    const page = await polish.newPage();
    await page.goto(`${server.baseUrl}/print/commission-statement/${detail.statement.id}`);
    await page.locator('[data-print-ready="true"]').waitFor({ state: 'attached' });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pl');
    const cell = page
      .getByTestId('commission-lines')
      .locator('tbody tr')
      .nth(index)
      .locator('td[data-col="explanation"]');
    const text = (await cell.textContent())!.replace(/[\u00a0\u202f]/g, ' ');
    // The reason as Polish reads it: "5% od 1234,56 USD (próg 1: od 0% do 100% celu; realizacja celu 0% → 12,3%)".
    const line = detail.lines[index]!;
    const reason = line.reason as { rateBp: number; tier: { number: number } };
    const polishMoney = makeFormatters('pl-PL', detail.statement.currency, settings.timeZone);
    expect(text).toContain(`${polishMoney.percent(reason.rateBp / 10_000)} od `);
    expect(text).toContain(`próg ${reason.tier.number}: od `);
    expect(text).toContain('realizacja celu');
    expect(text).toContain(polishMoney.money(line.creditedMinor).replace(/[\u00a0\u202f]/g, ' '));
    expect(text).toMatch(/\d,\d\d/); // a decimal comma
    expect(text).not.toBe(line.explanation);
    await page.screenshot({ path: join(SHOTS, 'commission-statement-pl.png'), fullPage: true });
    await polish.close();
    await admin.context.close();
  }, 240_000);
});

describe('languages', () => {
  // The expected words come from the catalogues themselves, so a changed translation cannot break the test.
  const CATALOGUE: Record<Language, Catalogue> = { en, pl, ro, he };
  // The formatting locale of each language on the demo workspace (docs/localization.md: the workspace's
  // locale when it is in that language, else the language's main country).
  const formatLocale = (language: Language, workspaceLocale: string): string =>
    workspaceLocale.toLowerCase().split('-')[0] === language
      ? workspaceLocale
      : DEFAULT_REGION_LOCALE[language];

  /** Signs in through the form in a browser whose language is `locale`; the sign-in page is in `language`. */
  async function signInIn(locale: string, language: Language): Promise<SignedIn> {
    const messages = CATALOGUE[language];
    return signInAs(
      browser,
      server.baseUrl,
      LOGIN.manager,
      PASSWORD,
      undefined,
      { locale },
      {
        email: messages['signIn.email'],
        password: messages['signIn.password'],
        submit: messages['signIn.submit'],
      },
    );
  }

  /** PUT /api/auth/language as the signed-in user (null: follow the browser). */
  async function saveLanguage(session: SignedIn, language: Language | null): Promise<void> {
    const { csrfToken } = await session.api<SessionInfo>('/api/auth/me');
    const response = await session.context.request.put(`${server.baseUrl}/api/auth/language`, {
      data: { language },
      headers: { 'x-csrf-token': csrfToken ?? '' },
    });
    expect(response.status()).toBe(200);
  }

  /** Checks the manager home is in `language`: words, numbers, money, <html lang dir> and the layout's side. */
  async function checkHome(session: SignedIn, language: Language): Promise<void> {
    const { page } = session;
    const messages = CATALOGUE[language];
    await page.getByRole('heading', { name: messages['manager.title'], exact: true }).waitFor();
    await settled(page);
    const html = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      mainDirection: getComputedStyle(document.getElementById('main') as HTMLElement).direction,
    }));
    const rtl = language === 'he';
    expect(html).toEqual({ lang: language, dir: rtl ? 'rtl' : 'ltr', mainDirection: rtl ? 'rtl' : 'ltr' });
    await expect(page.getByTestId('kpis').getByRole('heading').first().textContent()).resolves.toBe(
      messages['manager.kpis'],
    );
    await expect(
      page.getByRole('navigation', { name: messages['nav.label'] }).getByRole('link').first().textContent(),
    ).resolves.toBe(messages['nav.team']);

    // The win rate and won revenue, formatted exactly as Intl does in the reader's locale.
    const settings = await session.api<Settings>('/api/settings');
    const locale = formatLocale(language, settings.locale);
    const fmt = makeFormatters(locale, settings.currency, settings.timeZone);
    const month = periodKeyFor('month', todayIn(settings.timeZone));
    const report = await session.api<MetricReport>(
      `/api/metrics?ids=win_rate,won_revenue&group=company&period=${month}&compare=previous`,
    );
    const winRate = report.rows[0]?.values.win_rate?.value;
    const won = report.rows[0]?.values.won_revenue?.value;
    expect(winRate).toBeGreaterThan(0);
    expect(won).toBeGreaterThan(0);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      winRate as number,
    );
    await expect(page.getByTestId('kpi-win_rate').textContent()).resolves.toBe(percent);
    expect(fmt.percent(winRate)).toBe(percent);
    await expect(page.getByTestId('kpi-won_revenue').textContent()).resolves.toBe(fmt.moneyWhole(won));
    // Hand-checked shapes: Polish groups thousands with a space, Romanian with a dot; both put the currency
    // after the amount and write a decimal comma in the percentage.
    const shape = { pl: /^\d{1,3}(\s\d{3})+\s\S+$/u, ro: /^\d{1,3}(\.\d{3})+\s\S+$/u }[language as 'pl'];
    if (language === 'pl' || language === 'ro') {
      expect(fmt.moneyWhole(won)).toMatch(shape);
      if (!Number.isInteger((winRate as number) * 100)) expect(percent).toContain(',');
    }

    // Hebrew mirrors the page: the brand sits at the right end of the header and the navigation starts at the
    // right (the first link, Team, in the right half); other languages start both at the left. The navigation
    // may wrap onto a second row (Romanian's longer words), so only start edges are compared.
    const navigation = page.getByRole('navigation', { name: messages['nav.label'] });
    const brand = await page.locator('.top-bar .brand').boundingBox();
    const nav = await navigation.boundingBox();
    const first = await navigation.getByRole('link').first().boundingBox();
    if (!brand || !nav || !first) throw new Error('the header has no brand or navigation box');
    const width = page.viewportSize()?.width ?? 0;
    if (rtl) {
      expect(brand.x + brand.width).toBeGreaterThan(width - 40);
      expect(brand.x + brand.width).toBeGreaterThanOrEqual(nav.x + nav.width);
      expect(first.x).toBeGreaterThan(width / 2);
    } else {
      expect(brand.x).toBeLessThan(40);
      expect(brand.x).toBeLessThanOrEqual(nav.x);
      expect(first.x + first.width).toBeLessThan(width / 2);
    }
    // No English fallback on the page: a heading, column, label, link or button whose text is an English
    // message that this language translates differently means a key is missing or a string bypasses t().
    if (language !== 'en') {
      const untranslated = new Set(
        Object.entries(en)
          .filter(([key, text]) => messages[key as keyof Catalogue] !== text && !/[{}]/.test(text))
          .map(([, text]) => text),
      );
      const texts = await page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, th, label, nav a, button, option, .kpi-label, .pill')].map(
          (e) => (e.textContent ?? '').trim(),
        ),
      );
      expect(texts.filter((text) => untranslated.has(text))).toEqual([]);
    }
    // The built-in metrics' names come from the catalogue, not the API's English definitions.
    await expect(page.locator('[data-metric="win_rate"] .kpi-label').textContent()).resolves.toBe(
      messages['metricLabel.win_rate'],
    );
    await expect(page.locator('[data-metric="won_revenue"] .kpi-label').textContent()).resolves.toBe(
      messages['metricLabel.won_revenue'],
    );
    // So do their descriptions, the KPI tile's hover text.
    await expect(page.locator('[data-metric="win_rate"]').getAttribute('title')).resolves.toBe(
      messages['metricDescription.win_rate'],
    );
    // The forecast's scope is the company, named in the reader's language (the API says 'Company'); the period
    // key is isolated so that Hebrew does not reorder it into "Q4-2026".
    const quarter = periodKeyFor('quarter', todayIn(settings.timeZone));
    const scopeLine = messages['forecast.period']
      .replace('{scope}', messages['forecast.scopeCompany'])
      .replace('{key}', isolate(quarter));
    await expect(page.getByTestId('forecast').textContent()).resolves.toContain(scopeLine);
    // Charts keep left-to-right axes (numbers grow to the right) even on a right-to-left page.
    await expect(
      page
        .getByTestId('funnel')
        .locator('.chart')
        .first()
        .evaluate((e) => getComputedStyle(e).direction),
    ).resolves.toBe('ltr');
    // The KPI label text follows the page's direction too (text-align: start).
    await expect(
      page
        .getByTestId('kpis')
        .locator('.kpi-label')
        .first()
        .evaluate((e) => getComputedStyle(e).direction),
    ).resolves.toBe(rtl ? 'rtl' : 'ltr');
  }

  for (const [language, locale] of [
    ['en', 'en-US'],
    ['pl', 'pl-PL'],
    ['ro', 'ro-RO'],
    ['he', 'he-IL'],
  ] as const) {
    it(`manager home in the browser's language: ${locale}`, async () => {
      const session = await signInIn(locale, language);
      await checkHome(session, language);
      await shot(session.page, `manager-home-${language}`);
      await session.context.close();
    }, 120_000);
  }

  it('explore names every metric in the reader language: selector and table headers', async () => {
    const session = await signInIn('pl-PL', 'pl');
    try {
      const { page } = session;
      await page.getByRole('link', { name: pl['nav.explore'] }).click();
      await page.getByRole('heading', { name: pl['explore.title'], exact: true }).waitFor();
      await settled(page);
      // Every built-in metric is offered under its Polish name (the API sends English).
      const { metrics: definitions } = await session.api<{ metrics: { id: string }[] }>(
        '/api/metrics/definitions',
      );
      const options = await page
        .getByLabel(pl['explore.metrics'])
        .locator('option')
        .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o.textContent ?? '').trim()]));
      const catalogue: Record<string, string> = pl;
      expect(options).toEqual(definitions.map((d) => [d.id, catalogue[`metricLabel.${d.id}`]]));
      // The default choice (calls, meetings held, win rate) heads the table's columns in Polish.
      const table = page.getByTestId('explore-table');
      await table.waitFor();
      const headers = await table.locator('thead th').allTextContents();
      expect(headers.slice(-3)).toEqual([
        pl['metricLabel.calls'],
        pl['metricLabel.meetings_held'],
        pl['metricLabel.win_rate'],
      ]);
    } finally {
      await session.context.close();
    }
  }, 120_000);

  it("the user's saved language overrides the browser's, and the menu switches and keeps it", async () => {
    // A Hebrew browser, but the user saved Romanian.
    const session = await signInIn('he-IL', 'he');
    try {
      await saveLanguage(session, 'ro');
      await session.page.reload();
      await checkHome(session, 'ro');

      // The language menu: Polski switches the page at once, and a reload keeps it (users.language).
      await session.page.getByLabel(ro['nav.language']).selectOption('pl');
      await checkHome(session, 'pl');
      await expect(session.api<SessionInfo>('/api/auth/me')).resolves.toMatchObject({
        user: { language: 'pl' },
      });
      await session.page.reload();
      await checkHome(session, 'pl');

      // "The browser's language" goes back to Hebrew.
      await session.page.getByLabel(pl['nav.language']).selectOption('');
      await checkHome(session, 'he');
    } finally {
      // Other tests share the demo manager: leave no saved language behind.
      await saveLanguage(session, null);
      await session.context.close();
    }
  }, 180_000);
});

// Last: the walk reads the demo as the tests above leave it (e2e/language-walk.ts).
describeLanguageWalk(() => ({
  server,
  browser,
  logins: { admin: LOGIN.admin, rep: LOGIN.rep },
  password: PASSWORD,
}));
