import type { ForecastDeal, ForecastWindow } from './types.ts';

/**
 * The day a deal is expected to close as seen on `asOfDate`: an overdue deal is still open, so it is expected
 * today rather than in the past (it can only close from now on). Null when the rep has set no close date.
 */
export function effectiveCloseDate(deal: ForecastDeal, asOfDate: string): string | null {
  if (deal.expectedCloseDate === null) return null;
  return deal.expectedCloseDate < asOfDate ? asOfDate : deal.expectedCloseDate;
}

/** True when the deal is expected to close inside the window's period (from the as-of day on). */
export function closesInWindow(deal: ForecastDeal, window: ForecastWindow): boolean {
  const d = effectiveCloseDate(deal, window.asOfDate);
  return d !== null && d >= window.start && d < window.end;
}

/** The open deals the point methods count for the period. */
export function dealsInWindow(deals: readonly ForecastDeal[], window: ForecastWindow): ForecastDeal[] {
  return deals.filter((d) => closesInWindow(d, window));
}
