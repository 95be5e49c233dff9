import type { PlanRules } from '../../../domain/commissions/types.ts';

/**
 * Validates plan rules on write, naming the field of the first problem (AppError 'validation').
 * TEMPORARY until the engine's parsePlanRules lands: routes check the shape with PlanRulesSchema first.
 */
export function checkRules(value: unknown): PlanRules {
  return value as PlanRules;
}
