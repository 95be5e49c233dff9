import type { Formatters } from './formatters.ts';

/** An amount in minor units of a currency other than the formatters' own, in the reader's locale. */
export function moneyIn(fmt: Formatters, minor: number, currency: string): string {
  const nf = new Intl.NumberFormat(fmt.locale, { style: 'currency', currency });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  return nf.format(minor / 10 ** digits);
}
