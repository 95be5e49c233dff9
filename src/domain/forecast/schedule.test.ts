import { describe, expect, it } from 'vitest';
import { latestSlotDate } from './schedule.ts';

describe('weekly snapshot slot', () => {
  it('is Monday 06:00: the same Monday from 06:00, the Monday before until then', () => {
    // 2026-11-23 is a Monday.
    expect(latestSlotDate('2026-11-23', 6 * 60)).toBe('2026-11-23');
    expect(latestSlotDate('2026-11-23', 5 * 60 + 59)).toBe('2026-11-16');
    expect(latestSlotDate('2026-11-29', 23 * 60)).toBe('2026-11-23');
    expect(latestSlotDate('2026-11-24', 0)).toBe('2026-11-23');
  });
});
