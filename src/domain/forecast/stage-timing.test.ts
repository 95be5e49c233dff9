import { describe, expect, it } from 'vitest';
import { COMPANY_SCOPE } from '../access/scope.ts';
import { computeScope } from './compute.ts';
import type { ForecastInputs } from './inputs.ts';
import { StageTimings, timingFactor, wonWithin, type StageWinTiming } from './stage-timing.ts';
import { deal } from './test-deal.ts';

// 20 won deals, each in the stage from 30 to 10 days before its win: 20 days each, 400 deal-days.
const stage: StageWinTiming = {
  pipelineId: 1,
  stageId: 1,
  wonDeals: 20,
  wonDays: 400,
  endGaps: [{ day: 10, count: 20, sum: 200 }],
  startGaps: [{ day: 30, count: 20, sum: 600 }],
};

describe('stage win timing', () => {
  it('counts the won deal-days whose win came within k days (hand-computed)', () => {
    // A day t of a stay [W-30, W-10) is won within k days when W - t < k: none for k <= 10, then k - 10 days of
    // each stay, all 20 from k = 30 on.
    expect(wonWithin(stage, 10)).toBe(0);
    expect(wonWithin(stage, 20)).toBe(200);
    expect(wonWithin(stage, 25)).toBe(300);
    expect(wonWithin(stage, 30)).toBe(400);
    expect(wonWithin(stage, 90)).toBe(400);
    // A gap of 10.5 days sits in the day-10 bucket: within 11 days it has half a day.
    expect(wonWithin({ ...stage, endGaps: [{ day: 10, count: 1, sum: 10.5 }], startGaps: [] }, 11)).toBe(0.5);
  });

  it('shrinks the share toward 1 (the eventual rate) by 20 pseudo-deals', () => {
    // Within 20 days: 200 / 400 = 50% observed, (20 x 0.5 + 20) / (20 + 20) = 75%.
    expect(timingFactor(stage, 20)).toBeCloseTo(0.75, 12);
    // Within 25: 75% observed -> (15 + 20) / 40 = 87.5%. No history: 1.
    expect(timingFactor(stage, 25)).toBeCloseTo(0.875, 12);
    expect(timingFactor(undefined, 20)).toBe(1);
    expect(new StageTimings([stage]).factor(1, 2, 20)).toBe(1);
  });

  it('turns the learned rate into the chance of a win before the period ends (hand-computed)', () => {
    // Stage 1 learned from rep 1's 20 closed deals, 10 won, 10 days in the stage each: company
    // (10 + 20 x 0.4) / 40 = 45%, the rep (10 + 20 x 0.45) / 40 = 47.5%. On 12 December 20 days are left
    // (1 January, the exclusive end, is 20 days away): x 0.75 = 35.625%, so 8,000 counts 2,850 (eventually 3,800).
    const inputs: ForecastInputs = {
      window: { start: '2026-10-01', end: '2027-01-01', asOfDate: '2026-12-12' },
      deals: [deal({ id: 1, ownerId: 1, amount: 8_000, probability: 0.4, expectedCloseDate: '2026-12-20' })],
      wonToDateByOwner: new Map(),
      lookbackDays: 90,
      lookbackWonByOwner: new Map(),
      priorWonByOwner: new Map(),
      userIds: [1],
      reps: [],
      cycleStats: new Map(),
      slips: { days: [], counts: [] },
      calls: new Map(),
      created: {
        deals: [],
        firstDate: null,
        calendar: {
          timeZone: 'UTC',
          workingDays: [1, 2, 3, 4, 5],
          workStartMinute: 540,
          workEndMinute: 1080,
          holidays: new Set(),
        },
      },
      stageOutcomes: [
        { pipelineId: 1, stageId: 1, ownerKey: 'rep:1', closed: 20, won: 10, closedDays: 200, wonDays: 100 },
      ],
      stageTimings: [stage],
      learnedPipelines: new Set([1]),
    };
    const sw = (timing: boolean) =>
      computeScope(inputs, COMPANY_SCOPE, {
        seed: 1,
        iterations: 100,
        methods: ['stage_weighted'],
        timing,
      })[0];
    expect(sw(true)?.inPipeline).toBe(2_850);
    expect(sw(false)?.inPipeline).toBe(3_800);
  });
});
