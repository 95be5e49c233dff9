import { describe, expect, it } from 'vitest';
import { currencyDigits, parseAmountMinor } from './amount.ts';

describe('parseAmountMinor', () => {
  it('uses the currency digits: USD 2, JPY 0, BHD 3', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(parseAmountMinor('12000', 'USD', '.')).toBe(1_200_000);
    expect(parseAmountMinor('12000', 'JPY', '.')).toBe(12_000);
    expect(parseAmountMinor('1.5', 'BHD', '.')).toBe(1_500);
  });

  it('reads grouping and decimal separators without floating point error', () => {
    expect(parseAmountMinor('1,234.56', 'USD', '.')).toBe(123_456);
    expect(parseAmountMinor('1.234,56', 'EUR', ',')).toBe(123_456);
    expect(parseAmountMinor('1 234,5', 'EUR', ',')).toBe(123_450);
    expect(parseAmountMinor('$ 0.29', 'USD', '.')).toBe(29);
    expect(parseAmountMinor('EUR 19,99', 'EUR', ',')).toBe(1_999);
  });

  it('rounds half away from zero beyond the currency digits', () => {
    expect(parseAmountMinor('10.005', 'USD', '.')).toBe(1_001);
    expect(parseAmountMinor('10.004', 'USD', '.')).toBe(1_000);
  });

  it('rejects negative and non-numeric amounts with the reason', () => {
    expect(parseAmountMinor('-5', 'USD', '.')).toBe("amount '-5' is negative");
    expect(parseAmountMinor('(5.00)', 'USD', '.')).toBe("amount '(5.00)' is negative");
    expect(parseAmountMinor('12k', 'USD', '.')).toBe("amount '12k' is not a number (decimal separator '.')");
    expect(parseAmountMinor('1,2,3', 'EUR', ',')).toMatch(/not a number/);
  });
});
