import { z } from 'zod';
import { RATE_PATTERN } from '../../../domain/money/exchange-rates.ts';

/** One rate as written: the store checks the code is ISO 4217 and not the workspace currency. */
export const ExchangeRateInputSchema = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .describe('ISO 4217 code of the deal currency, e.g. EUR'),
  effectiveFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .describe('first local date the rate applies (YYYY-MM-DD)'),
  rate: z
    .string()
    .regex(RATE_PATTERN)
    .describe('1 unit of currency = rate units of the workspace currency (major units), as a decimal string'),
});

/** A stored rate; applies is false for rates quoting a former workspace currency (kept, never applied). */
export const StoredExchangeRateSchema = ExchangeRateInputSchema.extend({
  quoteCurrency: z.string(),
  applies: z.boolean(),
});

export const ExchangeRatesResponseSchema = z.object({
  currency: z.string().describe('the workspace currency, which rates convert to'),
  rates: z.array(StoredExchangeRateSchema),
});

export const ExchangeRatesPutSchema = z.object({
  rates: z.array(ExchangeRateInputSchema).min(1).max(5000),
});
