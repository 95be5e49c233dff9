import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { parsePlanRules } from './plan-rules.ts';

const minimal = { currency: 'USD', period: 'month', tiers: [{ fromPct: 0, rateBp: 1000 }] };

/** The AppError parsePlanRules throws for `value` (fails the test if it does not throw one). */
function errorOf(value: unknown): AppError {
  try {
    parsePlanRules(value);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected parsePlanRules to throw');
}

describe('parsePlanRules', () => {
  it('fills in the documented defaults for the fields left out', () => {
    expect(parsePlanRules(minimal)).toEqual({
      currency: 'USD',
      period: 'month',
      creditOn: 'close',
      tierMode: 'marginal',
      tiers: [{ fromPct: 0, rateBp: 1000 }],
      typeRates: {},
      attainmentTypes: ['new_business', 'upsell', 'renewal'],
      capMinor: null,
      bonuses: [],
      spifs: [],
      draw: null,
      ramp: false,
      rollUp: false,
      clawbackDays: null,
    });
  });

  it('keeps a full plan as written', () => {
    const full = {
      currency: 'EUR',
      period: 'quarter',
      creditOn: 'paid',
      tierMode: 'retroactive',
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 50, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
      typeRates: { renewal: 300 },
      attainmentTypes: ['new_business'],
      capMinor: 5_000_000,
      bonuses: [{ label: 'Club', atPct: 150, amountMinor: 100_000 }],
      spifs: [
        {
          label: 'Q4 widgets',
          from: '2026-10-01',
          to: '2027-01-01',
          product: 'Widget',
          dealType: null,
          amountMinor: 5_000,
        },
      ],
      draw: { amountMinor: 100_000, recoverable: true },
      ramp: true,
      rollUp: true,
      clawbackDays: 90,
    };
    expect(parsePlanRules(full)).toEqual(full);
  });

  it('names the field of a tier that does not ascend, with the validation code', () => {
    const e = errorOf({
      ...minimal,
      tiers: [
        { fromPct: 0, rateBp: 1000 },
        { fromPct: 0, rateBp: 1500 },
      ],
    });
    expect(e.code).toBe('validation');
    expect(e.message).toContain('rules.tiers[1].fromPct must be above tiers[0].fromPct (0): tiers ascend');
    expect(e.details).toEqual([
      {
        field: 'rules.tiers[1].fromPct',
        value: '0',
        reason: 'must be above tiers[0].fromPct (0): tiers ascend',
      },
    ]);
  });

  it('collects every problem in one pass, each naming its field', () => {
    const e = errorOf({
      currency: 'usd',
      period: 'week',
      tiers: [{ fromPct: 10, rateBp: 100_001 }],
      typeRates: { refund: 100, renewal: -1 },
      attainmentTypes: [],
      capMinor: 1.5,
      bonuses: [{ label: '', atPct: 100.123, amountMinor: -1 }],
      spifs: [
        {
          label: 'x',
          from: '2026-11-30',
          to: '2026-11-01',
          product: null,
          dealType: null,
          amountMinor: 2 ** 53,
        },
      ],
      draw: { amountMinor: 100 },
      clawbackDays: -5,
      ramp: 'yes',
      tier: [],
    });
    expect(e.details.map((d) => d.field)).toEqual([
      'rules.tier',
      'rules.currency',
      'rules.period',
      'rules.tiers[0].fromPct',
      'rules.tiers[0].rateBp',
      'rules.typeRates.refund',
      'rules.typeRates.renewal',
      'rules.attainmentTypes',
      'rules.capMinor',
      'rules.bonuses[0].label',
      'rules.bonuses[0].atPct',
      'rules.bonuses[0].amountMinor',
      'rules.spifs[0].to',
      'rules.spifs[0].product',
      'rules.spifs[0].amountMinor',
      'rules.draw.recoverable',
      'rules.ramp',
      'rules.clawbackDays',
    ]);
    const reason = (field: string) => e.details.find((d) => d.field === field)?.reason;
    expect(reason('rules.currency')).toBe('must be an ISO 4217 currency code (e.g. USD, EUR)');
    expect(reason('rules.tiers[0].fromPct')).toBe('must be 0: the first tier starts at 0% attainment');
    expect(reason('rules.tiers[0].rateBp')).toBe(
      'must be a whole number of basis points, 0-100000 (1000 = 10%)',
    );
    expect(reason('rules.spifs[0].to')).toBe(
      'must be after spifs[0].from (2026-11-30): the window is [from, to)',
    );
    expect(reason('rules.spifs[0].product')).toBe('a SPIF needs a product, a dealType or both');
    expect(reason('rules.tier')).toBe('is not a plan rule');
  });

  it('refuses what is not an object, and tiers that are missing', () => {
    expect(errorOf('rules').details[0]?.field).toBe('rules.');
    expect(errorOf({ currency: 'USD', period: 'month' }).details.map((d) => d.field)).toEqual([
      'rules.tiers',
    ]);
  });

  it('refuses duplicate bonus labels and attainment types', () => {
    const e = errorOf({
      ...minimal,
      attainmentTypes: ['renewal', 'renewal'],
      bonuses: [
        { label: 'Target', atPct: 100, amountMinor: 1 },
        { label: 'Target', atPct: 120, amountMinor: 1 },
      ],
    });
    expect(e.details.map((d) => d.reason)).toEqual([
      'a deal type is listed twice',
      'two bonuses have the same label',
    ]);
  });

  it('accepts the example plans of docs/commissions.md ("Plan rules")', () => {
    const junior = {
      currency: 'USD',
      period: 'month',
      tierMode: 'retroactive',
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 100, rateBp: 1000 },
      ],
    };
    expect(parsePlanRules(junior)).toMatchObject(junior);
    const accelerated = {
      currency: 'USD',
      period: 'month',
      tiers: [
        { fromPct: 0, rateBp: 0 },
        { fromPct: 50, rateBp: 1000 },
        { fromPct: 100, rateBp: 1500 },
      ],
      typeRates: { renewal: 300 },
      attainmentTypes: ['new_business', 'upsell'],
      capMinor: 5000000,
      bonuses: [{ label: 'Club', atPct: 150, amountMinor: 100000 }],
    };
    expect(parsePlanRules(accelerated)).toMatchObject(accelerated);
  });

  it('accepts percentages with two decimals', () => {
    expect(
      parsePlanRules({
        ...minimal,
        tiers: [
          { fromPct: 0, rateBp: 0 },
          { fromPct: 62.5, rateBp: 1000 },
        ],
      }).tiers[1],
    ).toEqual({
      fromPct: 62.5,
      rateBp: 1000,
    });
  });
});
