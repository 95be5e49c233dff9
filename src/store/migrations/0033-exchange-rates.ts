import { type Kysely } from 'kysely';
import { runStatements } from './run-statements.ts';

/**
 * Issue 19, money in more than one currency (docs/localization.md, "Money in more than one currency").
 *
 * exchange_rates: "1 unit of `currency` = `rate` units of `quote_currency`", in major units, from local date
 * `effective_from` until the next row of the same pair. quote_currency is the workspace currency the rate was
 * entered for: rows quoting another currency are kept but never applied, so changing settings.currency leaves
 * money metrics converting only what has a rate into the new currency (nothing is silently reinterpreted).
 * currency_digits and quote_digits are the two currencies' minor digits (JPY 0, KWD 3) as the writer computed them
 * (Intl), so the SQL conversion needs no table of currencies. The primary key (quote_currency, currency, effective_from) is the
 * index the conversion's "latest effective_from <= date" lookup scans backwards.
 *
 * opportunities_currency_idx: the deals in another currency than the workspace's are found by two ranges of it
 * (currency < ws or currency > ws), so the closed-deal rollup can take those few deals from the raw rows.
 *
 * The metrics engine and the forecast read exchange_rates, so writes bump both data versions (0016, 0023).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table exchange_rates (
      quote_currency character(3) not null check (quote_currency ~ '^[A-Z]{3}$'),
      currency character(3) not null check (currency ~ '^[A-Z]{3}$'),
      effective_from date not null,
      rate numeric not null check (rate > 0 and rate < 1000000000000),
      currency_digits smallint not null check (currency_digits between 0 and 4),
      quote_digits smallint not null check (quote_digits between 0 and 4),
      updated_at timestamptz not null default now(),
      constraint exchange_rates_pair check (currency <> quote_currency),
      constraint exchange_rates_key primary key (quote_currency, currency, effective_from)
    );
    create index opportunities_currency_idx on opportunities (currency);
    create trigger metrics_data_version_bump
      after insert or update or delete or truncate on exchange_rates
      for each statement execute function metrics_data_version_bump();
    create trigger forecast_data_version_bump
      after insert or update or delete or truncate on exchange_rates
      for each statement execute function forecast_data_version_bump();
    `,
  );
}
