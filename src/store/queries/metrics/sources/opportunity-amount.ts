import { sql } from 'kysely';
import { toWorkspaceCurrency } from '../../money/to-workspace-currency.ts';
import type { SourceContext } from '../source-spec.ts';

/*
 * Expressions over an opportunity row `o` shared by the closed and created sources and the closed-deal rollup (its
 * raw rows for other currencies), in a file of their own so the rollup need not import the source that lists it.
 */

/**
 * Money in the workspace currency: another currency converted by the rate of the deal's local close date (open
 * deals, in opportunities_created: today's); null without a rate, so sums leave the deal out.
 */
export const amountInCurrency = (ctx: SourceContext) =>
  toWorkspaceCurrency(
    sql`o.amount_minor`,
    sql`o.currency`,
    sql`coalesce((o.closed_at at time zone ${ctx.timeZone})::date, (${ctx.now.toISOString()}::timestamptz at time zone ${ctx.timeZone})::date)`,
    ctx.currency,
  );

/** Calendar days between the local creation and close dates. */
export const cycleDays = (ctx: SourceContext) =>
  sql`((o.closed_at at time zone ${ctx.timeZone})::date - (o.created_at at time zone ${ctx.timeZone})::date)`;
