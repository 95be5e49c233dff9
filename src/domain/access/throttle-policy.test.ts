import { describe, expect, it } from 'vitest';
import { THROTTLE_RULES, retryAfterSeconds } from './throttle-policy.ts';

describe('retryAfterSeconds', () => {
  const rule = { limit: 5, windowMs: 15 * 60 * 1000 };
  const now = new Date('2026-11-23T10:00:00Z');

  it('lets a key through below its limit', () => {
    expect(retryAfterSeconds(rule, 4, new Date('2026-11-23T09:50:00Z'), now)).toBeNull();
    expect(retryAfterSeconds(rule, 0, null, now)).toBeNull();
  });

  it('blocks at the limit until the oldest counted event leaves the window', () => {
    // Oldest failure at 09:50:00, window 15 min -> free at 10:05:00, i.e. 300 s from 10:00:00.
    expect(retryAfterSeconds(rule, 5, new Date('2026-11-23T09:50:00Z'), now)).toBe(300);
    // 09:45:00.500 -> free at 10:00:00.500: rounds up to 1 s, never 0.
    expect(retryAfterSeconds(rule, 9, new Date('2026-11-23T09:45:00.500Z'), now)).toBe(1);
  });

  it('declares the documented limits', () => {
    expect(THROTTLE_RULES.email).toEqual({ limit: 5, windowMs: 900_000 });
    expect(THROTTLE_RULES.ip.limit).toBe(20);
    expect(THROTTLE_RULES.token_ip.limit).toBe(20);
    expect(THROTTLE_RULES.token_create).toEqual({ limit: 20, windowMs: 3_600_000 });
  });
});
