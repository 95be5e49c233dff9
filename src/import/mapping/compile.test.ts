import { describe, expect, it } from 'vitest';
import { MappingSpecSchema } from './mapping-spec.ts';
import { compileMapping, type CompiledMapping } from './compile.ts';

const spec = MappingSpecSchema.parse({
  source: 'custom',
  entity: 'opportunities',
  label: 'test',
  dateFormat: ['YYYY-MM-DD'],
  fields: {
    name: 'Name',
    stage: 'Stage',
    createdAt: 'Created',
    status: 'Status',
    currency: 'Currency',
    probability: 'Probability',
    leadSource: 'Source',
  },
});
const headers = ['Name', 'Stage', 'Created', 'Status', 'Currency', 'Probability', 'Source'];

describe('a row’s cell problems carry the rule a client translates', () => {
  it('names required, invalid date, one_of (with the allowed values), currency, number and too_long', () => {
    const m = compileMapping(spec, headers, { timeZone: 'UTC', currency: 'USD' }, 'f.csv') as CompiledMapping;
    const { errors } = m.parseRow(['', 'Won', '2026-13-40', 'maybe', 'XX1', 'lots', 'x'.repeat(201)]);
    // Currency is read first (amounts need its digits), so the order is not the columns'.
    expect(errors).toHaveLength(6);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: 'required value is empty', rule: 'required' },
        expect.objectContaining({ field: 'createdAt', value: '2026-13-40', rule: 'invalid_date' }),
        expect.objectContaining({
          field: 'status',
          value: 'maybe',
          rule: 'one_of',
          allowed: ['open', 'won', 'lost'],
        }),
        expect.objectContaining({ field: 'currency', value: 'XX1', rule: 'invalid_currency' }),
        expect.objectContaining({ field: 'probability', value: 'lots', rule: 'not_a_number' }),
        expect.objectContaining({ field: 'leadSource', rule: 'too_long', limit: 200 }),
      ]),
    );
    for (const e of errors) expect(e.reason).not.toBe('');
  });

  it('a required field without a column is reported against the header with rule required', () => {
    const errors = compileMapping(spec, ['Name', 'Stage'], { timeZone: 'UTC', currency: 'USD' }, 'f.csv');
    expect(errors).toEqual([
      {
        file: 'f.csv',
        line: 1,
        field: 'createdAt',
        reason: 'required field: column "Created" is missing',
        rule: 'required',
      },
    ]);
  });
});
