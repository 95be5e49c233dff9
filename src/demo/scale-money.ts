import type { DemoDataset } from './dataset.ts';

/**
 * Issue 19: rewrites every amount of the generated dataset with `f` (the demo's dollars into the locale's
 * currency): deal amounts and forecasts, their history, subscription MRR, revenue goals and acquisition costs.
 * Identity for the US demo (nothing is touched, so its bytes are unchanged).
 */
export function scaleMoney(ds: DemoDataset, f: (minor: number) => number): void {
  if (f(10_000) === 10_000 && f(123_456_700) === 123_456_700) return;
  const num = (v: unknown) => f(Number(v));
  for (const o of ds.opportunities) {
    if (o.amount_minor != null) o.amount_minor = num(o.amount_minor);
    if (o.forecast_amount_minor != null) o.forecast_amount_minor = num(o.forecast_amount_minor);
  }
  ds.opportunityHistory.scaleAmounts(f);
  for (const s of ds.subscriptions) s.mrr_minor = num(s.mrr_minor);
  for (const c of ds.acquisitionCosts) c.amount_minor = num(c.amount_minor);
  // Only money goals: counts (calls, meetings) and minutes (response time) stay as they are.
  for (const g of ds.goals) if (g.metric_id.endsWith('revenue')) g.target = num(g.target);
}
