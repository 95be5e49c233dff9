import { describe, expect, it } from 'vitest';
import type { BacktestCheckpoint } from './blend.ts';
import { recommendationFor, recommendedBacktest } from './recommended.ts';
import type { MethodId } from './types.ts';

const start = (period: number, sw: number, rr: number): BacktestCheckpoint => ({
  period,
  slot: 'start',
  day: 0,
  actual: 100,
  values: new Map<MethodId, number>([
    ['stage_weighted', sw],
    ['run_rate', rr],
  ]),
});

describe('recommended forecast', () => {
  it('uses the best method so far until the blend has a record that beats it (hand-computed)', () => {
    // Period 0: stage-weighted 90 (10% off), run-rate 150 (50%). Period 1: the blend has no record yet, so the
    // best so far (stage-weighted) is used: 120 -> 20% off. Period 2: the blend scored on period 1 (weights from
    // period 0: 100 and 4 of 104 -> (100 x 120 + 4 x 100) / 104 = 119, 19% off) against stage-weighted's 20% on
    // the same period: the blend is used, (weights from periods 0-1: MAPEs 15% and 25%) 0.7353 x 100 + 0.2647 x 80
    // = 95 -> 5% off. Rule MAPE (20% + 5%) / 2 = 12.5%; in hindsight both methods score 10% on periods 1-2.
    const rows = [start(0, 90, 150), start(1, 120, 100), start(2, 100, 80)];
    expect(recommendationFor(rows, 0)).toBeNull();
    expect(recommendationFor(rows, 1)).toBe('stage_weighted');
    expect(recommendationFor(rows, 2)).toBe('blended');
    const r = recommendedBacktest(rows);
    expect(r.picks).toEqual(['stage_weighted', 'blended']);
    expect(r.atStart.mape).toBeCloseTo(0.125, 12);
    expect(r.bestSingle).toBe('stage_weighted');
    expect(r.bestSingleMape).toBeCloseTo(0.1, 12);
    expect(r.beatsBest).toBe(false);
  });

  it('falls back to the best method when the blend has done worse', () => {
    // Period 1 blend: 119 (19% off) vs stage-weighted 100 (0%): for period 2 stage-weighted is recommended.
    const rows = [start(0, 90, 150), start(1, 100, 160), start(2, 100, 80)];
    expect(recommendationFor(rows, 2)).toBe('stage_weighted');
  });
});
