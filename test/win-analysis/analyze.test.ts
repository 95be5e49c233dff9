import { describe, expect, it } from 'vitest';
import { analyzeWins, MIN_DEALS_PER_SIDE } from '../../src/domain/win-analysis/analyze.ts';
import type { DealFeatures } from '../../src/domain/win-analysis/features.ts';
import { cliffsDelta, effectSize, mean, median } from '../../src/domain/win-analysis/stats.ts';

describe('win analysis statistics', () => {
  it('medians and means', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(mean([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/empty/);
  });

  it("Cliff's delta counts pairs, ties counting neither way", () => {
    // 3 > {1,2}, 4 > {1,2,3}, 5 > {1,2,3}: 8 of 9 pairs above, none below.
    expect(cliffsDelta([3, 4, 5], [1, 2, 3])).toBeCloseTo(8 / 9, 12);
    // 1 < 2 and 2 > 1 cancel; the two ties count for nothing.
    expect(cliffsDelta([1, 2], [1, 2])).toBe(0);
    expect(cliffsDelta([1, 1], [2, 3])).toBe(-1);
  });

  it('agrees with the pair-by-pair definition on lists with many ties', () => {
    const as = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0.5];
    const bs = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9];
    let net = 0;
    for (const a of as) for (const b of bs) net += Math.sign(a - b);
    expect(cliffsDelta(as, bs)).toBeCloseTo(net / (as.length * bs.length), 12);
    expect(cliffsDelta(bs, as)).toBeCloseTo(-net / (as.length * bs.length), 12);
  });

  it("sizes the effect by Romano's thresholds", () => {
    expect(effectSize(0.1)).toBe('negligible');
    expect(effectSize(-0.2)).toBe('small');
    expect(effectSize(0.33)).toBe('moderate');
    expect(effectSize(-0.474)).toBe('large');
  });
});

const deal = (id: number, won: boolean, over: Partial<DealFeatures>): DealFeatures => ({
  id,
  won,
  ownerId: 1,
  leadSource: null,
  amountMinor: won ? 1_000_000 : 2_000_000,
  touches: 0,
  meetingsHeld: 2,
  followUps: null,
  responseMinutes: null,
  medianGapDays: null,
  stageDays: [{ stageId: 11, days: won ? 5 : 10 }],
  ...over,
});

// Five won and five lost deals: won touches 9, 8, 10, 12, 9 (median 9, mean 9.6), lost 4, 3, 5, 4, 9 (median 4,
// mean 5). Pairs won > lost: 9 beats four (ties the lost 9), 8 beats four and loses to one, 10 and 12 beat all
// five, the other 9 beats four: (4 + 3 + 5 + 5 + 4) / 25 = 0.84.
const DEALS: DealFeatures[] = [
  deal(1, true, { touches: 9, followUps: 3, leadSource: 'referral' }),
  deal(2, true, { touches: 8, followUps: 4, leadSource: 'referral' }),
  deal(3, true, { touches: 10, followUps: 5, leadSource: 'referral' }),
  deal(4, true, { touches: 12, followUps: 6, leadSource: 'referral' }),
  deal(5, true, { touches: 9 }),
  deal(6, false, { touches: 4, followUps: 1, leadSource: 'referral' }),
  deal(7, false, { touches: 3, followUps: 1, leadSource: 'campaign' }),
  deal(8, false, { touches: 5, followUps: 2, leadSource: 'campaign' }),
  deal(9, false, { touches: 4, followUps: 0, leadSource: 'campaign' }),
  deal(10, false, { touches: 9, followUps: 2, leadSource: 'campaign' }),
];

describe('analyzeWins', () => {
  const r = analyzeWins(DEALS, { currency: 'USD', stageNames: new Map([[11, 'Discovery']]) });

  it('compares each feature, ranked by the size of the difference', () => {
    expect(r.deals).toEqual({ won: 5, lost: 5, winRate: 0.5 });
    expect(r.findings.map((f) => [f.feature, f.effect])).toEqual([
      ['deal_size', -1],
      ['stage_days:11', -1],
      ['touches', 0.84],
      ['meetings_held', 0],
    ]);
    const touches = r.findings.find((f) => f.feature === 'touches')!;
    expect(touches.won).toEqual({ n: 5, median: 9, mean: 9.6 });
    expect(touches.lost).toEqual({ n: 5, median: 4, mean: 5 });
    expect(touches.difference).toBe(5);
    expect(touches.ratio).toBe(2.25);
    expect(touches.sentence).toBe(
      'Won deals had a median of 9 touches, lost deals 4 (2.3x; large difference, 5 won and 5 lost deals).',
    );
    expect(r.findings[0]!.sentence).toBe(
      'Won deals had a median of USD 10,000 in deal size, lost deals USD 20,000 (0.50x; large difference, 5 won and 5 lost deals).',
    );
    expect(r.findings[1]!.sentence).toMatch(
      /^Won deals had a median of 5 days in Discovery, lost deals 10 \(0\.50x/,
    );
    expect(r.findings[3]!.size).toBe('negligible');
  });

  it('skips features with too few deals and says so', () => {
    expect(MIN_DEALS_PER_SIDE).toBe(5);
    expect(r.skipped.map((s) => [s.feature, s.wonN, s.lostN])).toEqual([
      ['follow_ups', 4, 5],
      ['response_minutes', 0, 0],
      ['cadence_days', 0, 0],
    ]);
    expect(r.skipped[0]!.sentence).toBe(
      'Follow-ups after the first held meeting: not compared, 4 won and 5 lost deals have it (at least 5 of each needed).',
    );
  });

  it('gives each lead source with enough deals its win rate against the overall one', () => {
    // referral: 4 won of 5 = 80% against 5 of 10 = 50%; campaign (4 deals) and no source (1) are too few.
    expect(r.sources).toEqual([
      {
        source: 'referral',
        deals: 5,
        won: 4,
        winRate: 0.8,
        differencePoints: expect.closeTo(30, 9),
        sentence: 'Deals from referral won 80% (4 of 5), against 50% overall (+30 points).',
      },
    ]);
    expect(r.otherSources).toEqual({ sources: 2, deals: 5 });
  });

  it('reads an empty period as nothing to compare', () => {
    const empty = analyzeWins([], { currency: 'USD', stageNames: new Map() });
    expect(empty.deals).toEqual({ won: 0, lost: 0, winRate: null });
    expect(empty.findings).toEqual([]);
    expect(empty.skipped.length).toBe(6);
  });
});
