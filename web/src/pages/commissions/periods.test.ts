import { describe, expect, it } from 'vitest';
import { recentPeriodKeys } from './periods.ts';

describe('recentPeriodKeys', () => {
  it('lists months, quarters and years back from today, across a year boundary', () => {
    expect(recentPeriodKeys('2026-02-14', 3, 2, 2)).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2026-Q1',
      '2025-Q4',
      '2026',
      '2025',
    ]);
  });
  it('puts December and Q4 in the right year', () => {
    expect(recentPeriodKeys('2026-12-31', 1, 1, 1)).toEqual(['2026-12', '2026-Q4', '2026']);
  });
});
