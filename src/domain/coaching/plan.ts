/**
 * Development plans and 30-day performance improvement plans (PIPs): the vocabulary shared by the store, the
 * API, the CLI and the web app. See docs/coaching.md, "Development plans" and "Performance improvement plans".
 */

export const PLAN_KINDS = ['development', 'pip'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** IQ: product and industry knowledge; EQ: empathy, assertiveness; BQ: consistent execution. */
export const SKILL_AREAS = ['IQ', 'EQ', 'BQ'] as const;
export type SkillArea = (typeof SKILL_AREAS)[number];

export const ACTION_KINDS = ['training', 'mentoring', 'reading', 'shadowing'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const COMPARISONS = ['at_least', 'at_most'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** 'plan': the target applies to the plan's whole span; 'weekly': to each plan week (PIPs). */
export const CADENCES = ['plan', 'weekly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** points: percentage points of a ratio (0.30 + 5 points = 0.35); percent: of the baseline (40 + 10% = 44). */
export const DELTA_UNITS = ['points', 'percent'] as const;
export type DeltaUnit = (typeof DELTA_UNITS)[number];

/** completed: development plans only; passed / extended / failed: PIPs only; withdrawn: either. */
export const OUTCOMES = ['completed', 'passed', 'extended', 'failed', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Which outcomes a plan kind may record. */
export function outcomesFor(kind: PlanKind): readonly Outcome[] {
  return kind === 'pip' ? ['passed', 'extended', 'failed', 'withdrawn'] : ['completed', 'withdrawn'];
}

/** A PIP's default length: 30 days including the first, so the end is start + 29. */
export const PIP_DAYS = 30;

export interface PlanSkill {
  area: SkillArea;
  skill: string;
  note: string;
}

export interface PlanAction {
  kind: ActionKind;
  description: string;
  ownerId: number | null;
  dueOn: string | null;
  doneAt: Date | null;
}

/** A target as a manager writes it: absolute, or relative to the rep's own baseline. */
export type TargetSpec =
  | { metricId: string; comparison: Comparison; cadence: Cadence; target: number }
  | {
      metricId: string;
      comparison: Comparison;
      cadence: Cadence;
      /** A period key ('2026-Q3', '2026-07-01..2026-09-30'); default: the quarter before the plan's start. */
      baselinePeriod?: string;
      delta: number;
      unit: DeltaUnit;
    };

/** A stored target: the spec plus what it resolved to when saved. */
export interface PlanTarget {
  id: number;
  metricId: string;
  comparison: Comparison;
  cadence: Cadence;
  /** Set for absolute targets. */
  absoluteTarget: number | null;
  /** Set for relative targets: the baseline period [start, end) and the delta. */
  relative: { baselineStart: string; baselineEnd: string; delta: number; unit: DeltaUnit } | null;
  /** The metric's value in the baseline period (relative targets), as measured when the target was saved. */
  baselineValue: number | null;
  /** The number the system checks: the absolute target, or baseline + delta (per week for weekly targets). */
  resolvedTarget: number;
  resolvedAt: Date;
}

export interface PlanCheckIn {
  id: number;
  authorId: number | null;
  authorName: string | null;
  onDate: string;
  note: string;
  createdAt: Date;
}

/** One plan with everything in it. */
export interface Plan {
  id: number;
  userId: number;
  userName: string;
  kind: PlanKind;
  title: string;
  summary: string;
  /** Inclusive local dates. */
  startOn: string;
  endOn: string;
  /** open: no outcome yet, or extended; closed: a final outcome was recorded. */
  state: 'open' | 'closed';
  outcome: Outcome | null;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  outcomeBy: number | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  skills: PlanSkill[];
  actions: PlanAction[];
  targets: PlanTarget[];
  checkIns: PlanCheckIn[];
}

/** Whether an outcome ends the plan: every one but 'extended'. */
export function isFinalOutcome(outcome: Outcome | null): boolean {
  return outcome !== null && outcome !== 'extended';
}
