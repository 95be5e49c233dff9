import type { LineReason } from './line-reasons.ts';
import type { StatementNotice } from '../notices.ts';
/**
 * The vocabulary of commissions (issue 17, docs/commissions.md): a plan's rules, what a statement is computed
 * from and what it holds. Pure data: the store loads inputs, src/domain/commissions computes, the store keeps the
 * result. Money is integer minor units in the plan's currency; rates are basis points (1000 = 10%); attainment is
 * a percentage of target (100 = on target); dates are local ISO dates (YYYY-MM-DD), ranges half-open [from, to).
 */

export type DealType = 'new_business' | 'upsell' | 'renewal';
export const DEAL_TYPES: readonly DealType[] = ['new_business', 'upsell', 'renewal'];

export type PlanPeriod = 'month' | 'quarter' | 'year';

/** One attainment band: from `fromPct` (inclusive) up to the next tier's fromPct the rate is `rateBp`. */
export interface Tier {
  fromPct: number;
  rateBp: number;
}

/** A flat bonus paid once in a period when attainment reaches `atPct`. */
export interface TargetBonus {
  label: string;
  atPct: number;
  amountMinor: number;
}

/** A bonus per credited deal of a product and/or type whose credit date is in [from, to). */
export interface Spif {
  label: string;
  from: string;
  to: string;
  /** Matches opportunities.product exactly; null = any product. */
  product: string | null;
  /** null = any type. At least one of product and dealType is set. */
  dealType: DealType | null;
  /** Per deal, times the person's share of it. */
  amountMinor: number;
}

/** A guaranteed amount per period: paid up to it when earnings fall short; recoverable draws are paid back later. */
export interface Draw {
  amountMinor: number;
  recoverable: boolean;
}

/** The rules of one plan version; stored as JSON in commission_plan_versions.rules and validated on write. */
export interface PlanRules {
  /**
   * ISO 4217. Deals are credited in the workspace currency (converted by the rate of their credit date); a deal
   * still in another currency (no rate in effect) is listed as excluded.
   */
  currency: string;
  period: PlanPeriod;
  /** When a won deal counts: its close date, or its invoice paid date (opportunities.paid_on). */
  creditOn: 'close' | 'paid';
  /**
   * marginal: each slice of credited amount earns the rate of the tier its attainment falls in (a deal crossing a
   * tier boundary is split into two lines); retroactive: the period's final attainment picks one rate for all.
   */
  tierMode: 'marginal' | 'retroactive';
  /** Ascending by fromPct; the first starts at 0. A rate of 0 below a threshold is a decelerator. */
  tiers: Tier[];
  /** Flat rates for deal types paid outside the tiers (e.g. renewals at 3%); types absent here use the tiers. */
  typeRates: Partial<Record<DealType, number>>;
  /** Deal types whose credited amount counts toward attainment. */
  attainmentTypes: DealType[];
  /** Most commission (tiered and type-rate lines, not bonuses or SPIFs) per period; null = uncapped. */
  capMinor: number | null;
  bonuses: TargetBonus[];
  spifs: Spif[];
  draw: Draw | null;
  /** Apply the person's ramp (users.hire_date, users.ramp_months: month k of n carries k/n of the target). */
  ramp: boolean;
  /** Credit a manager with every deal of the people under them (roll-up); their own deals stay credited too. */
  rollUp: boolean;
  /** A customer ending within this many days of its start takes the commission on its deals back; null = never. */
  clawbackDays: number | null;
}

/** How a person came to be credited with a deal. */
export type CreditRole = 'owner' | 'split' | 'roll_up';

/** A won deal credited to the person in the statement's period. */
export interface CreditedDeal {
  opportunityId: number;
  name: string;
  /** Local date the deal counts (close or paid date, per the plan). */
  creditedOn: string;
  type: DealType;
  product: string | null;
  /** The workspace currency when the store converted the deal; the deal's own when no rate was in effect. */
  currency: string;
  /** The deal's whole amount (converted, when it was). */
  amountMinor: number;
  /**
   * The deal's own currency and amount when the store converted it to the workspace currency by the rate in
   * effect on creditedOn (docs/localization.md, "Money in more than one currency"); absent otherwise.
   */
  convertedFrom?: { currency: string; amountMinor: number };
  /** The person's share in basis points (10000 when not split). */
  shareBp: number;
  /** round(amountMinor x shareBp / 10000), computed by the store with the documented rounding. */
  creditedMinor: number;
  role: CreditRole;
}

/**
 * One stretch of the period under one plan version: a plan change (or a new assignment) mid-period starts a
 * new segment. Deals credited in [from, to) are computed under it, against its target.
 */
export interface StatementSegment {
  from: string;
  to: string;
  planId: number;
  planVersionId: number;
  rules: PlanRules;
  /** The segment's target: the period target x the segment's share of the period's days, ramped, rounded. */
  targetMinor: number;
}

/** A customer that churned in the period: its deals' commission already paid in locked statements. */
export interface ClawbackInput {
  customerId: number;
  customerName: string;
  startedOn: string;
  endedOn: string;
  /** Per deal: the net commission this person was paid on it in locked statements. */
  paidByDeal: Array<{ opportunityId: number; name: string; paidMinor: number }>;
}

/** An amount owed for an earlier, locked period (recomputed difference or an accepted dispute). */
export interface AdjustmentInput {
  fromPeriodKey: string;
  opportunityId: number | null;
  label: string;
  amountMinor: number;
  /** 'recompute': a deal changed after lock; 'dispute': an admin accepted a dispute with this amount. */
  source: 'recompute' | 'dispute';
  disputeId: number | null;
}

export interface StatementInput {
  userId: number;
  periodKey: string;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  segments: StatementSegment[];
  deals: CreditedDeal[];
  clawbacks: ClawbackInput[];
  adjustments: AdjustmentInput[];
  /** Unrecovered recoverable draw carried in from the previous period (>= 0). */
  drawBalanceMinor: number;
}

export type LineKind =
  | 'commission'
  | 'type_rate'
  | 'cap'
  | 'bonus'
  | 'spif'
  | 'clawback'
  | 'adjustment'
  | 'draw'
  | 'draw_recovery'
  | 'excluded';

/** One line of a statement; every amount traces to its inputs through these fields. */
export interface StatementLine {
  kind: LineKind;
  /** Index into segments (null for lines not tied to one, e.g. adjustments). */
  segment: number | null;
  opportunityId: number | null;
  label: string;
  creditedMinor: number | null;
  rateBp: number | null;
  /** Index of the tier used (marginal or retroactive), null when no tier applies. */
  tier: number | null;
  /** Attainment before and after this line's credited amount, in percent (tiered lines only). */
  attainmentFromPct: number | null;
  attainmentToPct: number | null;
  amountMinor: number;
  /** Where an adjustment comes from. */
  fromPeriodKey: string | null;
  /** Plain-English reason, e.g. "10.00% on 4,000.00 of 6,000.00 (tier 2: 50-100%)". */
  explanation: string;
  /**
   * The same reason as data, which `explanation` is rendered from (line-reasons.ts), so readers in other
   * languages get it in theirs. Every computed line has one; absent on lines stored before it existed.
   */
  reason?: LineReason;
}

/** One point of the attainment curve, after each credited deal in credit order. */
export interface CurvePoint {
  date: string;
  opportunityId: number;
  creditedToDateMinor: number;
  attainmentPct: number;
  commissionToDateMinor: number;
}

export interface StatementTotals {
  creditedMinor: number;
  targetMinor: number;
  attainmentPct: number;
  commissionMinor: number;
  bonusMinor: number;
  spifMinor: number;
  clawbackMinor: number;
  adjustmentMinor: number;
  drawMinor: number;
  /** What payroll pays: the sum of every line's amount. */
  payoutMinor: number;
}

export interface StatementResult {
  currency: string;
  lines: StatementLine[];
  totals: StatementTotals;
  curve: CurvePoint[];
  /** Recoverable draw still owed after this period. */
  drawBalanceMinor: number;
  /** Plain-English notes a reader must see, e.g. "no target: tiered deals earn the on-target rate". */
  warnings: string[];
  /**
   * The same notes as codes and values, for readers in other languages; absent on statements computed before
   * notices existed (their readers get the English warnings).
   */
  notices?: StatementNotice[];
}
