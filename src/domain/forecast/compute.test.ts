import { describe, expect, it } from 'vitest';
import { computeScope } from './compute.ts';
import type { ForecastInputs } from './inputs.ts';
import { deal } from './test-deal.ts';

// Q4 forecast made on its first day; 92 days ahead, 90-day look-back.
const inputs: ForecastInputs = {
  window: { start: '2026-10-01', end: '2027-01-01', asOfDate: '2026-10-01' },
  deals: [
    deal({ id: 1, ownerId: 1, amount: 10_000, probability: 0.5, expectedCloseDate: '2026-11-01' }),
    deal({ id: 2, ownerId: 2, amount: 20_000, probability: 0.25, expectedCloseDate: '2026-12-01' }),
  ],
  wonToDateByOwner: new Map(),
  lookbackDays: 90,
  lookbackWonByOwner: new Map([
    ['rep:1', { amount: 90_000, count: 9 }],
    ['rep:2', { amount: 45_000, count: 3 }],
  ]),
  priorWonByOwner: new Map([
    ['rep:1', 90_000],
    ['rep:2', 45_000],
  ]),
  reps: [
    { id: 1, hireDate: null, rampMonths: 0 },
    { id: 2, hireDate: '2025-01-01', rampMonths: 3 },
    // Hired 30 days ago: not in the look-back's wins yet, and (no ramp) at full output.
    { id: 3, hireDate: '2026-09-01', rampMonths: 0 },
  ],
  cycleStats: new Map(),
  slips: { days: [], counts: [] },
  calls: new Map(),
};

const company = { key: 'company', ownerKeys: null, repKeys: ['rep:1', 'rep:2', 'rep:3', 'rep:none'] };
const valueOf = (results: ReturnType<typeof computeScope>, method: string) =>
  results.find((r) => r.method === method)?.value;

describe('computeScope', () => {
  it('adds new reps to the run-rate at the output of a tenured rep', () => {
    // Base 135,000 / 90 x 92 = 138,000, flat trend. Tenured reps won 12 deals (6 each) in 90 days, so 6 x 92/90
    // deals a period at 11,250 average: the new rep adds 69,000.
    const r = computeScope(inputs, company, { seed: 1, iterations: 10 });
    expect(valueOf(r, 'run_rate')).toBe(207_000);
    const newRep = computeScope(
      inputs,
      { key: 'rep:3', ownerKeys: new Set(['rep:3']), repKeys: [] },
      { seed: 1, iterations: 10 },
    );
    expect(valueOf(newRep, 'run_rate')).toBe(69_000);
  });

  it('narrows every method to the owners of the scope', () => {
    const r = computeScope(inputs, company, { seed: 1, iterations: 10, methods: ['stage_weighted'] });
    expect(r.map((x) => [x.method, x.value])).toEqual([['stage_weighted', 10_000]]);
    const rep2 = computeScope(
      inputs,
      { key: 'rep:2', ownerKeys: new Set(['rep:2']), repKeys: [] },
      { seed: 1, iterations: 10, methods: ['stage_weighted', 'cycle_age'] },
    );
    // No cycle history: cycle-age falls back to the stage probability.
    expect(rep2.map((x) => x.value)).toEqual([5_000, 5_000]);
  });
});
