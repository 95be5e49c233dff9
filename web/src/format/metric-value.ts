import type { MetricUnit, MetricValue } from '../api/types/metrics.ts';
import { t } from '../i18n/t.ts';
import type { Formatters } from './formatters.ts';

/**
 * Formats a metric value by its unit; the number itself always comes from the API. `compact` rounds money to
 * whole units (KPI tiles).
 */
export function formatMetric(
  fmt: Formatters,
  unit: MetricUnit | undefined,
  value: number | null | undefined,
  compact = false,
): string {
  switch (unit) {
    case 'money':
      return compact ? fmt.moneyWhole(value) : fmt.money(value);
    case 'ratio':
      return fmt.percent(value);
    case 'minutes':
      return fmt.minutes(value);
    case 'days':
      return value === null || value === undefined
        ? fmt.number(value)
        : t('unit.days', { count: value, n: fmt.number(value) });
    case 'months':
      return value === null || value === undefined
        ? fmt.number(value)
        : t('unit.months', { count: value, n: fmt.number(value) });
    case 'points':
      return fmt.number(value, 1);
    case 'count':
    case undefined:
      return fmt.number(value);
  }
}

/** The hover text of a ratio: "12 / 40"; nothing for plain counts. */
export function partsTitle(
  fmt: Formatters,
  unit: MetricUnit | undefined,
  v: MetricValue | undefined,
): string | undefined {
  if (!v || v.numerator === undefined || v.denominator === undefined) return undefined;
  // Money metrics divide money by a count (average deal size, CAC); other parts are plain numbers.
  const numerator = unit === 'money' ? fmt.money(v.numerator) : fmt.number(v.numerator, 2);
  return t('metric.parts', { numerator, denominator: fmt.number(v.denominator, 2) });
}
