import { sql, type Generated } from 'kysely';
import type { Viewer } from '../../domain/access/viewer.ts';
import { currencyDigits } from '../../domain/commissions/money.ts';
import { parseRatesCsv, rateProblems, type ExchangeRate } from '../../domain/money/exchange-rates.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';
import { inTransaction } from '../in-transaction.ts';
import { recordAudit } from './audit-log.ts';
import { getSettings } from './settings.ts';

/** exchange_rates (migration 0033). */
export interface ExchangeRatesTable {
  quote_currency: string;
  currency: string;
  effective_from: string;
  rate: string;
  currency_digits: number;
  quote_digits: number;
  updated_at: Generated<Date>;
}

/** A stored rate, with whether it applies (it quotes the current workspace currency). */
export interface StoredExchangeRate extends ExchangeRate {
  quoteCurrency: string;
  applies: boolean;
}

interface Row {
  quote_currency: string;
  currency: string;
  effective_from: string;
  rate: string;
}

/** numeric as text without trailing zeros ("4.271800" -> "4.2718"), so a rate reads back as it was written. */
const plain = (rate: string) => (rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate);

/**
 * Every stored rate, the workspace currency's first, then by currency and date. Rates quoting another currency
 * (entered before settings.currency changed) are listed with applies = false: kept, never applied.
 */
export async function listExchangeRates(db: Db): Promise<{ currency: string; rates: StoredExchangeRate[] }> {
  const { currency } = await getSettings(db);
  const r =
    await sql<Row>`select quote_currency, currency, effective_from::text as effective_from, rate::text as rate
    from exchange_rates
    order by quote_currency <> ${currency}, quote_currency, currency, effective_from`.execute(db);
  return {
    currency,
    rates: r.rows.map((row) => ({
      quoteCurrency: row.quote_currency.trim(),
      currency: row.currency.trim(),
      effectiveFrom: row.effective_from,
      rate: plain(row.rate),
      applies: row.quote_currency.trim() === currency,
    })),
  };
}

/**
 * Adds or replaces rates (same currency and date: the new rate wins) quoting the workspace currency, all or none,
 * audited. Every problem is reported together, each naming its row (`rates[i]`, or the CSV line when given).
 */
export async function putExchangeRates(
  db: Db,
  viewer: Viewer,
  rates: readonly ExchangeRate[],
  source: 'api' | 'csv' = 'api',
): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { currency: quote } = await getSettings(tx);
    const problems = rates.flatMap((r, i) =>
      rateProblems(r, quote).map((p) => ({ ...p, field: `rates[${i}].${p.field ?? ''}` })),
    );
    if (problems.length > 0) throw new AppError('validation', 'Some exchange rates are invalid', problems);
    if (rates.length === 0) return 0;
    await tx
      .insertInto('exchange_rates')
      .values(
        rates.map((r) => ({
          quote_currency: quote,
          currency: r.currency,
          effective_from: r.effectiveFrom,
          rate: r.rate,
          currency_digits: currencyDigits(r.currency),
          quote_digits: currencyDigits(quote),
        })),
      )
      .onConflict((oc) =>
        oc.constraint('exchange_rates_key').doUpdateSet({
          rate: (eb) => eb.ref('excluded.rate'),
          updated_at: sql`now()`,
        }),
      )
      .execute();
    await recordAudit(tx, viewer, {
      action: source === 'csv' ? 'import' : 'update',
      entity: 'exchange_rates',
      after: { quoteCurrency: quote, rates },
    });
    return rates.length;
  });
}

/** Deletes the rate of `currency` from `effectiveFrom` quoting the workspace currency; not_found when absent. */
export async function deleteExchangeRate(
  db: Db,
  viewer: Viewer,
  currency: string,
  effectiveFrom: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { currency: quote } = await getSettings(tx);
    const r = await sql<Row>`delete from exchange_rates
      where quote_currency = ${quote} and currency = ${currency} and effective_from = ${effectiveFrom}::date
      returning quote_currency, currency, effective_from::text as effective_from, rate::text as rate`.execute(
      tx,
    );
    if (r.rows.length === 0)
      throw new AppError('not_found', `No ${currency} rate from ${effectiveFrom} to ${quote}`, [
        { field: 'effective_from', value: effectiveFrom, reason: 'no rate starts on this date' },
      ]);
    await recordAudit(tx, viewer, {
      action: 'delete',
      entity: 'exchange_rates',
      before: { quoteCurrency: quote, currency, effectiveFrom, rate: plain(r.rows[0]!.rate) },
    });
  });
}

/**
 * Imports a rates CSV (`currency,effective_from,rate`): parsed against the workspace currency, then written as
 * putExchangeRates does, all rows or none. A bad file throws validation naming every line and field.
 */
export async function importExchangeRatesCsv(
  db: Db,
  viewer: Viewer,
  text: string,
  file = 'rates.csv',
): Promise<number> {
  const { currency } = await getSettings(db);
  const parsed = parseRatesCsv(text, currency);
  if (!parsed.ok)
    throw new AppError(
      'validation',
      `${file}: ${parsed.problems.length} problem(s); nothing was imported`,
      parsed.problems.map((p) => ({ file, ...p })),
    );
  return putExchangeRates(db, viewer, parsed.rates, 'csv');
}
