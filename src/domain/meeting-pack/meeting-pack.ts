import { addDays } from '../calendar/local-date.ts';
import {
  parsePeriod,
  periodContaining,
  previousPeriod,
  type Period,
  type PeriodCalendar,
} from '../calendar/period.ts';
import { compareStages, MIN_ENTRIES_FOR_GAP, type StageComparison } from '../coaching/funnel-diagnosis.ts';
import type { StageStep } from '../funnel/funnel.ts';
import { AppError } from '../../errors.ts';

/*
 * The sales meeting pack (docs/meeting-pack.md): the rules that are not counts. Counts (KPIs, goal actuals,
 * leaderboard values) come from the metrics engine; these functions only pick the period, rank deals and name
 * the weakest conversion.
 */

/** A deal "moved recently" when it changed in this many days up to the pack's as-of instant. */
export const HOT_WINDOW_DAYS = 14;
/** How many hottest deals, stalled deals and wins the pack lists (the meeting has minutes, not hours). */
export const PACK_LIST_LIMIT = 10;
/** The funnel's weakest conversion is read over this many days ending with the period, so a week has entries. */
export const FUNNEL_WINDOW_DAYS = 91;

/** Pack periods: a week of the workspace or a calendar month (the meeting's rhythm). */
export const PACK_PERIOD = /^\d{4}-(W\d{2}|\d{2})$/;

/**
 * The pack's period: the key given (a week 'YYYY-Www' or a month 'YYYY-MM'), else the last complete week before
 * `today` in the workspace's weeks (starting on its first day of the week; so the default does not change during
 * the week). A period that has not started is refused.
 */
export function packPeriod(key: string | undefined, today: string, cal: PeriodCalendar): Period {
  if (key === undefined) {
    return previousPeriod(periodContaining(today, 'week', cal), cal);
  }
  if (!PACK_PERIOD.test(key)) {
    throw new AppError(
      'validation',
      `Invalid period '${key}': expected a week (2026-W47) or a month (2026-11)`,
      [{ field: 'period', value: key, reason: 'expected YYYY-Www or YYYY-MM' }],
    );
  }
  const period = parsePeriod(key, cal);
  if (period.start > today) {
    throw new AppError('validation', `Period ${key} has not started yet`, [
      { field: 'period', value: key, reason: 'in the future', rule: 'in_future' },
    ]);
  }
  return period;
}

/** How an open deal changed in the hot window. */
export type DealMove = 'new' | 'advanced' | 'amount_up' | 'amount_down' | 'close_earlier' | 'close_later';

/** An open deal's state at the start of the hot window (null: not open then) and at the as-of instant. */
export interface DealWindow {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  currency: string;
  stageName: string;
  probabilityPct: number;
  /** In the deal's own currency (moves compare these). */
  amountMinor: number;
  /** amountMinor in the workspace currency by the rate of the as-of date; null when no rate is in effect. */
  workspaceAmountMinor: number | null;
  expectedCloseDate: string | null;
  start: { stagePosition: number; amountMinor: number; expectedCloseDate: string | null } | null;
  endStagePosition: number;
}

export interface HotDeal {
  opportunityId: number;
  name: string;
  ownerId: number | null;
  ownerName: string | null;
  currency: string;
  stageName: string;
  probabilityPct: number;
  /** In the deal's own currency. */
  amountMinor: number;
  /** amountMinor in the workspace currency (by the as-of date's rate). */
  workspaceAmountMinor: number;
  /** workspaceAmountMinor x stage probability, rounded to whole minor units of the workspace currency. */
  weightedMinor: number;
  expectedCloseDate: string | null;
  moves: DealMove[];
}

/** The moves of one deal over the window; a deal that was not open at the window's start is 'new'. */
export function dealMoves(d: DealWindow): DealMove[] {
  if (d.start === null) return ['new'];
  const moves: DealMove[] = [];
  if (d.endStagePosition > d.start.stagePosition) moves.push('advanced');
  if (d.amountMinor > d.start.amountMinor) moves.push('amount_up');
  if (d.amountMinor < d.start.amountMinor) moves.push('amount_down');
  const before = d.start.expectedCloseDate;
  const after = d.expectedCloseDate;
  if (before !== after) {
    // A date set where there was none is a commitment (earlier); a date removed is a push (later).
    if (after !== null && (before === null || after < before)) moves.push('close_earlier');
    else moves.push('close_later');
  }
  return moves;
}

/**
 * The hottest deals: open deals that moved in the hot window (new, stage advanced, amount or close date changed),
 * largest amount x probability in the workspace currency first (each deal converted by the as-of date's rate, so
 * a euro deal ranks among dollar deals); ties by converted amount, then the older deal (lower id). A deal in a
 * currency without a rate cannot be weighed against the others and is left out (the pack warns). At most `limit`.
 */
export function hottestDeals(deals: readonly DealWindow[], limit: number): HotDeal[] {
  return deals
    .map((d) => ({ d, moves: dealMoves(d), converted: d.workspaceAmountMinor }))
    .filter(
      (x): x is { d: DealWindow; moves: DealMove[]; converted: number } =>
        x.moves.length > 0 && x.converted !== null,
    )
    .map(({ d, moves, converted }): HotDeal => ({
      opportunityId: d.opportunityId,
      name: d.name,
      ownerId: d.ownerId,
      ownerName: d.ownerName,
      currency: d.currency,
      stageName: d.stageName,
      probabilityPct: d.probabilityPct,
      amountMinor: d.amountMinor,
      workspaceAmountMinor: converted,
      weightedMinor: Math.round((converted * d.probabilityPct) / 100),
      expectedCloseDate: d.expectedCloseDate,
      moves,
    }))
    .sort(
      (a, b) =>
        b.weightedMinor - a.weightedMinor ||
        b.workspaceAmountMinor - a.workspaceAmountMinor ||
        a.opportunityId - b.opportunityId,
    )
    .slice(0, limit);
}

/** The moved deals the hottest list had to leave out for want of a rate (their currencies warn). */
export function movedWithoutRate(deals: readonly DealWindow[]): DealWindow[] {
  return deals.filter((d) => d.workspaceAmountMinor === null && dealMoves(d).length > 0);
}

/** The stage where the pack's people convert least. */
export interface WeakestConversion {
  stageId: number;
  from: string;
  to: string;
  entered: number;
  advanced: number;
  rate: number;
  /** The company's rate for the same step (the comparison), null when nothing entered it company-wide. */
  companyRate: number | null;
}

/**
 * Per stage, the pack's people against the company (funnel-diagnosis.ts compareStages: the pack as the "rep"
 * side), and the weakest conversion: the lowest rate among stages entered at least MIN_ENTRIES_FOR_GAP times;
 * on equal rates (to 1e-9) the earlier stage, since a loss there removes deals from every later stage.
 */
export function weakestConversion(
  pack: readonly StageStep[],
  company: readonly StageStep[],
  wonStageIds: ReadonlySet<number>,
): { stages: StageComparison[]; weakest: WeakestConversion | null } {
  const stages = compareStages(pack, company, wonStageIds);
  let weakest: StageComparison | null = null;
  for (const s of stages) {
    if (s.rep.rate === null || s.rep.entered < MIN_ENTRIES_FOR_GAP) continue;
    if (weakest === null || s.rep.rate < (weakest.rep.rate ?? 1) - 1e-9) weakest = s;
  }
  return {
    stages,
    weakest:
      weakest === null || weakest.rep.rate === null
        ? null
        : {
            stageId: weakest.stageId,
            from: weakest.from,
            to: weakest.to,
            entered: weakest.rep.entered,
            advanced: weakest.rep.advanced,
            rate: weakest.rep.rate,
            companyRate: weakest.team.rate,
          },
  };
}

/** The first local date of the funnel window that ends with the period (inclusive of its last day). */
export function funnelWindowStart(period: Period): string {
  return addDays(period.end, -FUNNEL_WINDOW_DAYS);
}
