import { assertNever } from '../../errors.ts';
import type { MetricUnit } from './definition.ts';

/** Digits after the decimal point of a currency's minor unit (2 for USD, 0 for JPY). */
export function minorUnitDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** A metric value for people: money in the workspace currency, ratios as percentages, durations with a unit. */
export function formatMetricValue(
  value: number | null,
  unit: MetricUnit,
  locale: string,
  currency: string,
): string {
  if (value === null) return '-';
  switch (unit) {
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'money': {
      const digits = minorUnitDigits(currency);
      const major = value / 10 ** digits;
      // Whole amounts without cents ($1,200), others with all of them ($12,458.70), never $12,458.7.
      const fraction = Number.isInteger(Math.round(major * 10 ** digits) / 10 ** digits) ? 0 : digits;
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: fraction,
        maximumFractionDigits: digits,
      }).format(major);
    }
    case 'ratio':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'minutes':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} min`;
    case 'days':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} d`;
    case 'months':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} mo`;
    case 'points':
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} pts`;
    default:
      return assertNever(unit, 'unit');
  }
}
