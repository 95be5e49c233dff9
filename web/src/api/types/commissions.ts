import type { ApiNotice } from '../../components/notice-text.tsx';
import type {
  CurvePoint,
  DealType,
  PlanRules,
  StatementLine,
  StatementTotals,
} from '../../../../src/domain/commissions/types.ts';

// The commissions vocabulary is shared with the engine (src/domain/commissions/types.ts); these are the HTTP
// shapes of the commissions API around it (/work COMMISSIONS.md contract, docs/commissions.md).
export type { CurvePoint, DealType, PlanRules, StatementLine, StatementTotals };

export type StatementStatus = 'draft' | 'locked' | 'paid';
export type DisputeStatus = 'open' | 'accepted' | 'rejected';

/** One plan version of GET /api/commissions/plans. */
export interface CommissionPlanVersion {
  id: number;
  version: number;
  effectiveFrom: string;
  rules: PlanRules;
}

/** One assignment of a plan to a person, with an optional target override (minor units). */
export interface CommissionAssignment {
  id: number;
  userId: number;
  userName: string;
  planId: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Overrides the target from quotas; null = from quotas. */
  targetMinor: number | null;
}

/** One plan of GET /api/commissions/plans ({ plans }) and of POST /plans and /plans/:id/versions. */
export interface CommissionPlan {
  id: number;
  name: string;
  description: string;
  archived: boolean;
  versions: CommissionPlanVersion[];
  assignments: CommissionAssignment[];
}

export const COMMISSION_PLAN_FIELDS = [
  'id',
  'name',
  'description',
  'archived',
  'versions',
  'assignments',
] as const satisfies readonly (keyof CommissionPlan)[];

/** POST /api/commissions/runs: what a run did. */
export interface CommissionRun {
  periodKey: string;
  statements: number;
  drafts: number;
  skippedLocked: number;
  payoutByCurrency: { currency: string; payoutMinor: number }[];
}

export const COMMISSION_RUN_FIELDS = [
  'periodKey',
  'statements',
  'drafts',
  'skippedLocked',
  'payoutByCurrency',
] as const satisfies readonly (keyof CommissionRun)[];

/** One row of GET /api/commissions/statements ({ statements }). */
export interface StatementSummary {
  id: number;
  userId: number;
  userName: string;
  periodKey: string;
  status: StatementStatus;
  currency: string;
  creditedMinor: number;
  targetMinor: number;
  attainmentPct: number;
  payoutMinor: number;
  openDisputes: number;
}

/** The statement header of GET /api/commissions/statements/:id. */
export interface StatementHeader extends StatementSummary {
  /** [periodStart, periodEnd): periodEnd is exclusive. */
  periodStart: string;
  periodEnd: string;
  computedAt: string;
  lockedAt: string | null;
  paidAt: string | null;
}

/** One stretch of the period under one plan version (a mid-period plan change starts a new one). */
export interface StatementSegmentInfo {
  from: string;
  to: string;
  planId: number;
  planName: string;
  planVersion: number;
  targetMinor: number;
}

export interface StatementLineRow extends StatementLine {
  id: number;
  lineNo: number;
}

/** A dispute of GET /api/commissions/statements/:id and GET /api/commissions/disputes ({ disputes }). */
export interface Dispute {
  id: number;
  statementId: number;
  lineId: number | null;
  raisedBy: number;
  raisedByName: string;
  /** The statement's person, period and currency. */
  personName: string;
  periodKey: string;
  currency: string;
  comment: string;
  status: DisputeStatus;
  resolution: string | null;
  adjustmentMinor: number | null;
  /** The statement an accepted adjustment was paid in, once it is. */
  appliedInStatementId: number | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** GET /api/commissions/statements/:id. */
export interface StatementDetail {
  statement: StatementHeader;
  segments: StatementSegmentInfo[];
  lines: StatementLineRow[];
  totals: StatementTotals;
  curve: CurvePoint[];
  /** Notes a reader must see (no target, excluded currency) in English; the engine's StatementResult.warnings. */
  warnings: string[];
  /** The same notes as codes and values (shown translated); null on statements computed before notices existed. */
  notices: ApiNotice[] | null;
  disputes: Dispute[];
}

export const STATEMENT_DETAIL_FIELDS = [
  'statement',
  'segments',
  'lines',
  'totals',
  'curve',
  'warnings',
  'notices',
  'disputes',
] as const satisfies readonly (keyof StatementDetail)[];

/** GET /api/commissions/estimate?opportunityId=: the viewer's payout now and if this open deal were won today. */
export interface DealEstimate {
  currency: string;
  payoutNowMinor: number;
  payoutIfWonMinor: number;
  differenceMinor: number;
  periodKey: string;
  lines: StatementLine[];
}

export const ESTIMATE_FIELDS = [
  'currency',
  'payoutNowMinor',
  'payoutIfWonMinor',
  'differenceMinor',
  'periodKey',
  'lines',
] as const satisfies readonly (keyof DealEstimate)[];

/** One period of a what-if: the plan's cost on that period's actual credited deals. */
export interface WhatIfPeriod {
  periodKey: string;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  revenueMinor: number;
  payoutMinor: number;
  /** Payout / revenue x 100; null without revenue. */
  costOfSalesPct: number | null;
  repsOverTarget: number;
  reps: number;
}

export interface WhatIfTotals {
  revenueMinor: number;
  payoutMinor: number;
  costOfSalesPct: number | null;
  /** Person-periods at or over target, of all person-periods. */
  repsOverTarget: number;
  reps: number;
  baselineRevenueMinor: number;
  baselinePayoutMinor: number;
  baselineCostOfSalesPct: number | null;
  /** Payout under the proposed plan minus under today's plans. */
  differenceMinor: number;
}

export interface WhatIfSimulated {
  runs: number;
  meanPct: number;
  sdPct: number;
  seed: number;
  /** The target the payout curve is drawn for (one person). */
  curveTargetMinor: number;
  payoutCurve: { attainmentPct: number; payoutMinor: number }[];
  p10: number;
  p50: number;
  p90: number;
  costOfSalesPct: number | null;
}

/** POST /api/commissions/what-if: money in minor units of `currency` (the proposed plan's). */
export interface WhatIfResult {
  currency: string;
  people: { userId: number; name: string; currentPlan: string | null }[];
  periods: WhatIfPeriod[];
  /** The same periods under the people's current plans. */
  baseline: WhatIfPeriod[];
  totals: WhatIfTotals;
  simulated?: WhatIfSimulated;
  warnings: string[];
  /** The warnings as codes and values, in the same order. */
  notices: ApiNotice[];
}

export const WHAT_IF_FIELDS = [
  'periods',
  'baseline',
  'totals',
] as const satisfies readonly (keyof WhatIfResult)[];

export interface WhatIfRequest {
  rules: PlanRules;
  periods: number;
  userIds?: number[];
  simulation?: { runs: number; meanPct: number; sdPct: number; seed: number };
}
