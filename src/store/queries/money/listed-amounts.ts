import { sql, type RawBuilder } from 'kysely';
import { currenciesLeftOut, type ListedAmount } from '../../../domain/money/deal-amounts.ts';
import { missingRateWarning } from './currencies-without-rate.ts';

type Fragment = RawBuilder<unknown>;

/**
 * The local date whose rate converts a listed deal (docs/localization.md, "Which rate applies where"): its close
 * date when it is won or lost, else `openOn` (today's date for the live pipeline, a list's as-of date for a past
 * one). `o` is the opportunities alias; `timeZone` the workspace zone (SQL or a value).
 */
export function dealRateDate(o: string, timeZone: string | Fragment, openOn: Fragment): Fragment {
  return sql`(case when ${sql.ref(`${o}.status`)} in ('won', 'lost')
    then (${sql.ref(`${o}.closed_at`)} at time zone ${timeZone})::date else ${openOn} end)`;
}

/** The local date of instant `at` in the zone, as SQL. */
export function localDateOf(at: Date, timeZone: string | Fragment): Fragment {
  return sql`((${at.toISOString()}::timestamptz at time zone ${timeZone})::date)`;
}

/** What a deal list says about deals it could not convert: the currencies and the warning (none when all did). */
export function rateNotice(deals: Iterable<Pick<ListedAmount, 'workspaceAmountMinor' | 'currency'>>): {
  currenciesWithoutRate: string[];
  warnings: string[];
} {
  const currencies = currenciesLeftOut(deals);
  return {
    currenciesWithoutRate: currencies,
    warnings: currencies.length ? [missingRateWarning(currencies)] : [],
  };
}

/** A converted amount column as read back (bigint/numeric arrive as strings on some drivers). */
export const minorOrNull = (v: number | string | null): number | null => (v === null ? null : Number(v));
