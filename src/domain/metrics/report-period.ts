import {
  checkReportDate,
  customPeriod,
  parsePeriod,
  type Period,
  type PeriodCalendar,
} from '../calendar/period.ts';
import { AppError } from '../../errors.ts';

/** How a caller names the report period: a period key, or inclusive from/to dates. */
export interface PeriodInput {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The report period from a key ('2026-Q3', 'FY2027', ...) or from/to dates; a key wins over dates. */
export function resolveReportPeriod(input: PeriodInput, cal: PeriodCalendar): Period {
  if (input.period) return parsePeriod(input.period, cal);
  if (input.from && input.to) {
    checkReportDate(input.from, 'from');
    checkReportDate(input.to, 'to');
    return customPeriod(input.from, input.to);
  }
  const details = [];
  if (!input.from) details.push({ field: 'from', reason: 'give a period key or both from and to' });
  if (!input.to) details.push({ field: 'to', reason: 'give a period key or both from and to' });
  throw new AppError('validation', 'No report period: give period, or from and to', details);
}
