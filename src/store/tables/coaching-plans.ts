import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the coaching plan tables (migration 0027); rows are mapped in src/store/queries/coaching/. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CoachingPlansTable {
  id: Generated<number>;
  user_id: number;
  kind: 'development' | 'pip';
  title: string;
  summary: Generated<string>;
  /** 'YYYY-MM-DD', inclusive. */
  start_on: string;
  /** 'YYYY-MM-DD', inclusive. */
  end_on: string;
  outcome: 'completed' | 'passed' | 'extended' | 'failed' | 'withdrawn' | null;
  outcome_note: string | null;
  outcome_at: Timestamp | null;
  outcome_by: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CoachingPlanSkillsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  area: 'IQ' | 'EQ' | 'BQ';
  skill: string;
  note: Generated<string>;
}

export interface CoachingPlanActionsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  kind: 'training' | 'mentoring' | 'reading' | 'shadowing';
  description: string;
  owner_id: number | null;
  due_on: string | null;
  done_at: Timestamp | null;
}

export interface CoachingPlanTargetsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  metric_id: string;
  comparison: 'at_least' | 'at_most';
  cadence: 'plan' | 'weekly';
  absolute_target: number | null;
  /** Baseline period of a relative target: start inclusive, end exclusive. */
  baseline_start: string | null;
  baseline_end: string | null;
  delta: number | null;
  delta_unit: 'points' | 'percent' | null;
  baseline_value: number | null;
  resolved_target: number;
  resolved_at: CreatedAt;
}

export interface CoachingPlanCheckInsTable {
  id: Generated<number>;
  plan_id: number;
  author_id: number | null;
  on_date: string;
  note: string;
  created_at: CreatedAt;
}
