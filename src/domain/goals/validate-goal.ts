import { parsePeriod, type PeriodCalendar } from '../calendar/period.ts';
import { getMetric } from '../metrics/registry.ts';
import type { ErrorDetail } from '../../errors.ts';
import type { GoalInput } from './goal.ts';

/**
 * Every problem with a goal, collected so the user fixes them in one pass: unknown metric, scope id missing or
 * present for company goals, a fixed period that is not of the goal's grain, a negative or non-finite target.
 */
export function validateGoalInput(input: GoalInput, cal: PeriodCalendar): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (input.name.trim().length === 0)
    errors.push({ field: 'name', reason: 'must not be empty', rule: 'required' });
  if (!getMetric(input.metricId)) {
    errors.push({
      field: 'metricId',
      value: input.metricId,
      reason: 'no metric with this id (see GET /api/metrics)',
    });
  }
  if (input.scopeType === 'company' && input.scopeId !== null) {
    errors.push({ field: 'scopeId', value: String(input.scopeId), reason: 'company goals have no scope id' });
  }
  if (input.scopeType !== 'company' && input.scopeId === null) {
    errors.push({ field: 'scopeId', reason: `a ${input.scopeType} goal needs the ${input.scopeType} id` });
  }
  if (!Number.isFinite(input.target) || input.target < 0) {
    errors.push({ field: 'target', value: String(input.target), reason: 'must be a number >= 0' });
  }
  if (input.periodKey !== null) {
    try {
      const p = parsePeriod(input.periodKey, cal);
      if (p.grain !== input.grain) {
        errors.push({
          field: 'periodKey',
          value: input.periodKey,
          reason: `is a ${p.grain} period but the goal's grain is ${input.grain}`,
        });
      }
    } catch {
      errors.push({
        field: 'periodKey',
        value: input.periodKey,
        reason: 'not a period key (e.g. 2026-11, 2026-Q4, 2026-W47)',
      });
    }
  }
  return errors;
}
