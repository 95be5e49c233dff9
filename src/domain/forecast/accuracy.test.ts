import { describe, expect, it } from 'vitest';
import { errorStats, mostAccurate } from './accuracy.ts';
import type { MethodId } from './types.ts';

describe('forecast accuracy', () => {
  it('computes MAPE and signed bias (positive = over-forecast), skipping periods with nothing won', () => {
    const s = errorStats([
      { forecast: 110, actual: 100 }, // +10%
      { forecast: 150, actual: 200 }, // -25%
      { forecast: 50, actual: 0 }, // skipped
    ]);
    expect(s.mape).toBeCloseTo(0.175, 10);
    expect(s.bias).toBeCloseTo(-40 / 300, 10);
    expect(s).toMatchObject({ n: 2, skipped: 1 });
    expect(errorStats([{ forecast: 1, actual: 0 }]).mape).toBeNull();
  });

  it('names the method with the lowest MAPE', () => {
    const stats = new Map<MethodId, ReturnType<typeof errorStats>>([
      ['stage_weighted', errorStats([{ forecast: 130, actual: 100 }])],
      ['run_rate', errorStats([{ forecast: 95, actual: 100 }])],
      ['judgement', errorStats([])],
    ]);
    expect(mostAccurate(stats)).toBe('run_rate');
    expect(mostAccurate(new Map())).toBeNull();
  });
});
