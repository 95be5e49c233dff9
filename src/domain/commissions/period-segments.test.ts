import { describe, expect, it } from 'vitest';
import { periodStretches } from './period-segments.ts';
import type { PlanRules } from './types.ts';

const rules = (period: PlanRules['period'], rateBp: number): PlanRules => ({
  currency: 'USD',
  period,
  creditOn: 'close',
  tierMode: 'marginal',
  tiers: [{ fromPct: 0, rateBp }],
  typeRates: {},
  attainmentTypes: ['new_business'],
  capMinor: null,
  bonuses: [],
  spifs: [],
  draw: null,
  ramp: false,
  rollUp: false,
  clawbackDays: null,
});

const junior = {
  planId: 1,
  versionId: 11,
  version: 1,
  effectiveFrom: '2026-01-01',
  rules: rules('month', 1000),
};
const junior2 = {
  planId: 1,
  versionId: 12,
  version: 2,
  effectiveFrom: '2026-11-16',
  rules: rules('month', 1200),
};
const senior = {
  planId: 2,
  versionId: 21,
  version: 1,
  effectiveFrom: '2026-01-01',
  rules: rules('month', 1000),
};
const quarterly = {
  planId: 3,
  versionId: 31,
  version: 1,
  effectiveFrom: '2026-01-01',
  rules: rules('quarter', 500),
};
const nov = { periodStart: '2026-11-01', periodEnd: '2026-12-01', grain: 'month' as const };

describe('periodStretches', () => {
  it('one assignment over the whole month is one stretch with the version in effect', () => {
    const s = periodStretches({
      ...nov,
      assignments: [{ planId: 1, from: '2026-03-01', to: null, targetMinor: 1_000_000 }],
      versions: [junior],
    });
    expect(s).toEqual([
      {
        from: '2026-11-01',
        to: '2026-12-01',
        planId: 1,
        planVersionId: 11,
        version: 1,
        rules: junior.rules,
        targetMinor: 1_000_000,
      },
    ]);
  });

  it('a plan change on the 20th cuts the month at the 20th', () => {
    const s = periodStretches({
      ...nov,
      assignments: [
        { planId: 2, from: '2026-11-20', to: null, targetMinor: 2_500_000 },
        { planId: 1, from: '2026-01-01', to: '2026-11-20', targetMinor: 1_000_000 },
      ],
      versions: [junior, senior],
    });
    expect(s.map((x) => [x.from, x.to, x.planId, x.targetMinor])).toEqual([
      ['2026-11-01', '2026-11-20', 1, 1_000_000],
      ['2026-11-20', '2026-12-01', 2, 2_500_000],
    ]);
  });

  it('a new version inside the period cuts it too; each stretch uses its own version', () => {
    const s = periodStretches({
      ...nov,
      assignments: [{ planId: 1, from: '2026-01-01', to: null, targetMinor: null }],
      versions: [junior2, junior],
    });
    expect(s.map((x) => [x.from, x.to, x.planVersionId])).toEqual([
      ['2026-11-01', '2026-11-16', 11],
      ['2026-11-16', '2026-12-01', 12],
    ]);
  });

  it('leaves out days before the plan has a version, and plans of another period length', () => {
    expect(
      periodStretches({
        ...nov,
        assignments: [{ planId: 1, from: '2026-11-01', to: null, targetMinor: null }],
        versions: [{ ...junior2 }],
      }).map((x) => [x.from, x.to]),
    ).toEqual([['2026-11-16', '2026-12-01']]);
    expect(
      periodStretches({
        ...nov,
        assignments: [{ planId: 3, from: '2026-01-01', to: null, targetMinor: null }],
        versions: [quarterly],
      }),
    ).toEqual([]);
  });

  it('an assignment ending before or starting after the period gives nothing', () => {
    expect(
      periodStretches({
        ...nov,
        assignments: [
          { planId: 1, from: '2026-01-01', to: '2026-11-01', targetMinor: null },
          { planId: 2, from: '2026-12-01', to: null, targetMinor: null },
        ],
        versions: [junior, senior],
      }),
    ).toEqual([]);
  });
});
