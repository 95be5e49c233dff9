/** GET/PUT /api/exchange-rates (src/server/routes/exchange-rates/schemas.ts). */
export interface ExchangeRateInput {
  currency: string;
  effectiveFrom: string;
  /** A decimal string: 1 unit of currency = rate units of the workspace currency. */
  rate: string;
}

export interface StoredExchangeRate extends ExchangeRateInput {
  quoteCurrency: string;
  /** False for rates quoting a former workspace currency (kept, never applied). */
  applies: boolean;
}

export interface ExchangeRatesResponse {
  currency: string;
  rates: StoredExchangeRate[];
}

/** Fields of ExchangeRatesResponse the web app reads (web/src/api/contract.ts). */
export const EXCHANGE_RATES_FIELDS = ['currency', 'rates'] as const;
