import { plusDays, sameDayMonthsLater } from '../dates.ts';
import { workMinute, type SimCustomer, type SimContext } from './context.ts';
import { simulateOpportunity } from './opportunity.ts';
import { winRate } from './rates.ts';

function churn(ctx: SimContext, c: SimCustomer, date: string): void {
  const row = ctx.ds.customers[c.id - 1];
  if (row) row.ended_at = date;
  for (const i of c.subscriptionIndexes) {
    const sub = ctx.ds.subscriptions[i];
    if (sub && sub.start_date <= date) sub.end_date = date;
  }
}

function roundTo100Dollars(minor: number): number {
  return Math.max(10_000, Math.round(minor / 10_000) * 10_000);
}

/**
 * Lets every customer live through the window: an upsell for some, a renewal opportunity before each contract
 * anniversary (lost renewals are churn), and some quiet churn of contracts that renewed before the window.
 */
export function customerLifecycles(ctx: SimContext): void {
  const { rnd } = ctx;
  // Customers won inside this loop (none: upsells and renewals are not new business) would not be visited.
  const customers = [...ctx.customers];
  for (const c of customers) {
    if (rnd.chance(0.3)) {
      const day = plusDays(c.startDate, rnd.int(60, 300));
      if (day >= ctx.start && day <= ctx.until) {
        const up = simulateOpportunity(ctx, {
          rep: c.rep,
          accountId: c.accountId,
          accountName: c.accountName,
          contactId: c.contactId,
          leadId: null,
          leadSource: null,
          type: 'upsell',
          createdDate: day,
          createdMinute: workMinute(ctx),
          amountMinor: roundTo100Dollars(12 * c.mrrMinor * (0.2 + 0.3 * rnd.next())),
          winRate: Math.min(0.8, winRate(ctx, c.rep, day) * 1.6),
          cycleDays: rnd.int(20, 50),
        });
        if (up.status === 'won' && up.closedDate) {
          ctx.ds.subscriptions.push({
            customer_id: c.id,
            start_date: up.closedDate,
            end_date: null,
            mrr_minor: Math.round(up.amountMinor / 12),
            currency: ctx.currency,
          });
          c.subscriptionIndexes.push(ctx.ds.subscriptions.length - 1);
        }
      }
    }
    for (let year = 1; ; year += 1) {
      const anniversary = sameDayMonthsLater(c.startDate, 12 * year);
      if (anniversary > plusDays(ctx.until, 45)) break;
      if (anniversary < ctx.start) {
        // Renewed (or not) before the window: no opportunity rows, just the outcome.
        if (rnd.chance(0.12)) {
          churn(ctx, c, anniversary);
          break;
        }
        continue;
      }
      const renewal = simulateOpportunity(ctx, {
        rep: c.rep,
        accountId: c.accountId,
        accountName: c.accountName,
        contactId: c.contactId,
        leadId: null,
        leadSource: null,
        type: 'renewal',
        createdDate: plusDays(anniversary, -50),
        createdMinute: workMinute(ctx),
        amountMinor: roundTo100Dollars(12 * c.mrrMinor),
        winRate: 0.86,
        cycleDays: rnd.int(38, 48),
      });
      if (renewal.status === 'lost') {
        if (anniversary <= ctx.until) churn(ctx, c, anniversary);
        break;
      }
      if (renewal.status === 'open') break;
    }
  }
}
