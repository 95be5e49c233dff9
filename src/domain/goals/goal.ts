import type { Grain } from '../calendar/period.ts';

/** Who a goal is for: one rep, a team (its members' combined numbers), or the whole company. */
export type GoalScopeType = 'user' | 'team' | 'company';
/** at_least: more is better (calls, revenue); at_most: a ceiling (response time in business minutes). */
export type GoalDirection = 'at_least' | 'at_most';

/** A goal: a target for one metric, per period of a grain. */
export interface Goal {
  id: number;
  externalId: string | null;
  name: string;
  metricId: string;
  scopeType: GoalScopeType;
  /** User or team id; null for company goals. */
  scopeId: number | null;
  grain: Grain;
  /** A fixed period ('2026-Q4'); null = recurring, every period of the grain. */
  periodKey: string | null;
  target: number;
  direction: GoalDirection;
  /** The template it was created from, if any. */
  template: string | null;
  createdBy: number | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a user supplies to create a goal. */
export interface GoalInput {
  name: string;
  metricId: string;
  scopeType: GoalScopeType;
  scopeId: number | null;
  grain: Grain;
  periodKey: string | null;
  target: number;
  direction: GoalDirection;
  template: string | null;
}

/** True when `actual` meets `target` in the goal's direction (used for streaks and "goal met"). */
export function goalMet(direction: GoalDirection, actual: number | null, target: number): boolean {
  if (actual === null) return false;
  return direction === 'at_least' ? actual >= target : actual <= target;
}
