import { beforeAll, expect, it } from 'vitest';
import { COMPANY_SCOPE } from '../../src/domain/access/scope.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { parsePeriod } from '../../src/domain/calendar/period.ts';
import { computeScope } from '../../src/domain/forecast/compute.ts';
import { forecastReport } from '../../src/store/queries/forecast/forecast-report.ts';
import { loadForecastInputs } from '../../src/store/queries/forecast/load-inputs.ts';
import { openDealsAt } from '../../src/store/queries/forecast/open-deals-at.ts';
import {
  stageDurationsBeforeMany,
  stageOutcomesBefore,
} from '../../src/store/queries/forecast/stage-outcomes.ts';
import { setProbabilitySource } from '../../src/store/queries/pipelines/probability-sources.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { addDeal, changeDeal, seedForecastWorld, type ForecastFixture } from './fixture.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

// The forecast fixture (five deals won from Trial by r1 before October, D won from Trial on 2026-10-15, open A in
// Demo and B in Trial) plus one deal r2 lost from Demo on 2026-09-01.
describeStores('learned stage probabilities', (ctx) => {
  let f: ForecastFixture;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    f = await seedForecastWorld(ctx.db);
    const lost = await addDeal(ctx.db, {
      owner: f.r2.id,
      pipelineId: f.pipelineId,
      stageId: f.stages.Demo,
      amount: 5_000,
      created: '2026-08-01T12:00:00Z',
      close: '2026-09-01',
    });
    await changeDeal(ctx.db, lost, '2026-09-01T12:00:00Z', { stageId: f.stages.Lost, status: 'lost' });
  });

  it('counts the deals that were in each stage and closed before the as-of instant, won or not', async () => {
    const key = (o: { stageId: number; ownerKey: string }) => `${o.stageId}:${o.ownerKey}`;
    const before = await stageOutcomesBefore(ctx.db, new Date('2026-10-01T00:00:00Z'));
    expect(new Map(before.map((o) => [key(o), [o.closed, o.won]]))).toEqual(
      new Map([
        [`${f.stages.Trial}:rep:${f.r1.id}`, [5, 5]],
        [`${f.stages.Demo}:rep:${f.r2.id}`, [1, 0]],
      ]),
    );
    // The lost deal sat in Demo from its creation on 1 August until it was lost on 1 September: 31 days, none won.
    expect(before.find((o) => o.stageId === f.stages.Demo)).toMatchObject({ closedDays: 31, wonDays: 0 });
    // D's win on 2026-10-15 is known by NOW, not on 2026-10-01.
    const now = await stageOutcomesBefore(ctx.db, NOW);
    expect(now.find((o) => o.stageId === f.stages.Trial)).toMatchObject({ closed: 6, won: 6 });
  });

  it('reads the stays in each stage, still-open ones censored, and when each open deal entered its stage', async () => {
    const [now] = await stageDurationsBeforeMany(ctx.db, [NOW]);
    const of = (stageId: number) =>
      (now ?? []).filter((b) => b.stageId === stageId).map((b) => [b.day, b.kind, b.n]);
    // Demo: the lost deal's 31 days (1 Aug - 1 Sep), and A, in Demo since 20 Oct: 34 days so far on 23 Nov.
    expect(of(f.stages.Demo)).toEqual([
      [31, 'ended', 1],
      [34, 'open', 1],
    ]);
    // Trial: the six wins' stays (their whole cycles) and B, in Trial since 5 Oct: 49 days so far.
    expect(of(f.stages.Trial)).toEqual([
      [49, 'open', 1],
      [75, 'won', 1],
      [100, 'won', 1],
      [110, 'won', 1],
      [120, 'won', 1],
      [130, 'won', 1],
      [140, 'won', 1],
    ]);
    // On 1 October D (won 15 October) was still in Trial, 60 days in; A was still in Discovery.
    const [before] = await stageDurationsBeforeMany(ctx.db, [new Date('2026-10-01T00:00:00Z')]);
    expect((before ?? []).filter((b) => b.stageId === f.stages.Trial && b.kind === 'open')).toEqual([
      expect.objectContaining({ day: 60, n: 1 }),
    ]);
    const open = await openDealsAt(ctx.db, new Date('2026-10-25T00:00:00Z'), NOW, 'UTC');
    expect(open.find((d) => d.id === f.deals.A)?.stageEnteredDate).toBe('2026-10-20');
    const earlier = await openDealsAt(ctx.db, new Date('2026-10-01T00:00:00Z'), NOW, 'UTC');
    expect(earlier.find((d) => d.id === f.deals.A)?.stageEnteredDate).toBe('2026-09-22');
  });

  it('uses the shrunk rates in the pipeline methods and shows configured vs observed (hand-computed)', async () => {
    // Demo: 0 won of 1 closed, toward 40%: (0 + 20 x 0.4) / 21 = 8/21. Trial: 6 of 6 toward 60%: 18/26.
    // Neither A's owner (r1) nor B's (r2) has closed a deal from their deal's stage, so the company rates apply:
    // A 100 000 x 8/21 + B 50 000 x 18/26 = 72 710.62 -> 72 711, plus D's 30 000 won in the quarter: the eventual
    // rates (timing off). Counting only wins before the quarter ends (the default): the six Trial wins sat in Trial
    // their whole cycle (100, 110, 120, 130, 140 and 75 days, 675 deal-days); with 39 days left (23 Nov to 1 Jan)
    // 39 days of each lie within 39 days of the win: 234 / 675, shrunk (6 x 234/675 + 20) / 26 = 0.84923. Demo has
    // no win to time (factor 1). A 38 095.24 + B 50 000 x 18/26 x 0.84923 = 29 396.45 -> 67 492, plus 30 000.
    const inputs = await loadForecastInputs(ctx.db, {
      period: parsePeriod('2026-Q4', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
      asOf: NOW,
      now: NOW,
      timeZone: 'UTC',
    });
    const opts = {
      seed: 1,
      iterations: 100,
      methods: ['stage_weighted'] as const,
      newPipeline: false,
      timing: false,
    };
    expect(computeScope(inputs, COMPANY_SCOPE, { ...opts, probabilities: 'learned' })[0]?.value).toBe(
      102_711,
    );
    expect(
      computeScope(inputs, COMPANY_SCOPE, { ...opts, probabilities: 'learned', timing: true })[0]?.value,
    ).toBe(97_492);
    // Configured: A 40% + B 60% = 70 000, plus D.
    expect(computeScope(inputs, COMPANY_SCOPE, opts)[0]?.value).toBe(100_000);
    // Without an override each pipeline's setting decides: the fixture's pipeline is set to configured; switched
    // to learned, the same request uses the learned rates.
    await setProbabilitySource(ctx.db, f.pipelineId, 'learned');
    const learnedInputs = await loadForecastInputs(ctx.db, {
      period: parsePeriod('2026-Q4', { fiscalYearStartMonth: 1, weekStartDay: 1 }),
      asOf: NOW,
      now: NOW,
      timeZone: 'UTC',
    });
    expect(computeScope(learnedInputs, COMPANY_SCOPE, opts)[0]?.value).toBe(102_711);
    expect(
      computeScope(learnedInputs, COMPANY_SCOPE, { ...opts, probabilities: 'configured' })[0]?.value,
    ).toBe(100_000);
    await setProbabilitySource(ctx.db, f.pipelineId, 'configured');

    const report = await forecastReport(ctx.db, SYSTEM_VIEWER, {
      periodKey: '2026-Q4',
      scope: { type: 'company' },
      now: NOW,
      seed: 1,
      iterations: 100,
      withTrackRecord: false,
      probabilities: 'learned',
    });
    expect(report.probabilities).toBe('learned');
    const demo = report.calibration.find((c) => c.stageId === f.stages.Demo);
    expect(demo).toMatchObject({
      stageName: 'Demo',
      configured: 0.4,
      observed: 0,
      closed: 1,
      source: 'learned',
    });
    expect(demo?.learned).toBeCloseTo(8 / 21, 12);
    const trial = report.calibration.find((c) => c.stageId === f.stages.Trial);
    expect(trial).toMatchObject({ configured: 0.6, observed: 1, closed: 6 });
    expect(report.calibration.map((c) => c.stageName)).not.toContain('Won');
  });
});
