import { assertNever } from '../../errors.ts';

/*
 * Week-over-week pipeline changes (docs/coaching.md, "Pipeline changes"). The pipeline is the subject's open deals
 * whose expected close date falls in the close period (default: the quarter containing the week's last day), read
 * at the start and at the end of the week. Every deal in either snapshot, and every deal of the subject closed in
 * the week, gets exactly one primary category; the categories' effects add up from last week's pipeline to this
 * week's, per currency. The other changes a deal went through are its flags.
 */

/** Primary categories, in the order the reconciliation lists them. */
export const PIPELINE_CATEGORIES = [
  'added',
  'pulled_in',
  'reassigned_in',
  'amount_up',
  'amount_down',
  'moved_forward',
  'moved_back',
  'stalled',
  'unchanged',
  'won',
  'lost',
  'pushed',
  'reassigned_out',
  'removed',
] as const;
export type PipelineCategory = (typeof PIPELINE_CATEGORIES)[number];

/** Secondary flags: every change a deal went through in the week, whatever its primary category. */
export const PIPELINE_FLAGS = [
  'created',
  'moved_forward',
  'moved_back',
  'close_date_later',
  'close_date_earlier',
  'amount_up',
  'amount_down',
  'owner_changed',
  'stalled',
] as const;
export type PipelineFlag = (typeof PIPELINE_FLAGS)[number];

/** Days without a stage change or an activity on the deal after which an open deal is stalled (default). */
export const DEFAULT_STALLED_DAYS = 14;

/** A deal's state at one snapshot instant, when it was open then (whatever its owner or close date). */
export interface DealState {
  stagePosition: number;
  amountMinor: number;
  expectedCloseDate: string | null;
  ownerId: number | null;
  /** True when the owner is the subject's (the rep, or a member of the team). */
  ownerInScope: boolean;
  /** True when the expected close date falls in the close period. */
  closeInPeriod: boolean;
}

/** What the store reads about one deal for one week. */
export interface DealWeekFacts {
  opportunityId: number;
  name: string;
  currency: string;
  /** State at the start of the week, or null when it was not open then (not yet created, closed, reopened later). */
  start: DealState | null;
  /** State at the end of the week, or null when it is not open then. */
  end: DealState | null;
  createdInWeek: boolean;
  /** Won or lost with closed_at in the week (null: not closed in the week). */
  closedInWeek: 'won' | 'lost' | null;
  /** The amount it closed with (closed deals), in minor units. */
  closedAmountMinor: number | null;
  /** Open at the end with no stage change and no activity on it for the stalled days (see DEFAULT_STALLED_DAYS). */
  stalledAtEnd: boolean;
}

/** True when the deal was in the subject's pipeline at that snapshot. */
export function inPipeline(state: DealState | null): state is DealState {
  return state !== null && state.ownerInScope && state.closeInPeriod;
}

/** One classified deal: its category, flags and effect on the reconciliation (end value minus start value). */
export interface DealChange {
  opportunityId: number;
  name: string;
  currency: string;
  category: PipelineCategory;
  flags: PipelineFlag[];
  /** In last week's pipeline (open at the start, the subject's, closing in the period). */
  inStart: boolean;
  /** In this week's pipeline. */
  inEnd: boolean;
  /** Its value in last week's pipeline (0 when it was not in it). */
  startAmountMinor: number;
  /** Its value in this week's pipeline (0 when it is not in it). */
  endAmountMinor: number;
  /** endAmountMinor - startAmountMinor: what it adds to last week's pipeline to reach this week's. */
  effectMinor: number;
  /** The amount shown beside it: the closing amount for won and lost, the end value when in the pipeline, else the start value. */
  amountMinor: number;
  startStagePosition: number | null;
  endStagePosition: number | null;
  startCloseDate: string | null;
  endCloseDate: string | null;
}

/**
 * The primary category of a deal (null: the deal was in neither snapshot and did not close in the week, so it is
 * not part of this week's changes). Rules, first match wins:
 * 1. closed won / lost in the week and not open in the end pipeline: won / lost;
 * 2. in the start pipeline only: reassigned_out when it is open with another owner at the end, pushed when it is
 *    open with a close date outside the period (moved out, or cleared), else removed (left without a close in the
 *    week: a stage set to won/lost without closing, or an inconsistent record);
 * 3. in the end pipeline only: added when it was not open at the start (created in the week, or reopened),
 *    reassigned_in when the owner then was not the subject's, else pulled_in (close date moved into the period);
 * 4. in both: amount_up, amount_down, moved_forward, moved_back (net stage position change), stalled, unchanged.
 */
export function primaryCategory(d: DealWeekFacts): PipelineCategory | null {
  const wasIn = inPipeline(d.start);
  const isIn = inPipeline(d.end);
  if (d.closedInWeek !== null && !isIn) return d.closedInWeek;
  if (wasIn && !isIn) {
    if (d.end === null) return 'removed';
    return d.end.ownerInScope ? 'pushed' : 'reassigned_out';
  }
  if (!wasIn && isIn) {
    if (d.start === null) return 'added';
    return d.start.ownerInScope ? 'pulled_in' : 'reassigned_in';
  }
  if (wasIn && isIn) {
    const s = d.start!;
    const e = d.end!;
    if (e.amountMinor > s.amountMinor) return 'amount_up';
    if (e.amountMinor < s.amountMinor) return 'amount_down';
    if (e.stagePosition > s.stagePosition) return 'moved_forward';
    if (e.stagePosition < s.stagePosition) return 'moved_back';
    return d.stalledAtEnd ? 'stalled' : 'unchanged';
  }
  return null;
}

/** Every change the deal went through, as flags (a deal open at both ends is compared end against start). */
export function dealFlags(d: DealWeekFacts): PipelineFlag[] {
  const flags: PipelineFlag[] = [];
  const s = d.start;
  const e = d.end;
  for (const flag of PIPELINE_FLAGS) {
    let on: boolean;
    switch (flag) {
      case 'created':
        on = d.createdInWeek;
        break;
      case 'moved_forward':
        on = s !== null && e !== null && e.stagePosition > s.stagePosition;
        break;
      case 'moved_back':
        on = s !== null && e !== null && e.stagePosition < s.stagePosition;
        break;
      case 'close_date_later':
        on = s !== null && e !== null && laterDate(s.expectedCloseDate, e.expectedCloseDate);
        break;
      case 'close_date_earlier':
        on = s !== null && e !== null && laterDate(e.expectedCloseDate, s.expectedCloseDate);
        break;
      case 'amount_up':
        on = s !== null && e !== null && e.amountMinor > s.amountMinor;
        break;
      case 'amount_down':
        on = s !== null && e !== null && e.amountMinor < s.amountMinor;
        break;
      case 'owner_changed':
        on = s !== null && e !== null && s.ownerId !== e.ownerId;
        break;
      case 'stalled':
        on = d.stalledAtEnd;
        break;
      default:
        assertNever(flag, 'pipeline flag');
    }
    if (on) flags.push(flag);
  }
  return flags;
}

/** True when close date `b` is later than `a` (a cleared date counts as later: the deal has no date any more). */
function laterDate(a: string | null, b: string | null): boolean {
  if (a === b) return false;
  if (a === null) return false;
  if (b === null) return true;
  return b > a;
}

/** Classifies one deal; null when it is not part of the week's changes. */
export function classifyDeal(d: DealWeekFacts): DealChange | null {
  const category = primaryCategory(d);
  if (category === null) return null;
  const startAmountMinor = inPipeline(d.start) ? d.start.amountMinor : 0;
  const endAmountMinor = inPipeline(d.end) ? d.end.amountMinor : 0;
  const closed = category === 'won' || category === 'lost';
  return {
    opportunityId: d.opportunityId,
    name: d.name,
    currency: d.currency,
    category,
    flags: dealFlags(d),
    inStart: inPipeline(d.start),
    inEnd: inPipeline(d.end),
    startAmountMinor,
    endAmountMinor,
    effectMinor: endAmountMinor - startAmountMinor,
    amountMinor: closed
      ? (d.closedAmountMinor ?? startAmountMinor)
      : inPipeline(d.end)
        ? endAmountMinor
        : startAmountMinor,
    startStagePosition: d.start?.stagePosition ?? null,
    endStagePosition: d.end?.stagePosition ?? null,
    startCloseDate: d.start?.expectedCloseDate ?? null,
    endCloseDate: d.end?.expectedCloseDate ?? null,
  };
}

/** One line of the reconciliation: the deals of one category in one currency. */
export interface CategoryTotal {
  category: PipelineCategory;
  count: number;
  /** Sum of the deals' shown amounts (closing amount for won/lost). */
  amountMinor: number;
  /** Sum of the deals' effects: what this category adds to (or takes from) last week's pipeline. */
  effectMinor: number;
}

/** The reconciliation of one currency: start + sum of category effects = end. */
export interface CurrencyReconciliation {
  currency: string;
  startCount: number;
  startValueMinor: number;
  endCount: number;
  endValueMinor: number;
  categories: CategoryTotal[];
  /** Deals with each flag (all categories). */
  flags: Array<{ flag: PipelineFlag; count: number }>;
}

/**
 * Totals per currency (workspace currency first, then the others alphabetically; amounts are never converted),
 * with every category listed even when empty. Throws when the effects do not reconcile, which would be a bug in
 * the rules above: every deal of either snapshot has exactly one category, and its effect is end minus start.
 */
export function reconcile(deals: readonly DealChange[], workspaceCurrency: string): CurrencyReconciliation[] {
  const currencies = [...new Set([workspaceCurrency, ...deals.map((d) => d.currency)])].sort((a, b) =>
    a === workspaceCurrency ? -1 : b === workspaceCurrency ? 1 : a.localeCompare(b),
  );
  return currencies.map((currency) => {
    const mine = deals.filter((d) => d.currency === currency);
    const startValueMinor = sum(mine.map((d) => d.startAmountMinor));
    const endValueMinor = sum(mine.map((d) => d.endAmountMinor));
    const categories = PIPELINE_CATEGORIES.map((category) => {
      const of = mine.filter((d) => d.category === category);
      return {
        category,
        count: of.length,
        amountMinor: sum(of.map((d) => d.amountMinor)),
        effectMinor: sum(of.map((d) => d.effectMinor)),
      };
    });
    const effects = sum(categories.map((c) => c.effectMinor));
    if (startValueMinor + effects !== endValueMinor) {
      throw new Error(`pipeline changes do not reconcile in ${currency}: ${startValueMinor} + ${effects}`);
    }
    return {
      currency,
      startCount: mine.filter((d) => d.inStart).length,
      startValueMinor,
      endCount: mine.filter((d) => d.inEnd).length,
      endValueMinor,
      categories,
      flags: PIPELINE_FLAGS.map((flag) => ({
        flag,
        count: mine.filter((d) => d.flags.includes(flag)).length,
      })),
    };
  });
}

function sum(xs: readonly number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
