import { describe, expect, it } from 'vitest';
import type { ErrorStats } from './accuracy.ts';
import { blendedBacktest, blendedValue, blendWeights } from './blend.ts';
import type { MethodId } from './types.ts';

const stats = (mape: number | null): ErrorStats => ({
  mape,
  bias: null,
  n: mape === null ? 0 : 4,
  skipped: 0,
});

describe('blended forecast', () => {
  it('weighs methods by 1 / MAPE² (hand-computed)', () => {
    // 10% and 20% MAPE: raw weights 100 and 25, so 0.8 and 0.2; a method without a track record gets none.
    const w = blendWeights(
      new Map<MethodId, ErrorStats>([
        ['stage_weighted', stats(0.1)],
        ['run_rate', stats(0.2)],
        ['judgement', stats(null)],
      ]),
    );
    expect(w.get('stage_weighted')).toBeCloseTo(0.8, 12);
    expect(w.get('run_rate')).toBeCloseTo(0.2, 12);
    expect(w.has('judgement')).toBe(false);
    // 0.8 x 100 000 + 0.2 x 150 000 = 110 000.
    expect(
      blendedValue(
        new Map<MethodId, number>([
          ['stage_weighted', 100_000],
          ['run_rate', 150_000],
        ]),
        w,
      ),
    ).toBe(110_000);
  });

  it('caps a tiny MAPE at 2% and renormalises over the methods that ran', () => {
    const w = blendWeights(
      new Map<MethodId, ErrorStats>([
        ['cycle_age', stats(0.001)],
        ['monte_carlo', stats(0.04)],
      ]),
    );
    // 1/0.02² = 2 500 and 1/0.04² = 625: 0.8 and 0.2.
    expect(w.get('cycle_age')).toBeCloseTo(0.8, 12);
    expect(blendedValue(new Map<MethodId, number>([['monte_carlo', 90_000]]), w)).toBe(90_000);
    expect(blendedValue(new Map(), w)).toBeNull();
  });
});

describe('blended backtest', () => {
  it('weighs each period by the periods before it, and says when it does not beat the best method', () => {
    const row = (period: number, sw: number, rr: number) => ({
      period,
      slot: 'start' as const,
      day: 0,
      actual: 100,
      values: new Map<MethodId, number>([
        ['stage_weighted', sw],
        ['run_rate', rr],
      ]),
    });
    // Period 0 is not scored. Period 1: weights from period 0 (MAPE 10% and 50%: 100 and 4 of 104):
    // (100 x 120 + 4 x 100) / 104 = 119.2 -> 119. Period 2: MAPEs 15% and 25% over periods 0-1 (44.4 and 16):
    // 0.7353 x 100 + 0.2647 x 80 = 94.7 -> 95. Blend MAPE (19% + 5%) / 2 = 12%; both single methods 10% on
    // periods 1-2, so the blend does not beat the best (stage-weighted wins the tie on |bias| by order).
    const r = blendedBacktest([row(0, 90, 150), row(1, 120, 100), row(2, 100, 80)]);
    expect(r.atStart.n).toBe(2);
    expect(r.atStart.mape).toBeCloseTo(0.12, 12);
    expect(r.bestSingle).toBe('stage_weighted');
    expect(r.bestSingleMape).toBeCloseTo(0.1, 12);
    expect(r.beatsBest).toBe(false);
  });
});

describe('blend weights per checkpoint', () => {
  const row = (period: number, day: number, sw: number, rr: number) => ({
    period,
    slot: day === 0 ? ('start' as const) : ('mid' as const),
    day,
    actual: 100,
    values: new Map<MethodId, number>([
      ['stage_weighted', sw],
      ['run_rate', rr],
    ]),
  });

  it('weighs a checkpoint by the same point of earlier periods, and compares it per checkpoint (hand-computed)', () => {
    // Period 0: at start stage-weighted 90 (10% off) and run-rate 150 (50%); at mid (day 42) 130 (30%) and 100
    // (exact). Period 1 at start takes the starts' weights, 100 and 4: (100 x 110 + 4 x 130) / 104 = 110.8 -> 111,
    // 11% off against stage-weighted's 10%. At mid it takes the mids': 1/0.3² = 11.1 and 1/0.02² = 2,500 (exact
    // counts as 2%): 0.0044 x 120 + 0.9956 x 100 = 100.09 -> 100, exact, as good as the run-rate's 100.
    const r = blendedBacktest([
      row(0, 0, 90, 150),
      row(0, 42, 130, 100),
      row(1, 0, 110, 130),
      row(1, 42, 120, 100),
    ]);
    expect(r.versusBest.start).toEqual({
      blendMape: expect.closeTo(0.11, 12),
      bestSingle: 'stage_weighted',
      bestSingleMape: expect.closeTo(0.1, 12),
      beatsBest: false,
    });
    expect(r.versusBest.mid).toEqual({
      blendMape: 0,
      bestSingle: 'run_rate',
      bestSingleMape: 0,
      beatsBest: true,
    });
    expect(r.versusBest.week2.beatsBest).toBeNull();
    expect(r.beatsBest).toBe(false);
  });
});
