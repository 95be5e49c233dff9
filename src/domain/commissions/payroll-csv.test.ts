import { describe, expect, it } from 'vitest';
import { majorUnits } from './money.ts';
import { payrollCsvText } from './payroll-csv.ts';

describe('payroll CSV', () => {
  it('writes minor units as exact major units in the currency', () => {
    expect(majorUnits(123456, 'USD')).toBe('1234.56');
    expect(majorUnits(-1250, 'USD')).toBe('-12.50');
    expect(majorUnits(5, 'EUR')).toBe('0.05');
    expect(majorUnits(123456, 'JPY')).toBe('123456');
    expect(majorUnits(1234567, 'KWD')).toBe('1234.567');
    // 10^12 minor units (and beyond 2^53 / 100) stay exact.
    expect(majorUnits(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
  });

  it('neutralises formulas in names and emails but not in the money columns', () => {
    const csv = payrollCsvText([
      {
        periodKey: '2026-11',
        userId: 7,
        userExternalId: '=1+1',
        email: 'rep@example.test',
        name: '@SUM(A1)',
        currency: 'USD',
        payoutMinor: -1250,
        status: 'locked',
        statementId: 42,
      },
    ]);
    expect(csv.split('\n')[1]).toBe(
      "2026-11,7,'=1+1,rep@example.test,'@SUM(A1),USD,-12.50,-1250,locked,42,COMM-2026-11-42",
    );
  });
});
