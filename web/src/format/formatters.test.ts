import { describe, expect, it } from 'vitest';
import { currencyDigits, makeFormatters } from './formatters.ts';

describe('workspace formatters', () => {
  it('formats minor units in the workspace currency and locale', () => {
    expect(makeFormatters('en-US', 'USD').money(123456)).toBe('$1,234.56');
    // Yen has no minor unit: 1500 minor units are 1,500 yen.
    expect(currencyDigits('ja-JP', 'JPY')).toBe(0);
    expect(makeFormatters('en-US', 'JPY').money(1500)).toBe('¥1,500');
    // German groups with a dot and puts the euro sign after the amount.
    expect(makeFormatters('de-DE', 'EUR').money(123456).replace(/\s/g, ' ')).toBe('1.234,56 €');
  });
  it('shows a dash for missing values instead of zero', () => {
    const fmt = makeFormatters('en-US', 'USD');
    expect(fmt.money(null)).toBe('–');
    expect(fmt.percent(undefined)).toBe('–');
    expect(fmt.number(Number.NaN)).toBe('–');
  });
  it('formats ratios as percentages and minutes as hours and minutes', () => {
    const fmt = makeFormatters('en-US', 'USD');
    expect(fmt.percent(0.6667)).toBe('66.7%');
    expect(fmt.minutes(45)).toBe('45 min');
    expect(fmt.minutes(125)).toBe('2 hr 5 min');
    expect(fmt.minutes(120)).toBe('2 hr');
  });
  it("shows an instant's time of day in the workspace's zone", () => {
    const at = '2026-11-30T10:32:00Z';
    expect(makeFormatters('en-GB', 'EUR', 'Europe/Berlin').time(at)).toBe('11:32');
    expect(makeFormatters('en-US', 'USD', 'America/New_York').time(at).replace(/\s/g, ' ')).toBe('5:32 AM');
    expect(makeFormatters('en-US', 'USD').time(null)).toBe('–');
  });
});
