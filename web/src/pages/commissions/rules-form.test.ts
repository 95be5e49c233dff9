import { describe, expect, it } from 'vitest';
import type { PlanRules } from '../../../../src/domain/commissions/types.ts';
import { defaultRulesForm, formToRules, rulesToForm, scaledToText, textToScaled } from './rules-form.ts';

// The senior plan of the brief with every rule kind set, as the API stores it.
const RULES: PlanRules = {
  currency: 'EUR',
  period: 'quarter',
  creditOn: 'paid',
  tierMode: 'marginal',
  tiers: [
    { fromPct: 0, rateBp: 0 },
    { fromPct: 50, rateBp: 1000 },
    { fromPct: 100, rateBp: 1500 },
  ],
  typeRates: { renewal: 300 },
  attainmentTypes: ['new_business', 'upsell'],
  capMinor: 5_000_000,
  bonuses: [{ label: 'On target', atPct: 100, amountMinor: 100_000 }],
  spifs: [
    {
      label: 'Widget push',
      from: '2026-10-01',
      to: '2026-11-01',
      product: 'Widget',
      dealType: null,
      amountMinor: 25_050,
    },
  ],
  draw: { amountMinor: 150_000, recoverable: true },
  ramp: true,
  rollUp: false,
  clawbackDays: 90,
};

describe('rules form', () => {
  it('turns decimal text into exact integers and back', () => {
    expect(textToScaled('1234.56', 2)).toBe(123_456);
    expect(textToScaled('0.1', 2)).toBe(10);
    expect(textToScaled('-0.05', 2)).toBe(-5);
    expect(textToScaled('12.5', 0)).toBeNull();
    expect(textToScaled('0.001', 2)).toBeNull();
    expect(textToScaled('abc', 2)).toBeNull();
    expect(textToScaled('', 2)).toBeNull();
    // 0.29 x 100 is 28.999999999999996 in floats; the string arithmetic gives 29.
    expect(textToScaled('0.29', 2)).toBe(29);
    expect(textToScaled('10000000000.01', 2)).toBe(1_000_000_000_001);
    expect(scaledToText(123_456, 2)).toBe('1234.56');
    expect(scaledToText(-5, 2)).toBe('-0.05');
    expect(scaledToText(1500, 2)).toBe('15');
    expect(scaledToText(42, 0)).toBe('42');
  });

  it('round-trips every rule kind through the form unchanged', () => {
    const form = rulesToForm(RULES, 2);
    expect(form.tiers[2]).toEqual({ fromPct: '100', ratePct: '15' });
    expect(form.typeRates).toEqual({ new_business: '', upsell: '', renewal: '3' });
    expect(form.cap).toBe('50000');
    expect(form.spifs[0]?.amount).toBe('250.5');
    expect(formToRules(form, 2)).toEqual({ ok: true, rules: RULES });
  });

  it('refuses a clawback window of 0 days (blank means no clawback)', () => {
    const form = defaultRulesForm('USD');
    form.clawbackDays = '0';
    expect(formToRules(form, 2)).toEqual({
      ok: false,
      errors: ['rules.clawbackDays: "0" is not a whole number of days (1 or more)'],
    });
  });

  it('names every field that is not a number, and returns no rules', () => {
    const form = defaultRulesForm('USD');
    form.tiers.push({ fromPct: 'lots', ratePct: '12.345' });
    form.cap = '1,000';
    form.clawbackDays = '2.5';
    const result = formToRules(form, 2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'rules.clawbackDays: "2.5" is not a whole number of days (1 or more)',
      'rules.tiers[1].fromPct: "lots" is not a percentage',
      'rules.tiers[1].rateBp: "12.345" is not a percentage with at most 2 decimals',
      'rules.capMinor: "1,000" is not an amount with at most 2 decimals',
    ]);
  });

  it('blank optional fields mean none: uncapped, no draw, no clawback, tiers for every type', () => {
    const result = formToRules(defaultRulesForm('usd'), 2);
    expect(result).toEqual({
      ok: true,
      rules: expect.objectContaining({
        currency: 'USD',
        capMinor: null,
        draw: null,
        clawbackDays: null,
        typeRates: {},
        tiers: [{ fromPct: 0, rateBp: 1000 }],
      }),
    });
  });
});
