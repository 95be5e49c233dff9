import { dayDiff, plusDays } from '../dates.ts';
import { addCustomer } from './customer-records.ts';
import { at, onOrAfterBusinessDay, workMinute, type SimContext } from './context.ts';
import { simulateOpportunity } from './opportunity.ts';
import { cycleDays, newBusinessAmount, winRate } from './rates.ts';
import { newAccount, newContact } from './records.ts';

/** Customers won before the window: gives tenure, churn and lifetime value something to measure from day one. */
export function openingCustomers(ctx: SimContext): void {
  for (const rep of ctx.reps) {
    if (dayDiff(rep.hireDate, ctx.start) < 180) continue;
    const n = ctx.rnd.int(3, 7);
    for (let i = 0; i < n; i += 1) {
      const startDate = plusDays(
        ctx.start,
        -ctx.rnd.int(20, Math.min(700, dayDiff(rep.hireDate, ctx.start))),
      );
      const createdAt = at(ctx, plusDays(startDate, -ctx.rnd.int(40, 120)), workMinute(ctx));
      const accountId = newAccount(ctx, rep, createdAt);
      const contactId = newContact(ctx, rep, accountId, createdAt);
      const accountName = ctx.ds.accounts.nameOf(accountId) ?? '';
      addCustomer(ctx, {
        rep,
        accountId,
        contactId,
        accountName,
        startDate,
        mrrMinor: Math.round(newBusinessAmount(ctx) / 12),
      });
    }
  }
}

/**
 * Deals opened in the four months before the window (about one every three days per rep), so the first quarter
 * already closes business instead of waiting a whole sales cycle. Their activities before the window are not kept.
 */
export function openingPipeline(ctx: SimContext): void {
  for (const rep of ctx.reps) {
    if (dayDiff(rep.hireDate, ctx.start) < 60) continue;
    const n = ctx.rnd.int(30, 40);
    for (let i = 0; i < n; i += 1) {
      const day = onOrAfterBusinessDay(ctx, plusDays(ctx.start, -ctx.rnd.int(3, 120)));
      if (day >= ctx.start) continue;
      const minute = workMinute(ctx);
      const createdAt = at(ctx, plusDays(day, -ctx.rnd.int(5, 30)), minute);
      const accountId = newAccount(ctx, rep, createdAt);
      const contactId = newContact(ctx, rep, accountId, createdAt);
      simulateOpportunity(ctx, {
        rep,
        accountId,
        accountName: ctx.ds.accounts.nameOf(accountId) ?? '',
        contactId,
        leadId: null,
        leadSource: null,
        type: 'new_business',
        createdDate: day,
        createdMinute: minute,
        amountMinor: newBusinessAmount(ctx),
        winRate: winRate(ctx, rep, day),
        cycleDays: cycleDays(ctx),
      });
    }
  }
}
