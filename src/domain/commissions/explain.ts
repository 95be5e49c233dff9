import { addDays } from '../calendar/local-date.ts';
import { formatMinor, formatPct, formatRate } from './money.ts';
import type { CreditedDeal, Spif } from './types.ts';

/**
 * Plain-English pieces of line explanations, so every statement line reads the same way and a rep can redo
 * the arithmetic from the words alone.
 */

/** An attainment as shown on a line: two decimals and a percent sign. */
export const attainmentText = (pct: number) => `${pct.toFixed(2)}%`;

/** "renewal" -> "renewal", "new_business" -> "new business". */
export const dealTypeText = (type: string) => type.replace('_', ' ');

/** How the person came by the credit (", your 33.33% share of 9,000.00"), when not simply their own whole deal. */
export function creditNote(deal: CreditedDeal, currency: string): string {
  const parts: string[] = [];
  if (deal.shareBp !== 10_000) {
    parts.push(`your ${formatRate(deal.shareBp)} share of ${formatMinor(deal.amountMinor, currency)}`);
  }
  if (deal.role === 'roll_up') parts.push('credited to you as a roll-up of your team');
  if (deal.convertedFrom) {
    const from = deal.convertedFrom;
    parts.push(
      `${formatMinor(from.amountMinor, from.currency)} ${from.currency} converted at the rate of ${deal.creditedOn}`,
    );
  }
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** "the Widget new business deal credited 2026-11-01 to 2026-11-30" for a SPIF's conditions. */
export function spifScope(spif: Spif): string {
  const what = [spif.product, spif.dealType && dealTypeText(spif.dealType)].filter(Boolean).join(' ');
  return `${what} deal credited ${spif.from} to ${addDays(spif.to, -1)}`;
}

export { formatMinor, formatPct, formatRate };
