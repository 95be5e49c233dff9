import { describe, expect, it } from 'vitest';
import { categoryRollup, judgementForecast, type ScopeCalls } from './judgement.ts';
import { deal } from './test-deal.ts';

const window = { start: '2026-10-01', end: '2027-01-01', asOfDate: '2026-10-01' };
const at = new Date('2026-10-02T09:00:00Z');

describe('commit / judgement forecast', () => {
  const deals = [
    deal({ id: 1, ownerId: 1, category: 'commit', amount: 10_000, forecastAmount: 8_000 }),
    deal({ id: 2, ownerId: 1, category: 'best_case', amount: 5_000 }),
    deal({ id: 3, ownerId: 1, category: 'pipeline', amount: 4_000 }),
    deal({ id: 4, ownerId: 1, category: 'omitted', amount: 100_000 }),
  ];

  it('rolls categories up cumulatively, using the rep forecast amount when set', () => {
    expect(categoryRollup(deals, window, 1_000)).toEqual({
      commit: 9_000,
      bestCase: 14_000,
      pipeline: 18_000,
    });
  });

  it('prefers the manager override, then the call, then the commit roll-up', () => {
    const rollup = categoryRollup(deals, window, 1_000);
    const base = { scopeKey: 'rep:1', repKeys: [], rollupByRep: new Map(), rollup, wonToDate: 1_000 };
    expect(judgementForecast({ ...base, calls: new Map() }).value).toBe(9_000);
    const call = {
      scopeKey: 'rep:1',
      kind: 'call' as const,
      amount: 12_000,
      setBy: 1,
      setAt: at,
      note: null,
    };
    const withCall = new Map<string, ScopeCalls>([['rep:1', { call, override: null }]]);
    expect(judgementForecast({ ...base, calls: withCall }).value).toBe(12_000);
    const override = { ...call, kind: 'override' as const, amount: 10_500, setBy: 9 };
    const both = new Map<string, ScopeCalls>([['rep:1', { call, override }]]);
    const r = judgementForecast({ ...base, calls: both });
    expect(r.value).toBe(10_500);
    expect(r.breakdown).toMatchObject({ source: 'override', callAmount: 12_000, callBy: 1, overrideBy: 9 });
    expect(r.breakdown.overrideAt).toBe('2026-10-02T09:00:00.000Z');
  });

  it('sums reps for a team without its own call: calls where made, commit roll-up elsewhere', () => {
    const call = {
      scopeKey: 'rep:1',
      kind: 'call' as const,
      amount: 12_000,
      setBy: 1,
      setAt: at,
      note: null,
    };
    const r = judgementForecast({
      scopeKey: 'team:3',
      repKeys: ['rep:1', 'rep:2', 'rep:none'],
      calls: new Map([['rep:1', { call, override: null }]]),
      rollupByRep: new Map([
        ['rep:1', { commit: 9_000, bestCase: 0, pipeline: 0 }],
        ['rep:2', { commit: 4_000, bestCase: 0, pipeline: 0 }],
        ['rep:none', { commit: 500, bestCase: 0, pipeline: 0 }],
      ]),
      rollup: { commit: 13_500, bestCase: 20_000, pipeline: 30_000 },
      wonToDate: 0,
    });
    expect(r.value).toBe(16_500);
    expect(r.breakdown.source).toBe('rep_calls');
  });
});
