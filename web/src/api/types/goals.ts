import type { Grain } from './metrics.ts';

/** A goal (GET /api/goals items, POST /api/goals). Quotas are goals on a revenue metric. */
export interface Goal {
  id: number;
  name: string;
  metricId: string;
  scopeType: 'user' | 'team' | 'company';
  scopeId: number | null;
  grain: Grain;
  periodKey: string | null;
  target: number;
  direction: 'at_least' | 'at_most';
}

/** What POST /api/goals takes. */
export type NewGoal = Omit<Goal, 'id'>;

export const GOAL_FIELDS = [
  'id',
  'name',
  'metricId',
  'scopeType',
  'scopeId',
  'grain',
  'target',
] as const satisfies readonly (keyof Goal)[];

/** Pacing status (src/domain/pacing/pacing.ts). */
export type PaceStatus = 'on_track' | 'at_risk' | 'behind' | 'no_data';

/** The pacing numbers of one goal in its current period (src/domain/pacing/pacing.ts Pacing). */
export interface Pacing {
  actual: number | null;
  target: number;
  expectedToDate: number;
  projected: number | null;
  elapsedShare: number;
  remainingBusinessDays: number;
  requiredPerBusinessDay: number | null;
  status: PaceStatus;
}

/** One item of GET /api/goals/pacing: the goal, its current period and its pacing. */
export interface GoalPacing {
  goal: Goal;
  period: { key: string; start: string; end: string };
  scopeName?: string;
  pacing: Pacing;
}
