const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (USD 2, JPY 0, BHD 3), from the runtime's currency data. */
export function currencyDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, d);
  }
  return d;
}

/** True when the code is a three-letter ISO 4217 currency the runtime knows. */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a money amount to integer minor units without going through floating point, so 0.1 + 0.2 problems cannot
 * creep in. Accepts grouping (1,234.50 / 1.234,50 / 1 234,50), a currency symbol or code around the number, and
 * rounds half away from zero beyond the currency's digits. Negative amounts are rejected (deals have no negative value).
 */
export function parseAmountMinor(
  text: string,
  currency: string,
  decimalSeparator: '.' | ',',
): number | string {
  const raw = text.trim();
  const stripped = raw.replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '').replace(/[$€£¥\s\u00a0\u202f']/g, '');
  if (stripped.startsWith('-') || stripped.startsWith('(')) return `amount '${raw}' is negative`;
  const group = decimalSeparator === '.' ? ',' : '.';
  const withoutGroups = stripped.split(group).join('');
  const parts = withoutGroups.split(decimalSeparator);
  if (
    parts.length > 2 ||
    !/^\d+$/.test(parts[0] ?? '') ||
    (parts[1] !== undefined && !/^\d+$/.test(parts[1]))
  ) {
    return `amount '${raw}' is not a number (decimal separator '${decimalSeparator}')`;
  }
  const digits = currencyDigits(currency);
  const whole = parts[0]!;
  const fraction = parts[1] ?? '';
  let minor =
    BigInt(whole) * 10n ** BigInt(digits) + BigInt((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  if (fraction.length > digits && Number(fraction[digits]) >= 5) minor += 1n;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return `amount '${raw}' is too large`;
  return Number(minor);
}
