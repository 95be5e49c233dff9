import type { RepProfile } from '../org.ts';
import type { SimContext } from './context.ts';

/** Records a new customer with its first subscription (annual contract value spread as MRR). */
export function addCustomer(
  ctx: SimContext,
  c: {
    rep: RepProfile;
    accountId: number;
    contactId: number | null;
    accountName: string;
    startDate: string;
    mrrMinor: number;
  },
): void {
  const id = ctx.ds.customers.length + 1;
  ctx.ds.customers.push({
    id,
    account_id: c.accountId,
    name: c.accountName,
    acquired_by: c.rep.userId,
    started_at: c.startDate,
    ended_at: null,
  });
  ctx.ds.subscriptions.push({
    customer_id: id,
    start_date: c.startDate,
    end_date: null,
    mrr_minor: c.mrrMinor,
    currency: ctx.currency,
  });
  ctx.customers.push({ id, ...c, subscriptionIndexes: [ctx.ds.subscriptions.length - 1] });
}
