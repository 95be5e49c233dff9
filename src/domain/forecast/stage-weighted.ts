import { dealsInWindow } from './deal-window.ts';
import type { ForecastDeal, ForecastWindow, MethodResult } from './types.ts';

/** Stage-weighted forecast: won to date + sum of open amount x stage probability over deals closing in the period. */
export function stageWeightedForecast(
  deals: readonly ForecastDeal[],
  window: ForecastWindow,
  wonToDate: number,
): MethodResult {
  const inPeriod = dealsInWindow(deals, window);
  let projected = 0;
  let openAmount = 0;
  for (const d of inPeriod) {
    projected += d.amount * d.probability;
    openAmount += d.amount;
  }
  projected = Math.round(projected);
  return {
    method: 'stage_weighted',
    value: wonToDate + projected,
    wonToDate,
    projected,
    low: null,
    high: null,
    inPipeline: null,
    toBeCreated: null,
    breakdown: { deals: inPeriod.length, openAmount },
  };
}
