import { isLocalDate } from '../calendar/local-date.ts';
import type { ErrorDetail } from '../../errors.ts';

/**
 * Exchange rates to the workspace currency (docs/localization.md, "Money in more than one currency"): "1 unit of
 * `currency` = `rate` units of the workspace currency", in major units, from local date `effectiveFrom` until the
 * pair's next rate. The rate is kept as the decimal text the user gave, so it is stored and applied exactly.
 */
export interface ExchangeRate {
  currency: string;
  effectiveFrom: string;
  /** A positive decimal, e.g. "4.2718" (up to 12 digits before the point and 12 after). */
  rate: string;
}

/** A positive decimal with at most 12 digits before and 12 after the point, no sign or exponent. */
export const RATE_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,12})?$/;
const CURRENCY_PATTERN = /^[A-Z]{3}$/;

let knownCurrencies: Set<string> | null = null;
/** ISO 4217 codes this runtime's Intl knows (a typo such as "EUE" is refused rather than stored unused). */
function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** The problems of one rate (empty when it is valid), each naming its field; `line` is set for CSV rows. */
export function rateProblems(r: ExchangeRate, workspaceCurrency: string, line?: number): ErrorDetail[] {
  const at = line === undefined ? {} : { line };
  const out: ErrorDetail[] = [];
  if (!CURRENCY_PATTERN.test(r.currency) || !isKnownCurrency(r.currency))
    out.push({
      ...at,
      field: 'currency',
      value: r.currency,
      reason: 'expected an ISO 4217 code such as EUR',
    });
  else if (r.currency === workspaceCurrency)
    out.push({
      ...at,
      field: 'currency',
      value: r.currency,
      reason: 'is the workspace currency (its rate is 1)',
    });
  if (!isLocalDate(r.effectiveFrom))
    out.push({
      ...at,
      field: 'effective_from',
      value: r.effectiveFrom,
      reason: 'expected a date YYYY-MM-DD',
    });
  if (!RATE_PATTERN.test(r.rate) || !/[1-9]/.test(r.rate))
    out.push({
      ...at,
      field: 'rate',
      value: r.rate,
      reason: 'expected a positive decimal such as 4.2718 (up to 12 digits before and after the point)',
    });
  return out;
}

/** One CSV line split at commas, with "quoted" cells ("" inside is a quote). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export const RATES_CSV_HEADER = ['currency', 'effective_from', 'rate'] as const;

/**
 * Parses a rates CSV (`currency,effective_from,rate`, header first, columns in any order; blank lines skipped).
 * Returns the rates or every problem found, each naming its line (1 = the header) and field, so a user fixes the
 * whole file in one pass; the caller writes all rows or none. A pair and date given twice is an error.
 */
export function parseRatesCsv(
  text: string,
  workspaceCurrency: string,
): { ok: true; rates: ExchangeRate[] } | { ok: false; problems: ErrorDetail[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = cells(lines[0] ?? '').map((h) => h.toLowerCase());
  const col = Object.fromEntries(RATES_CSV_HEADER.map((h) => [h, header.indexOf(h)])) as Record<
    (typeof RATES_CSV_HEADER)[number],
    number
  >;
  const missing = RATES_CSV_HEADER.filter((h) => col[h] < 0);
  if (missing.length > 0)
    return {
      ok: false,
      problems: missing.map((h) => ({ line: 1, field: h, reason: 'column missing from the header' })),
    };
  const rates: ExchangeRate[] = [];
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const c = cells(raw);
    if (c.length !== header.length) {
      problems.push({ line, reason: `expected ${header.length} cells, found ${c.length}` });
      continue;
    }
    const r: ExchangeRate = {
      currency: c[col.currency]!.toUpperCase(),
      effectiveFrom: c[col.effective_from]!,
      rate: c[col.rate]!,
    };
    const p = rateProblems(r, workspaceCurrency, line);
    if (p.length === 0) {
      const key = `${r.currency}|${r.effectiveFrom}`;
      const first = seen.get(key);
      if (first !== undefined)
        p.push({
          line,
          field: 'effective_from',
          value: r.effectiveFrom,
          reason: `same currency and date as line ${first}`,
        });
      else seen.set(key, line);
    }
    if (p.length > 0) problems.push(...p);
    else rates.push(r);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rates.length === 0) return { ok: false, problems: [{ line: 2, reason: 'the file holds no rates' }] };
  return { ok: true, rates };
}
