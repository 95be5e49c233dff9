import type { ColumnType, Generated } from 'kysely';
import type { DealCategory, DealType, MethodId } from '../../domain/forecast/types.ts';

/** Kysely types for the forecasting tables (migration 0004). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type ScopeType = 'rep' | 'team' | 'company';

export interface ForecastCallsTable {
  id: Generated<number>;
  period_key: string;
  scope_type: ScopeType;
  scope_id: number | null;
  kind: 'call' | 'override';
  amount_minor: number;
  currency: string;
  note: string | null;
  set_by: number | null;
  set_at: Timestamp;
}

export interface ForecastSnapshotsTable {
  id: Generated<number>;
  period_key: string;
  period_start: string;
  period_end: string;
  as_of: Timestamp;
  trigger: 'schedule' | 'manual';
  taken_by: number | null;
  seed: number;
  currency: string;
  created_at: CreatedAt;
}

export interface ForecastSnapshotValuesTable {
  snapshot_id: number;
  scope_key: string;
  scope_type: ScopeType;
  scope_id: number | null;
  method: MethodId;
  value_minor: number;
  won_to_date_minor: number;
  low_minor: number | null;
  high_minor: number | null;
  details: ColumnType<unknown, string, string>;
}

export interface ForecastSnapshotLinesTable {
  snapshot_id: number;
  opportunity_id: number;
  owner_id: number | null;
  pipeline_id: number;
  stage_id: number;
  type: DealType;
  amount_minor: number;
  probability_pct: number;
  forecast_category: DealCategory;
  forecast_amount_minor: number | null;
  expected_close_date: string | null;
  created_at: Timestamp;
}
