import { describe, expect, it } from 'vitest';
import { stageStep } from '../funnel/funnel.ts';
import {
  dealMoves,
  hottestDeals,
  movedWithoutRate,
  packPeriod,
  weakestConversion,
  type DealWindow,
} from './meeting-pack.ts';

const deal = (over: Partial<DealWindow>): DealWindow => ({
  opportunityId: 1,
  name: 'D',
  ownerId: 1,
  ownerName: 'Ann',
  currency: 'USD',
  stageName: 'Demo',
  probabilityPct: 40,
  amountMinor: 1000,
  workspaceAmountMinor: 1000,
  expectedCloseDate: '2026-12-01',
  endStagePosition: 3,
  start: { stagePosition: 3, amountMinor: 1000, expectedCloseDate: '2026-12-01' },
  ...over,
});

describe('packPeriod', () => {
  it('defaults to the last complete ISO week, the same all week long', () => {
    // 2026-11-30 is a Monday, 2026-12-06 the Sunday after: both give week 48 (23-29 November).
    for (const today of ['2026-11-30', '2026-12-06']) {
      expect(packPeriod(undefined, today, { fiscalYearStartMonth: 1, weekStartDay: 1 })).toMatchObject({
        key: '2026-W48',
        start: '2026-11-23',
        end: '2026-11-30',
      });
    }
    expect(packPeriod(undefined, '2026-11-29', { fiscalYearStartMonth: 1, weekStartDay: 1 }).key).toBe(
      '2026-W47',
    );
  });

  it("defaults to the last complete week of the workspace's weeks: Sunday to Saturday when they start on Sunday", () => {
    const sunday = { fiscalYearStartMonth: 1, weekStartDay: 7 };
    // Sunday 29 November opens W49 (Sunday weeks), so the last complete one is 22-28 November, named W48.
    for (const today of ['2026-11-29', '2026-12-05']) {
      expect(packPeriod(undefined, today, sunday)).toMatchObject({
        key: '2026-W48',
        start: '2026-11-22',
        end: '2026-11-29',
      });
    }
    expect(packPeriod(undefined, '2026-11-28', sunday).key).toBe('2026-W47');
    expect(packPeriod('2026-W47', '2026-11-30', sunday)).toMatchObject({
      start: '2026-11-15',
      end: '2026-11-22',
    });
  });

  it('takes a week or a month, and refuses other keys and periods not yet started, naming the field', () => {
    expect(packPeriod('2026-11', '2026-11-30', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toMatchObject({
      start: '2026-11-01',
      end: '2026-12-01',
    });
    for (const key of ['2026-Q4', '2026', '2026-11-02', ' 2026-W47', '2026-W47\u0000']) {
      expect(() => packPeriod(key, '2026-11-30', { fiscalYearStartMonth: 1, weekStartDay: 1 }), key).toThrow(
        /expected a week \(2026-W47\) or a month/,
      );
    }
    expect(() => packPeriod('2026-12', '2026-11-30', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toThrow(
      /has not started yet/,
    );
    expect(() => packPeriod('2026-W60', '2026-11-30', { fiscalYearStartMonth: 1, weekStartDay: 1 })).toThrow(
      /ISO year 2026 has 53 weeks/,
    );
  });
});

describe('dealMoves and hottestDeals', () => {
  it('names each move; a close date set is earlier, one removed is later; moving back is no move', () => {
    expect(dealMoves(deal({ start: null }))).toEqual(['new']);
    expect(dealMoves(deal({}))).toEqual([]);
    expect(dealMoves(deal({ endStagePosition: 2 }))).toEqual([]);
    expect(dealMoves(deal({ endStagePosition: 4, amountMinor: 900 }))).toEqual(['advanced', 'amount_down']);
    expect(
      dealMoves(deal({ start: { stagePosition: 3, amountMinor: 1000, expectedCloseDate: null } })),
    ).toEqual(['close_earlier']);
    expect(dealMoves(deal({ expectedCloseDate: null }))).toEqual(['close_later']);
    expect(dealMoves(deal({ expectedCloseDate: '2026-11-20' }))).toEqual(['close_earlier']);
  });

  it('ranks moved deals by converted amount x probability, then converted amount, then id', () => {
    const usd = (over: Partial<DealWindow>) =>
      deal({ ...over, workspaceAmountMinor: over.amountMinor ?? 1000 });
    const deals = [
      usd({ opportunityId: 1, amountMinor: 1000, probabilityPct: 60, start: null }), // 600
      usd({ opportunityId: 2, amountMinor: 3000, probabilityPct: 20, start: null }), // 600, larger amount
      usd({ opportunityId: 3, amountMinor: 999, probabilityPct: 50, start: null }), // 499.5 -> 500
      usd({
        opportunityId: 4,
        amountMinor: 9000,
        start: { stagePosition: 3, amountMinor: 9000, expectedCloseDate: '2026-12-01' },
      }), // did not move
      // €5.00 at 1.1 = $5.50, 40% -> 220: ranks by its converted weight, listed with its own amount too.
      deal({ opportunityId: 5, amountMinor: 500, currency: 'EUR', workspaceAmountMinor: 550, start: null }),
      // No GBP rate: cannot be weighed, left out of the list and named by movedWithoutRate.
      deal({ opportunityId: 6, amountMinor: 9000, currency: 'GBP', workspaceAmountMinor: null, start: null }),
    ];
    expect(hottestDeals(deals, 10).map((d) => [d.opportunityId, d.weightedMinor])).toEqual([
      [2, 600],
      [1, 600],
      [3, 500],
      [5, 220],
    ]);
    expect(hottestDeals(deals, 10)[3]).toMatchObject({
      currency: 'EUR',
      amountMinor: 500,
      workspaceAmountMinor: 550,
    });
    expect(hottestDeals(deals, 1).map((d) => d.opportunityId)).toEqual([2]);
    expect(movedWithoutRate(deals).map((d) => d.opportunityId)).toEqual([6]);
  });
});

describe('weakestConversion', () => {
  const step = (stageId: number, position: number, entered: number, advanced: number) =>
    stageStep({
      stageId,
      name: `S${stageId}`,
      position,
      entered,
      advanced,
      won: 0,
      avgDays: null,
      medianDays: null,
    });

  it('is the lowest rate among stages entered at least 3 times; on a tie the earlier stage', () => {
    const pack = [step(1, 1, 2, 0), step(2, 2, 4, 1), step(3, 3, 8, 2), step(4, 4, 3, 3), step(9, 9, 5, 5)];
    const company = [
      step(1, 1, 10, 5),
      step(2, 2, 10, 4),
      step(3, 3, 20, 10),
      step(4, 4, 6, 6),
      step(9, 9, 9, 9),
    ];
    const r = weakestConversion(pack, company, new Set([9]));
    // S1 (0 of 2) has too few entries; S2 and S3 both convert 25%: the earlier, S2 -> S3, is the weakest.
    expect(r.weakest).toEqual({
      stageId: 2,
      from: 'S2',
      to: 'S3',
      entered: 4,
      advanced: 1,
      rate: 0.25,
      companyRate: 0.4,
    });
    expect(r.stages.map((s) => s.stageId)).toEqual([1, 2, 3, 4]);
    expect(weakestConversion([step(1, 1, 2, 0)], company, new Set([9])).weakest).toBeNull();
  });
});
