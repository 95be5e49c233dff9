import { describe, expect, it } from 'vitest';
import { amounts, creditedDeal, november, planRules } from '../../../test/support/commission-fixtures.ts';
import { seededRandom } from '../random/seeded-random.ts';
import { applyRate, divRoundBig, formatMinor, mulDivRound } from './money.ts';

describe('rounding: half away from zero, each line on its own', () => {
  it('rounds half cents away from zero', () => {
    // 5 cents x 10% = 0.5 -> 1; 15 x 10% = 1.5 -> 2; 25 x 10% = 2.5 -> 3 (not banker's 2); -5 x 10% = -0.5 -> -1.
    expect([applyRate(5, 1000), applyRate(15, 1000), applyRate(25, 1000), applyRate(-5, 1000)]).toEqual([
      1, 2, 3, -1,
    ]);
    // 4 x 10% = 0.4 -> 0; 14 x 10% = 1.4 -> 1; -14 x 10% = -1.4 -> -1.
    expect([applyRate(4, 1000), applyRate(14, 1000), applyRate(-14, 1000)]).toEqual([0, 1, -1]);
  });

  it('rounds shares of one third', () => {
    // 100.00 x 3333 / 10000 = 33.33; 1 cent x 3333 / 10000 = 0.3333 -> 0; 2 cents -> 0.6666 -> 1.
    expect([
      mulDivRound(10_000, 3333, 10_000),
      mulDivRound(1, 3333, 10_000),
      mulDivRound(2, 3333, 10_000),
    ]).toEqual([3333, 0, 1]);
  });

  it('totals are sums of rounded lines: three 0.05 deals at 10% pay 3 cents, not round(1.5) = 2', () => {
    const r = november(planRules(), 1_000_000, [
      creditedDeal(1, '2026-11-01', 5),
      creditedDeal(2, '2026-11-02', 5),
      creditedDeal(3, '2026-11-03', 5),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 1],
      ['commission', 1],
      ['commission', 1],
    ]);
    expect(r.totals.payoutMinor).toBe(3);
  });
});

describe('big amounts stay exact', () => {
  it('computes 10^12 minor units times rates without precision loss', () => {
    // 10,000,000,000.00 x 15% = 1,500,000,000.00.
    expect(applyRate(1_000_000_000_000, 1500)).toBe(150_000_000_000);
    // 999,999,995,001 x 99,999 bp = 99,998,999,500,104,999 / 10000 = 9,999,899,950,010.4999 -> ...010.
    // The float product (beyond 2^53) reads ...105,000 and would round up to ...011.
    expect(applyRate(999_999_995_001, 99_999)).toBe(9_999_899_950_010);
    expect(Math.round((999_999_995_001 * 99_999) / 10_000)).toBe(9_999_899_950_011);
  });

  it('a 10^12 statement crossing an accelerator adds up to the cent', () => {
    // Target 10^12 cents; 10% to 100%, 12.34% above. Deal 1,000,000,000,001 + 999,999,999,999 = 2 x 10^12:
    //   deal 1: 10^12 x 10% = 10^11, plus 1 cent x 12.34% = 0.1234 -> 0.
    //   deal 2: 999,999,999,999 x 12.34% = 123,399,999,999.8766 -> 123,400,000,000.
    const plan = planRules({
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 100, rateBp: 1234 },
      ],
    });
    const r = november(plan, 1_000_000_000_000, [
      creditedDeal(1, '2026-11-01', 1_000_000_000_001),
      creditedDeal(2, '2026-11-02', 999_999_999_999),
    ]);
    expect(amounts(r)).toEqual([
      ['commission', 100_000_000_000],
      ['commission', 0],
      ['commission', 123_400_000_000],
    ]);
    expect(r.totals).toMatchObject({
      payoutMinor: 223_400_000_000,
      attainmentPct: 200,
      creditedMinor: 2_000_000_000_000,
    });
  });

  it('the fast number path agrees with BigInt arithmetic, at every size and sign', () => {
    const random = seededRandom(17);
    for (let i = 0; i < 20_000; i += 1) {
      const a = Math.round((random.next() - 0.3) * 10 ** random.int(0, 12));
      const b = random.int(0, 100_000);
      const d = random.pick([10_000, 30, 31, 92]);
      expect(mulDivRound(a, b, d)).toBe(Number(divRoundBig(BigInt(a) * BigInt(b), BigInt(d))));
    }
  });

  it("formats minor units exactly with the currency's digits", () => {
    expect(formatMinor(123_456, 'USD')).toBe('1,234.56');
    expect(formatMinor(-5, 'USD')).toBe('-0.05');
    expect(formatMinor(9_007_199_254_740_991, 'USD')).toBe('90,071,992,547,409.91');
    expect(formatMinor(1500, 'JPY')).toBe('1,500');
  });
});
