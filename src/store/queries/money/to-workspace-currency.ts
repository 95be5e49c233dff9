import { sql, type RawBuilder } from 'kysely';

type Fragment = RawBuilder<unknown>;

/**
 * THE conversion of an amount to the workspace currency (docs/localization.md, "Money in more than one currency");
 * every money metric, forecast input and commission credit calls this, so there is one formula:
 *
 *   round_half_away_from_zero(amount_minor / 10^digits(from) x rate x 10^digits(to))
 *
 * with the rate of the pair (currency -> workspace currency) in effect on local date `on`: the row with the latest
 * effective_from <= on (exchange_rates, migration 0033, which keeps both currencies' minor digits on the row). Postgres `round(numeric)` rounds half away from zero and
 * the rate is an exact numeric, so no float enters. An amount already in the workspace currency is returned as it
 * is (no lookup: the subquery of the other branch only runs for rows that reach it); an amount in a currency
 * without a rate in effect on that date is NULL, so sums leave it out as before (never converted at 1), and
 * `currenciesWithoutRate` names such currencies for warnings.
 *
 * `amount`, `currency` and `on` are SQL expressions over the caller's row (`on` a local date).
 */
export function toWorkspaceCurrency(
  amount: Fragment,
  currency: Fragment,
  on: Fragment,
  workspaceCurrency: string | Fragment = WORKSPACE_CURRENCY,
): Fragment {
  // quote_currency is character(3): a text operand would cast the column and miss the primary key.
  return sql`(case when ${currency} = ${workspaceCurrency} then ${amount}
    else (select round((${amount})::numeric * x.rate * power(10::numeric, x.quote_digits - x.currency_digits))
      from exchange_rates x
      where x.quote_currency = (${workspaceCurrency})::bpchar and x.currency = ${currency} and x.effective_from <= ${on}
      order by x.effective_from desc limit 1) end)`;
}

/** The workspace currency read in the statement (settings.currency), for queries not handed the settings. */
export const WORKSPACE_CURRENCY: Fragment = sql`(select s.currency from settings s where s.id = 1)`;

/**
 * The rows whose currency is not the workspace's, as two index ranges of opportunities_currency_idx (a btree
 * cannot serve `<>`): `currency` is the column. The bound is cast to the column's type (character), as a text bound
 * would cast the column instead and scan the table.
 */
export function otherCurrency(currency: Fragment, workspaceCurrency: string): Fragment {
  return sql`(${currency} < ${workspaceCurrency}::bpchar or ${currency} > ${workspaceCurrency}::bpchar)`;
}
