import { describe, expect, it } from 'vitest';
import { customerLifetimeValue, quotaAttainmentRate, ratioValue } from './derive.ts';
import { formatMetricValue } from './format.ts';

describe('metric formulas', () => {
  it('closes 10 of 15 met prospects at 66.7%, keeping the parts', () => {
    const v = ratioValue(10, 15);
    expect(v).toEqual({ value: 10 / 15, numerator: 10, denominator: 15 });
    expect(formatMetricValue(v.value, 'ratio', 'en-US', 'USD')).toBe('66.7%');
  });

  it('gives no value for a zero denominator or a part that is unavailable', () => {
    expect(ratioValue(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(ratioValue(5, undefined)).toEqual({ value: null });
  });

  it('counts reps at quota among reps that have one', () => {
    const v = quotaAttainmentRate([
      { won: 100, quota: 100 },
      { won: 99, quota: 100 },
      { won: 500, quota: 0 },
      { won: 300, quota: 200 },
    ]);
    expect(v).toEqual({ value: 2 / 3, numerator: 2, denominator: 3 });
  });

  it('computes CLV from churn, and from observed revenue when nobody churned', () => {
    // ARPA 100, margin 50%, monthly churn 10% / 2 months = 5%: 100 x 0.5 / 0.05 = 1000.
    const parts = {
      mrr: 1_000,
      customers_at_end: 10,
      churned: 1,
      active_at_start: 10,
      lifetime_revenue: 0,
      customers_seen: 11,
    };
    expect(customerLifetimeValue(parts, { grossMarginPct: 50, months: 2 }).value).toBeCloseTo(1_000, 9);
    const noChurn = { ...parts, churned: 0, lifetime_revenue: 4_400, customers_seen: 11 };
    expect(customerLifetimeValue(noChurn, { grossMarginPct: 50, months: 2 }).value).toBe(200);
    expect(customerLifetimeValue({}, { grossMarginPct: 50, months: 2 }).value).toBeNull();
  });

  it('formats money from minor units in the workspace currency', () => {
    expect(formatMetricValue(1_086_000, 'money', 'en-US', 'USD')).toBe('$10,860');
    expect(formatMetricValue(12_345, 'money', 'en-US', 'USD')).toBe('$123.45');
    expect(formatMetricValue(1_245_870, 'money', 'en-US', 'USD')).toBe('$12,458.70');
    expect(formatMetricValue(5_000, 'money', 'en-US', 'JPY')).toBe('¥5,000');
    expect(formatMetricValue(null, 'count', 'en-US', 'USD')).toBe('-');
    expect(formatMetricValue(15, 'minutes', 'en-US', 'USD')).toBe('15 min');
  });
});
