/**
 * Exact money arithmetic for commissions (docs/commissions.md, "Rounding"). Amounts are integer minor units;
 * a product such as 10^12 x 15,000 bp exceeds 2^53, so every multiply-then-divide runs in BigInt and rounds
 * once, half away from zero (0.5 cent -> 1 cent, -0.5 cent -> -1 cent), like a person rounding on paper.
 */

/** round_half_away_from_zero(n / d) for BigInts, d > 0. */
export function divRoundBig(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error('divRoundBig: the divisor must be positive');
  const q = n / d; // truncates toward zero
  const r = n % d; // same sign as n
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** ceil(n / d) for BigInts, n >= 0, d > 0: the least whole amount that reaches a fraction of a target. */
export function divCeilBig(n: bigint, d: bigint): bigint {
  if (d <= 0n || n < 0n) throw new Error('divCeilBig: expects n >= 0 and d > 0');
  return (n + d - 1n) / d;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** Below this a product of two numbers, and its quotient's correction, stay exact in plain numbers. */
const EXACT_PRODUCT = 2 ** 52;

/**
 * An amount past 2^53 - 1 minor units. Plans may hold amounts up to that each (20 bonuses, 50 SPIFs a deal,
 * accepted disputes), so their sum can pass it: the store turns this into a user error naming the person.
 */
export class AmountRangeError extends Error {
  constructor(amount: bigint) {
    super(`Amount ${amount} is beyond the exact range of a number`);
    this.name = 'AmountRangeError';
  }
}

/** A BigInt back to a number, refusing anything that would lose precision. */
export function toSafeNumber(n: bigint): number {
  if (n > MAX_SAFE || n < -MAX_SAFE) {
    throw new AmountRangeError(n);
  }
  return Number(n);
}

/** round_half_away_from_zero(a x b / d), exact for any safe integers a, b and d > 0. */
export function mulDivRound(a: number, b: number, d: number): number {
  const product = a * b;
  if (Math.abs(product) <= EXACT_PRODUCT && Number.isInteger(d) && d > 0) {
    // Small enough for exact number arithmetic (most lines): the float quotient may be one off, so the
    // remainder corrects it before rounding. Same result as the BigInt path, several times faster.
    const m = Math.abs(product);
    let q = Math.floor(m / d);
    let r = m - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    if (2 * r >= d) q += 1;
    return product < 0 ? 0 - q : q; // 0 - q, not -q: never a -0
  }
  return toSafeNumber(divRoundBig(BigInt(a) * BigInt(b), BigInt(d)));
}

/** A line amount: round_half_away_from_zero(creditedMinor x rateBp / 10000). */
export function applyRate(creditedMinor: number, rateBp: number): number {
  return mulDivRound(creditedMinor, rateBp, 10_000);
}

/** A sum of safe integers that fails loudly instead of drifting past 2^53. */
export function sumMinor(amounts: Iterable<number>): number {
  let total = 0n;
  for (const a of amounts) total += BigInt(a);
  return toSafeNumber(total);
}

/**
 * Credited amounts of a split deal: each share is round_half_away_from_zero(amount x shareBp / 10000) except the
 * last sharer's (highest user id), which takes the remainder, so the parts always add up to the deal amount.
 * Shares must sum to 10000. The crediting query applies the same rule in SQL; this is its reference.
 */
export function splitCredits(
  amountMinor: number,
  shares: ReadonlyArray<{ userId: number; shareBp: number }>,
): Map<number, number> {
  if (shares.length === 0) return new Map();
  const total = shares.reduce((s, x) => s + x.shareBp, 0);
  if (total !== 10_000) throw new Error(`Split shares sum to ${total} bp, not 10000`);
  const ordered = [...shares].sort((a, b) => a.userId - b.userId);
  const out = new Map<number, number>();
  let given = 0;
  ordered.forEach((s, i) => {
    const part = i === ordered.length - 1 ? amountMinor - given : mulDivRound(amountMinor, s.shareBp, 10_000);
    out.set(s.userId, part);
    given += part;
  });
  return out;
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (USD 2, JPY 0, BHD 3); 2 for a code Intl does not know. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Minor units as major units with grouping, exactly (no float): 123456 USD -> "1,234.56", -5 -> "-0.05". */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const text = BigInt(Math.abs(amountMinor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Basis points as a percentage with two decimals: 1250 -> "12.50%". */
export function formatRate(rateBp: number): string {
  return `${(rateBp / 100).toFixed(2)}%`;
}

/** A percentage as written in a plan: 50 -> "50%", 62.5 -> "62.5%". */
export function formatPct(pct: number): string {
  return `${Number(pct.toFixed(2))}%`;
}

/** Minor units as a major-unit decimal with '.' and no grouping, exactly (BigInt): 123456 USD -> "1234.56". */
export function majorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const n = BigInt(minor);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
}
