import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the routing tables (migration 0022); row mapping lives in one file per table beside this. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type RouteOn = 'off' | 'sql' | 'created';
export type AssignmentKind = 'initial' | 'sla_reassign' | 'manual';

export interface RoutingSettingsTable {
  id: Generated<number>;
  route_on: Generated<RouteOn>;
  reassign_on_sla_breach: Generated<boolean>;
  max_sla_reassignments: Generated<number>;
  updated_at: UpdatedAt;
}

export interface RoutingRepsTable {
  user_id: number;
  weight: Generated<number>;
  max_open_leads: number | null;
  time_zone: string | null;
  working_days: number[] | null;
  work_start_minute: number | null;
  work_end_minute: number | null;
  updated_at: UpdatedAt;
}

export interface OutOfOfficeTable {
  id: Generated<number>;
  user_id: number;
  /** 'YYYY-MM-DD', inclusive, in the rep's zone. */
  starts_on: string;
  ends_on: string;
  note: string | null;
  created_by: number | null;
  created_at: CreatedAt;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  name: string;
  position: number;
  active: Generated<boolean>;
  countries: string[] | null;
  regions: string[] | null;
  industries: string[] | null;
  min_company_size: number | null;
  max_company_size: number | null;
  account_ids: number[] | null;
  rep_ids: Generated<number[]>;
  team_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RoutingRoundRobinTable {
  rule_id: number;
  user_id: number;
  current_weight: Generated<number>;
}

export interface LeadAssignmentsTable {
  id: Generated<number>;
  lead_id: number;
  user_id: number;
  previous_user_id: number | null;
  rule_id: number | null;
  kind: AssignmentKind;
  reason: string;
  trace: Generated<unknown>;
  assigned_at: Timestamp;
  respond_by: Timestamp | null;
  assigned_by: number | null;
  /** The lead's score when it was assigned (0025: filled by a trigger from lead_scores; null if never scored). */
  lead_score: number | null;
}
