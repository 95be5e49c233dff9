import { beforeAll, expect, it } from 'vitest';
import { COMPANY_SCOPE } from '../../src/domain/access/scope.ts';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import { parsePeriod } from '../../src/domain/calendar/period.ts';
import { computeScope } from '../../src/domain/forecast/compute.ts';
import { forecastSnapshotJob } from '../../src/jobs/definitions/forecast-snapshot.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import { pipelineAtDate } from '../../src/store/queries/pipeline-at-date.ts';
import { runBacktest } from '../../src/store/queries/forecast/backtest.ts';
import { slipHistogramBefore } from '../../src/store/queries/forecast/close-slippage.ts';
import { cycleStatsBefore } from '../../src/store/queries/forecast/cycle-stats.ts';
import { recordCall } from '../../src/store/queries/forecast/forecast-calls.ts';
import { forecastReport } from '../../src/store/queries/forecast/forecast-report.ts';
import { loadForecastInputs } from '../../src/store/queries/forecast/load-inputs.ts';
import { resolveScope } from '../../src/store/queries/forecast/resolve-scope.ts';
import { listSnapshots, snapshotLines, takeSnapshot } from '../../src/store/queries/forecast/snapshots.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { addDeal, changeDeal, seedForecastWorld, type ForecastFixture } from './fixture.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const value = (r: { methods: Array<{ method: string; value: number }> }, m: string) =>
  r.methods.find((x) => x.method === m)?.value;

describeStores('forecast store', (ctx) => {
  let f: ForecastFixture;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    f = await seedForecastWorld(ctx.db);
  });

  it('measures cycle lengths and close slippage from wins before the as-of instant only', async () => {
    const now = await cycleStatsBefore(ctx.db, NOW);
    // Cycles 75, 100, 110, 120, 130, 140: median 115, P90 130 + 0.5 x 10 = 135.
    expect(now.get(`${f.pipelineId}:new_business`)).toEqual({ medianDays: 115, p90Days: 135, samples: 6 });
    const before = await cycleStatsBefore(ctx.db, new Date('2026-10-01T00:00:00Z'));
    expect(before.get(`${f.pipelineId}:new_business`)).toEqual({ medianDays: 120, p90Days: 136, samples: 5 });
    expect(await slipHistogramBefore(ctx.db, NOW, 'UTC')).toEqual({
      days: [0, 5, 10, 30],
      counts: [2, 2, 1, 1],
    });
  });

  it('forecasts 2026-Q4 with every method on hand-computed numbers', async () => {
    const r = await forecastReport(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-Q4',
      scope: { type: 'company' },
      now: NOW,
      seed: 7,
      iterations: 1000,
      withTrackRecord: false,
    });
    // Won to date 30,000 (D) + A 100,000 x 40% + B 50,000 x 60%; C closes in 2027.
    expect(value(r, 'stage_weighted')).toBe(100_000);
    // Nobody called: r1's commit roll-up = 30,000 won + A's forecast amount 90,000.
    expect(value(r, 'judgement')).toBe(120_000);
    // 30,000 won in the 90-day look-back = 333.33/day x 39 days left = 13,000; trend 30,000 vs 50,000 = -40%.
    expect(value(r, 'run_rate')).toBe(37_800);
    // A is 62 days old, B 49, against a 115-day median cycle; half stage, half age.
    const cycle = 100_000 * (0.5 * 0.4 + (0.5 * 62) / 115) + 50_000 * (0.5 * 0.6 + (0.5 * 49) / 115);
    expect(value(r, 'cycle_age')).toBe(30_000 + Math.round(cycle));
    expect(r.range).not.toBeNull();
    const again = await forecastReport(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-Q4',
      scope: { type: 'company' },
      now: NOW,
      seed: 7,
      iterations: 1000,
      withTrackRecord: false,
    });
    expect(again.range).toEqual(r.range);
    expect(r.range?.p10).toBeGreaterThanOrEqual(30_000);
    expect(r.range?.p90).toBeLessThanOrEqual(180_000);
    expect(r.deals.map((d) => d.name)).toEqual(['Acme', 'Beta']);
  });

  it('narrows to a team and a rep, and keeps other reps out of a rep viewer', async () => {
    const team = await forecastReport(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-Q4',
      scope: { type: 'team', id: f.teamId },
      now: NOW,
      seed: 1,
      iterations: 200,
      methods: ['stage_weighted'],
      withTrackRecord: false,
    });
    expect(value(team, 'stage_weighted')).toBe(100_000);
    const rep: Viewer = { userId: f.r1.id, role: 'rep', visibleUserIds: [f.r1.id] };
    await expect(resolveScope(ctx.db, rep, { type: 'rep', id: f.r2.id })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(resolveScope(ctx.db, rep, { type: 'team', id: f.teamId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const company = await forecastReport(ctx.db, rep, {
      periodKey: '2026-Q4',
      scope: { type: 'company' },
      now: NOW,
      seed: 1,
      iterations: 200,
      methods: ['stage_weighted'],
      withTrackRecord: false,
    });
    // Company aggregates are visible to all; deal lines only the rep's own.
    expect(value(company, 'stage_weighted')).toBe(100_000);
    expect(company.deals.map((d) => d.name)).toEqual(['Acme']);
  });

  it('uses calls and overrides known at the as-of instant, keeping who and when', async () => {
    await recordCall(
      ctx.db,
      { userId: f.r2.id, role: 'rep', visibleUserIds: [f.r2.id] },
      {
        periodKey: '2026-Q4',
        scope: { type: 'rep', id: f.r2.id },
        kind: 'call',
        amount: 25_000,
        currency: 'USD',
        note: null,
        at: new Date('2026-11-20T09:00:00Z'),
      },
    );
    await recordCall(
      ctx.db,
      { userId: f.admin.id, role: 'admin', visibleUserIds: null },
      {
        periodKey: '2026-Q4',
        scope: { type: 'company' },
        kind: 'override',
        amount: 200_000,
        currency: 'USD',
        note: 'board number',
        at: new Date('2026-11-22T09:00:00Z'),
      },
    );
    const at = (iso: string) =>
      forecastReport(ctx.db, SYSTEM_VIEWER, {
        periodKey: '2026-Q4',
        scope: { type: 'company' },
        now: new Date(iso),
        seed: 1,
        iterations: 10,
        methods: ['judgement'],
        withTrackRecord: false,
      });
    // Before the override: r1's roll-up 120,000 + r2's call 25,000.
    expect(value(await at('2026-11-21T00:00:00Z'), 'judgement')).toBe(145_000);
    const later = await at('2026-11-23T00:00:00Z');
    expect(value(later, 'judgement')).toBe(200_000);
    expect(later.methods[0]?.breakdown).toMatchObject({ source: 'override', overrideBy: f.admin.id });
  });

  it('backtests past months from the rebuilt pipeline without looking ahead', async () => {
    const bt = await runBacktest(ctx.db, SYSTEM_VIEWER, {
      grain: 'month',
      periods: 2,
      weekly: false,
      now: NOW,
      seed: 1,
      iterations: 200,
    });
    expect(bt.periods.map((p) => [p.key, p.actual])).toEqual([
      ['2026-09', 0],
      ['2026-10', 30_000],
    ]);
    const oct = bt.periods[1];
    // On 1 October D was open in Trial (60%) closing 2026-10-15: 30,000 x 60%; A was expected in November.
    expect(oct?.atStart.stage_weighted).toBe(18_000);
    // Look-back 2026-07-03..10-01 won 20,000 (prior 90 days: 30,000): 20,000 / 90 x 31 x (1 - 1/3).
    expect(oct?.atStart.run_rate).toBe(4_593);
    const company = bt.scopes.find((s) => s.scopeKey === 'company');
    const sw = company?.methods.find((m) => m.method === 'stage_weighted');
    expect(sw?.atStart).toMatchObject({ n: 1, skipped: 1 });
    expect(sw?.atStart.mape).toBeCloseTo(0.4, 10);
    expect(sw?.atStart.bias).toBeCloseTo(-0.4, 10);
    expect(bt.scopes.map((s) => s.scopeKey)).toContain(`rep:${f.r1.id}`);
  });

  it('reports the error at week 2 and mid-period beside the start in a weekly backtest', async () => {
    const bt = await runBacktest(ctx.db, SYSTEM_VIEWER, {
      grain: 'month',
      periods: 2,
      weekly: true,
      now: NOW,
      seed: 1,
      iterations: 200,
      scopes: [await resolveScope(ctx.db, SYSTEM_VIEWER, { type: 'company' })],
    });
    // Checkpoints on days 1, 8, 15, 22 and 29 of September and October; week 2 is the 8th, mid-month the 15th
    // (the last weekly checkpoint at or before day 15.5). September won nothing, so only October is scored.
    expect(bt.checkpoints).toBe(10);
    const sw = bt.scopes[0]?.methods.find((m) => m.method === 'stage_weighted');
    expect(sw?.atWeek2).toMatchObject({ n: 1, skipped: 1 });
    expect(sw?.atMid).toMatchObject({ n: 1, skipped: 1 });
    expect(sw?.allCheckpoints).toMatchObject({ n: 5, skipped: 5 });
    // On 8 and 15 October D (30,000, Trial 60%) is still open and expected by the 15th: 18,000 against 30,000.
    expect(sw?.atWeek2.mape).toBeCloseTo(0.4, 10);
    expect(sw?.atMid.mape).toBeCloseTo(0.4, 10);
  });
  it('takes the weekly snapshot of the month and quarter once per Monday 06:00 slot', async () => {
    // 12:00 on Monday 2026-11-23: the slot is 06:00 the same day (UTC workspace), six hours late, so rebuilt.
    const first = await runJobOnce(ctx.db, forecastSnapshotJob, NOW);
    expect(first).toMatchObject({ ran: true, summary: expect.stringContaining('2026-11') });
    const again = await runJobOnce(ctx.db, forecastSnapshotJob, new Date('2026-11-23T12:15:00Z'));
    expect(again).toMatchObject({ ran: true, summary: 'no snapshot due' });
    const rows = await ctx.db
      .selectFrom('forecast_snapshots')
      .select(['period_key', 'as_of', 'trigger'])
      .orderBy('period_key')
      .execute();
    expect(rows.map((r) => [r.period_key, r.as_of.toISOString(), r.trigger])).toEqual([
      ['2026-11', '2026-11-23T06:00:00.000Z', 'schedule'],
      ['2026-Q4', '2026-11-23T06:00:00.000Z', 'schedule'],
    ]);
  });

  it('stores a snapshot at D that equals the pipeline rebuilt at D after later changes', async () => {
    await truncateAll(ctx.db);
    const f = await seedForecastWorld(ctx.db);
    const D = new Date('2026-11-01T00:00:00Z');
    const snap = await takeSnapshot(ctx.db, {
      periodKey: '2026-Q4',
      asOf: D,
      now: D,
      trigger: 'schedule',
      takenBy: null,
      seed: 3,
      iterations: 200,
    });
    expect(snap).toMatchObject({ periodKey: '2026-Q4', lines: 3 });
    // The same scheduled slot again is skipped.
    expect(
      await takeSnapshot(ctx.db, {
        periodKey: '2026-Q4',
        asOf: D,
        now: D,
        trigger: 'schedule',
        takenBy: null,
        seed: 3,
        iterations: 200,
      }),
    ).toBeNull();

    // Later: A moves to Trial at 120,000, B is won, a new deal E appears.
    await changeDeal(ctx.db, f.deals.A, '2026-11-10T10:00:00Z', { stageId: f.stages.Trial, amount: 120_000 });
    await changeDeal(ctx.db, f.deals.B, '2026-11-15T10:00:00Z', { stageId: f.stages.Won, status: 'won' });
    await addDeal(ctx.db, {
      owner: f.r3.id,
      pipelineId: f.pipelineId,
      stageId: f.stages.Qualified,
      amount: 7_000,
      created: '2026-11-12T10:00:00Z',
      close: '2026-12-01',
    });

    const rebuilt = await pipelineAtDate(ctx.db, SYSTEM_VIEWER, D);
    const lines = await snapshotLines(ctx.db, SYSTEM_VIEWER, snap?.id as number);
    const fromSnapshot = lines.map((l) => ({
      id: l.opportunity_id,
      owner: l.owner_id,
      stage: l.stage_id,
      amount: l.amount_minor,
      probability: Number(l.probability_pct),
      close: l.expected_close_date,
      category: l.forecast_category,
    }));
    const fromHistory = rebuilt
      .map((p) => ({
        id: p.opportunityId,
        owner: p.ownerId,
        stage: p.stageId,
        amount: p.amountMinor,
        probability: p.probabilityPct,
        close: p.expectedCloseDate,
        category: p.forecastCategory,
      }))
      .sort((a, b) => a.id - b.id);
    expect(fromSnapshot).toEqual(fromHistory);
    expect(fromSnapshot.map((l) => [l.id, l.stage, l.amount])).toEqual([
      [f.deals.A, f.stages.Demo, 100_000],
      [f.deals.B, f.stages.Trial, 50_000],
      [f.deals.C, f.stages.Discovery, 20_000],
    ]);

    // And the stage-weighted number recomputed from the rebuilt pipeline matches the stored one.
    const period = parsePeriod('2026-Q4', { fiscalYearStartMonth: 1, weekStartDay: 1 });
    const inputs = await loadForecastInputs(ctx.db, { period, asOf: D, now: new Date(), timeZone: 'UTC' });
    const [recomputed] = computeScope(inputs, COMPANY_SCOPE, {
      seed: 3,
      iterations: 10,
      methods: ['stage_weighted'],
    });
    const stored = await listSnapshots(ctx.db, '2026-Q4', { type: 'company' });
    expect(stored).toHaveLength(1);
    const storedSw = stored[0]?.values.find((v) => v.method === 'stage_weighted');
    // 30,000 won (D) + A 40,000 + B 30,000.
    expect(storedSw?.value).toBe(100_000);
    expect(recomputed?.value).toBe(storedSw?.value);
  });
});
