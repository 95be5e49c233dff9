import type { MetricUnit } from './metrics.ts';

/** Statuses computed by the server (docs/coaching.md). */
export type PlanStatusValue = 'not_started' | 'on_track' | 'behind' | 'met' | 'not_met' | 'no_data';

export interface PlanWindow {
  start: string;
  endExclusive: string;
  target: number;
  expectedToDate: number;
  actual: number | null;
  elapsedShare: number;
  status: PlanStatusValue;
}

export interface PlanTargetStatus {
  targetId: number;
  metricId: string;
  metricLabel: string;
  unit: MetricUnit;
  comparison: 'at_least' | 'at_most';
  cadence: 'plan' | 'weekly';
  resolvedTarget: number;
  status: PlanStatusValue;
  windows: PlanWindow[];
}

export interface PlanStatus {
  planId: number;
  asOf: string;
  status: PlanStatusValue;
  targets: PlanTargetStatus[];
  weeks: { week: number; start: string; endExclusive: string; checkIns: number; started: boolean }[];
}

/** One plan of GET /api/coaching/plans ({ plans }) and GET /api/coaching/plans/:id. */
export interface Plan {
  id: number;
  userId: number;
  userName: string;
  kind: 'development' | 'pip';
  title: string;
  summary: string;
  startOn: string;
  endOn: string;
  state: 'open' | 'closed';
  outcome: string | null;
  outcomeNote: string | null;
  skills: { area: 'IQ' | 'EQ' | 'BQ'; skill: string; note: string }[];
  actions: {
    kind: string;
    description: string;
    ownerId: number | null;
    dueOn: string | null;
    doneAt: string | null;
  }[];
  targets: {
    id: number;
    metricId: string;
    comparison: 'at_least' | 'at_most';
    cadence: 'plan' | 'weekly';
    absoluteTarget: number | null;
    relative: {
      baselineStart: string;
      baselineEnd: string;
      delta: number;
      unit: 'points' | 'percent';
    } | null;
    baselineValue: number | null;
    resolvedTarget: number;
  }[];
  checkIns: { id: number; authorName: string | null; onDate: string; note: string }[];
  status: PlanStatus;
}

export const PLAN_FIELDS = [
  'id',
  'userId',
  'userName',
  'kind',
  'title',
  'startOn',
  'endOn',
  'state',
  'outcome',
  'skills',
  'actions',
  'targets',
  'checkIns',
  'status',
] as const satisfies readonly (keyof Plan)[];
