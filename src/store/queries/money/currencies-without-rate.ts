import { sql } from 'kysely';
import { localDateToInstant } from '../../../domain/calendar/zoned.ts';
import type { Db } from '../../db.ts';
import { otherCurrency, toWorkspaceCurrency } from './to-workspace-currency.ts';

/**
 * The currencies of deals that money metrics leave out for want of a rate (docs/localization.md): deals closed in
 * the local-date range [from, toExclusive) with no rate in effect on their close date, and open deals with no rate
 * in effect today. Sorted; empty when every deal converts. Read through opportunities_currency_idx, so a workspace
 * with one currency pays two empty index probes.
 */
export async function currenciesWithoutRate(
  db: Db,
  args: { from: string; toExclusive: string; timeZone: string; currency: string; now: Date },
): Promise<string[]> {
  const tz = args.timeZone;
  const closedOn = sql`(o.closed_at at time zone ${tz})::date`;
  const today = sql`(${args.now.toISOString()}::timestamptz at time zone ${tz})::date`;
  const r = await sql<{ currency: string }>`
    select distinct o.currency from opportunities o
    where ${otherCurrency(sql`o.currency`, args.currency)}
      and ((o.status in ('won', 'lost') and o.closed_at >= (${args.from}::date)::timestamp at time zone ${tz}
          and o.closed_at < (${args.toExclusive}::date)::timestamp at time zone ${tz}
          and ${toWorkspaceCurrency(sql`o.amount_minor`, sql`o.currency`, closedOn, args.currency)} is null)
        or (o.status = 'open'
          and ${toWorkspaceCurrency(sql`o.amount_minor`, sql`o.currency`, today, args.currency)} is null))
    order by 1`.execute(db);
  return r.rows.map((row) => row.currency.trim());
}

/**
 * The currencies of locked or paid commission statements with their whole period in [from, toExclusive) that pay
 * metrics leave out for want of a rate on the period's last day (the rule of the commission_statements and costs
 * sources). Sorted; empty when every statement is in the workspace currency or converts.
 */
export async function statementCurrenciesWithoutRate(
  db: Db,
  args: { from: string; toExclusive: string; currency: string },
): Promise<string[]> {
  const r = await sql<{ currency: string }>`
    select distinct cs.currency from commission_statements cs
    where cs.status in ('locked', 'paid') and cs.period_start >= ${args.from}::date
      and cs.period_end <= ${args.toExclusive}::date and cs.currency <> ${args.currency}
      and ${toWorkspaceCurrency(sql`cs.payout_minor`, sql`cs.currency::bpchar`, sql`(cs.period_end - 1)`, args.currency)} is null
    order by 1`.execute(db);
  return r.rows.map((row) => row.currency.trim());
}

/** The warning a report carries when some deals were left out. */
export function missingRateWarning(currencies: readonly string[]): string {
  return `Deals in ${currencies.join(', ')} are left out of money figures: no exchange rate to the workspace currency is in effect on their date (settings, exchange rates).`;
}

/** The warning a report carries when commission statements were left out of pay metrics. */
export function missingStatementRateWarning(currencies: readonly string[]): string {
  return `Commission statements in ${currencies.join(', ')} are left out of pay metrics: no exchange rate to the workspace currency is in effect on the last day of their period (settings, exchange rates).`;
}

/**
 * The first local midnight after `now` on which a stored rate takes effect (any quote currency: expiring early is
 * harmless), or null: answers that convert by today's rate (open pipeline, open deals) change then.
 */
export async function nextRateChange(db: Db, timeZone: string, now: Date): Promise<Date | null> {
  const r = await sql<{ day: string | null }>`select min(effective_from)::text as day from exchange_rates
    where effective_from > (${now.toISOString()}::timestamptz at time zone ${timeZone})::date`.execute(db);
  const day = r.rows[0]?.day;
  return day ? localDateToInstant(day, timeZone) : null;
}
