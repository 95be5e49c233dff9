import type { ColumnType, Generated } from 'kysely';
import type { PlanRules, StatementInput, StatementResult } from '../../domain/commissions/types.ts';

/** Kysely types of the commission tables (migration 0030, docs/commissions.md). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb: read as the parsed value, written as JSON text (the store serialises). */
type Json<T> = ColumnType<T, string, string>;

export type StatementStatus = 'draft' | 'locked' | 'paid';
export type DisputeStatus = 'open' | 'accepted' | 'rejected';

export interface CommissionPlansTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  created_by: number | null;
  created_at: CreatedAt;
  archived_at: Timestamp | null;
}

export interface CommissionPlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  /** 'YYYY-MM-DD'. */
  effective_from: string;
  rules: Json<PlanRules>;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface CommissionAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  plan_id: number;
  /** 'YYYY-MM-DD', inclusive. */
  effective_from: string;
  /** 'YYYY-MM-DD', exclusive; null = open-ended. */
  effective_to: string | null;
  /** Overrides the quota goals; null = target from quotas. */
  target_minor: number | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface CommissionStatementsTable {
  id: Generated<number>;
  user_id: number;
  period_key: string;
  period_start: string;
  /** Exclusive. */
  period_end: string;
  currency: string;
  status: Generated<StatementStatus>;
  inputs: Json<StatementInput>;
  result: Json<StatementResult>;
  credited_minor: number;
  target_minor: number;
  attainment_pct: number;
  payout_minor: number;
  draw_balance_minor: Generated<number>;
  computed_at: Generated<Date>;
  computed_by: number | null;
  locked_at: Timestamp | null;
  locked_by: number | null;
  paid_at: Timestamp | null;
  paid_by: number | null;
}

export interface CommissionStatementLinesTable {
  id: Generated<number>;
  statement_id: number;
  line_no: number;
  kind: StatementResult['lines'][number]['kind'];
  segment: number | null;
  plan_version_id: number | null;
  opportunity_id: number | null;
  label: string;
  credited_minor: number | null;
  rate_bp: number | null;
  tier: number | null;
  attainment_from_pct: number | null;
  attainment_to_pct: number | null;
  amount_minor: number;
  from_period_key: string | null;
  dispute_id: number | null;
  explanation: Generated<string>;
}

export interface CommissionDisputesTable {
  id: Generated<number>;
  statement_id: number;
  line_id: number | null;
  raised_by: number;
  comment: string;
  status: Generated<DisputeStatus>;
  resolution: string | null;
  adjustment_minor: number | null;
  resolved_by: number | null;
  resolved_at: Timestamp | null;
  applied_in_statement_id: number | null;
  created_at: CreatedAt;
}
