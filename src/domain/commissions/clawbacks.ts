import { daysBetween } from '../calendar/local-date.ts';
import { explained } from './line-reasons.ts';
import type { ClawbackInput, StatementLine, StatementSegment } from './types.ts';

/** Index of the segment whose rules are in effect on `date` (the nearest one when the date lies outside all). */
export function segmentIndexOn(segments: readonly StatementSegment[], date: string): number {
  const inside = segments.findIndex((s) => s.from <= date && date < s.to);
  if (inside >= 0) return inside;
  return date < (segments[0]?.from ?? '') ? 0 : segments.length - 1;
}

/**
 * Clawback lines (docs/commissions.md, "Clawbacks and prior-period adjustments"): a customer that ended within
 * clawbackDays (of the rules in effect on its end date) of its start takes back, per deal, the net commission
 * this person was paid on it in locked statements, as one negative line per deal in the period of the churn.
 * Deals with nothing paid (or a net negative) give no line.
 */
export function clawbackLines(args: {
  clawbacks: readonly ClawbackInput[];
  segments: readonly StatementSegment[];
  currency: string;
}): StatementLine[] {
  const lines: StatementLine[] = [];
  for (const c of args.clawbacks) {
    const index = segmentIndexOn(args.segments, c.endedOn);
    const limit = args.segments[index]?.rules.clawbackDays ?? null;
    const days = daysBetween(c.startedOn, c.endedOn);
    if (limit === null || days > limit) continue;
    for (const deal of c.paidByDeal) {
      if (deal.paidMinor <= 0) continue;
      lines.push({
        kind: 'clawback',
        segment: index,
        opportunityId: deal.opportunityId,
        label: deal.name,
        creditedMinor: null,
        rateBp: null,
        tier: null,
        attainmentFromPct: null,
        attainmentToPct: null,
        amountMinor: -deal.paidMinor,
        fromPeriodKey: null,
        ...explained(
          {
            code: 'clawback',
            customer: c.customerName,
            startedOn: c.startedOn,
            endedOn: c.endedOn,
            days,
            limitDays: limit,
            paidMinor: deal.paidMinor,
          },
          args.currency,
        ),
      });
    }
  }
  return lines;
}
