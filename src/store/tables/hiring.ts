import type { ColumnType, Generated } from 'kysely';

/** Hiring tables (migration 0028); row <-> domain mapping lives with the queries in src/store/queries/hiring/. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type OpeningStatus = 'open' | 'closed';
export const CANDIDATE_STATUSES = [
  'applied',
  'interviewing',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];
export const CRITERION_KINDS = ['role_fit', 'past_achievement', 'acumen', 'culture_fit', 'custom'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export interface HiringOpeningsTable {
  id: Generated<number>;
  name: string;
  team_id: number | null;
  owner_id: number | null;
  scale_min: Generated<number>;
  scale_max: Generated<number>;
  status: Generated<OpeningStatus>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HiringCriteriaTable {
  id: Generated<number>;
  opening_id: number;
  name: string;
  kind: CriterionKind;
  weight: number;
  position: number;
}

export interface HiringCandidatesTable {
  id: Generated<number>;
  opening_id: number;
  name: string;
  email: string | null;
  status: Generated<CandidateStatus>;
  hired_user_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface HiringScoresTable {
  candidate_id: number;
  criterion_id: number;
  interviewer_id: number;
  score: number;
  note: string | null;
  scored_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
