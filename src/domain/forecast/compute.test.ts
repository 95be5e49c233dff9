import { describe, expect, it } from 'vitest';
import { COMPANY_SCOPE, ownersScope } from '../access/scope.ts';
import type { BusinessCalendar } from '../calendar/business-time.ts';
import { addDays, isoWeekday } from '../calendar/local-date.ts';
import { computeScope } from './compute.ts';
import type { CreatedDeal } from './new-pipeline.ts';
import type { ForecastInputs } from './inputs.ts';
import { deal } from './test-deal.ts';

const weekdays: BusinessCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: new Set(),
};

// Q4 forecast made on its first day; 92 days ahead, 90-day look-back.
const inputs: ForecastInputs = {
  window: { start: '2026-10-01', end: '2027-01-01', asOfDate: '2026-10-01' },
  deals: [
    deal({ id: 1, ownerId: 1, amount: 10_000, probability: 0.5, expectedCloseDate: '2026-11-01' }),
    deal({ id: 2, ownerId: 2, amount: 20_000, probability: 0.25, expectedCloseDate: '2026-12-01' }),
  ],
  wonToDateByOwner: new Map(),
  lookbackDays: 90,
  lookbackWonByOwner: new Map([
    ['rep:1', { amount: 90_000, count: 9 }],
    ['rep:2', { amount: 45_000, count: 3 }],
  ]),
  priorWonByOwner: new Map([
    ['rep:1', 90_000],
    ['rep:2', 45_000],
  ]),
  userIds: [1, 2, 3],
  reps: [
    { id: 1, hireDate: null, rampMonths: 0 },
    { id: 2, hireDate: '2025-01-01', rampMonths: 3 },
    // Hired 30 days ago: not in the look-back's wins yet, and (no ramp) at full output.
    { id: 3, hireDate: '2026-09-01', rampMonths: 0 },
  ],
  cycleStats: new Map(),
  slips: { days: [], counts: [] },
  calls: new Map(),
  created: { deals: [], firstDate: '2026-01-01', calendar: weekdays },
  stageOutcomes: [],
};

const company = COMPANY_SCOPE;
const rep = (id: number) => ownersScope({ type: 'rep', id }, [id]);
const valueOf = (results: ReturnType<typeof computeScope>, method: string) =>
  results.find((r) => r.method === method)?.value;

describe('computeScope', () => {
  it('adds new reps to the run-rate at the output of a tenured rep', () => {
    // Base 135,000 / 90 x 92 = 138,000, flat trend. Tenured reps won 12 deals (6 each) in 90 days, so 6 x 92/90
    // deals a period at 11,250 average: the new rep adds 69,000.
    const r = computeScope(inputs, company, { seed: 1, iterations: 10 });
    expect(valueOf(r, 'run_rate')).toBe(207_000);
    const newRep = computeScope(inputs, rep(3), { seed: 1, iterations: 10 });
    expect(valueOf(newRep, 'run_rate')).toBe(69_000);
  });

  it('narrows every method to the owners of the scope', () => {
    const r = computeScope(inputs, company, { seed: 1, iterations: 10, methods: ['stage_weighted'] });
    expect(r.map((x) => [x.method, x.value])).toEqual([['stage_weighted', 10_000]]);
    const rep2 = computeScope(inputs, rep(2), {
      seed: 1,
      iterations: 10,
      methods: ['stage_weighted', 'cycle_age'],
    });
    // No cycle history: cycle-age falls back to the stage probability.
    expect(rep2.map((x) => x.value)).toEqual([5_000, 5_000]);
  });

  it('adds the pipeline yet to be created to the pipeline methods, as its own line, per scope', () => {
    // Rep 1 created one deal every weekday since April and won each the day it was created, for 1 000: 1 deal a
    // business day, all won within any horizon, 1 000 each. Q4 2026 has 66 weekdays (22 + 21 + 23), so rep 1 is
    // expected to create and win 66 deals = 66 000 on top of the open pipeline; rep 2 created nothing.
    const created: CreatedDeal[] = [];
    for (let d = '2026-04-01'; d < '2026-10-01'; d = addDays(d, 1)) {
      if (isoWeekday(d) <= 5) created.push({ ownerKey: 'rep:1', createdDate: d, wonDate: d, amount: 1_000 });
    }
    const withHistory = { ...inputs, created: { ...inputs.created, deals: created } };
    const methods = ['stage_weighted', 'judgement', 'cycle_age', 'monte_carlo'] as const;
    const r = computeScope(withHistory, company, { seed: 1, iterations: 200, methods });
    const sw = r.find((x) => x.method === 'stage_weighted');
    expect(sw).toMatchObject({ value: 76_000, inPipeline: 10_000, toBeCreated: 66_000 });
    expect(r.find((x) => x.method === 'cycle_age')).toMatchObject({
      inPipeline: 10_000,
      toBeCreated: 66_000,
    });
    // A call is the rep's own number: judgement adds nothing unless asked to.
    expect(r.find((x) => x.method === 'judgement')).toMatchObject({ toBeCreated: null });
    const judged = computeScope(withHistory, company, {
      seed: 1,
      iterations: 10,
      methods: ['judgement'],
      judgementNewPipeline: true,
    });
    expect(judged[0]?.toBeCreated).toBe(66_000);
    // Monte Carlo draws the count (Poisson, mean 66): its median lands near 66 000 + the open deals' median.
    const mc = r.find((x) => x.method === 'monte_carlo');
    expect(mc?.toBeCreated).toBeGreaterThan(58_000);
    expect(mc?.toBeCreated).toBeLessThan(74_000);
    const rep2 = computeScope(withHistory, rep(2), { seed: 1, iterations: 10, methods: ['stage_weighted'] });
    expect(rep2[0]).toMatchObject({ value: 5_000, toBeCreated: 0 });
    const off = computeScope(withHistory, company, {
      seed: 1,
      iterations: 10,
      methods: ['stage_weighted'],
      newPipeline: false,
    });
    expect(off[0]).toMatchObject({ value: 10_000, toBeCreated: null });
  });

  it('uses the planned growth instead of the trend, and last year’s season when a comparable year exists', () => {
    // Planned +5%: base 138,000 (135,000 / 90 x 92) x 1.05 = 144,900 for reps 1-2 (rep:1 and rep:2 only, so the
    // new rep 3 adds nothing here).
    const tenured = ownersScope({ type: 'team', id: 1 }, [1, 2]);
    const run = (i: ForecastInputs) =>
      computeScope(i, tenured, { seed: 1, iterations: 10, methods: ['run_rate'] })[0];
    expect(run({ ...inputs, plannedGrowthPct: 5 })).toMatchObject({
      value: 144_900,
      breakdown: { growthSource: 'planned', growthRate: 0.05 },
    });
    // Last year the 92 days ahead won 92,000 (1,000 a day) against 45,000 in the 90-day look-back (500 a day):
    // season 2. Base 138,000 x 2 = 276,000, no trend on top (the season carries last year's growth).
    const lastYearWon = {
      remainingByOwner: new Map([['rep:1', { amount: 92_000, count: 10 }]]),
      lookbackByOwner: new Map([['rep:1', { amount: 45_000, count: 6 }]]),
    };
    const seasonal = { ...inputs, lastYearWon, created: { ...inputs.created, firstDate: '2025-01-01' } };
    expect(run(seasonal)).toMatchObject({
      value: 276_000,
      breakdown: { seasonFactor: 2, growthSource: 'season', growthRate: 0 },
    });
    // Last year's look-back (from 2025-07-04) must start one look-back after the first recorded deal: with data
    // only from 2025-06-01 last year's wins are incomplete, so no season and the trailing trend (flat) stands.
    const young = { ...seasonal, created: { ...inputs.created, firstDate: '2025-06-01' } };
    expect(run(young)).toMatchObject({
      value: 138_000,
      breakdown: { seasonFactor: null, growthSource: 'trend' },
    });
  });
});

describe('learned probabilities by age in the stage', () => {
  it("multiplies each deal's learned rate by its stage-age factor (hand-computed)", () => {
    // Stage 1: 20 closed deals, 10 won, every deal 10 days in the stage: learned (10 + 20 × 0.5) / 40 = 0.5 for
    // the company and for rep 1 (shrunk toward it). Stays: 20 won within their first day, 20 lost after 2 days:
    // factor 4/3 at age 0 and 2/3 from age 2 (stage-age.test.ts). Deal 1 entered on the as-of day, deal 2 two
    // days before it, deal 3 has no recorded entry and counts from its creation, 30 days before: 10,000 each.
    // Eventual rates (timing off): 10,000 × 0.5 × (4/3 + 2/3 + 2/3) = 13,333.
    const aged: ForecastInputs = {
      ...inputs,
      deals: [
        deal({ id: 1, stageEnteredDate: '2026-10-01' }),
        deal({ id: 2, stageEnteredDate: '2026-09-29' }),
        deal({ id: 3, stageEnteredDate: null, createdDate: '2026-09-01' }),
      ],
      stageOutcomes: [
        { pipelineId: 1, stageId: 1, ownerKey: 'rep:1', closed: 20, won: 10, closedDays: 200, wonDays: 100 },
      ],
      stageDurations: [
        { pipelineId: 1, stageId: 1, day: 0, kind: 'won', n: 20 },
        { pipelineId: 1, stageId: 1, day: 2, kind: 'ended', n: 20 },
      ],
    };
    const opts = { seed: 1, iterations: 10, methods: ['stage_weighted'] as const, newPipeline: false };
    const learned = { ...opts, probabilities: 'learned' as const, timing: false };
    expect(valueOf(computeScope(aged, company, learned), 'stage_weighted')).toBe(13_333);
    // Without stays the factor is 1: 3 × 5,000.
    expect(valueOf(computeScope({ ...aged, stageDurations: [] }, company, learned), 'stage_weighted')).toBe(
      15_000,
    );
    // Configured probabilities are used as set (50% each).
    expect(valueOf(computeScope(aged, company, opts), 'stage_weighted')).toBe(15_000);
  });
});
