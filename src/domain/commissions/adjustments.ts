import { explained } from './line-reasons.ts';
import type { AdjustmentInput, StatementLine } from './types.ts';

/** A line amount of a statement, reduced to what a prior-period comparison needs. */
export interface AmountByDeal {
  opportunityId: number | null;
  name: string;
  amountMinor: number;
}

/**
 * What a locked period owes after its deals changed (docs/commissions.md, "Clawbacks and prior-period
 * adjustments"): per deal, recomputed - locked - already adjusted in later locked statements. Lines without a
 * deal (cap, bonus, draw) are compared by name. Non-zero differences become 'recompute' adjustments, in the order
 * the deals first appear (locked lines, then recomputed, then earlier adjustments).
 */
export function priorPeriodAdjustments(args: {
  fromPeriodKey: string;
  locked: readonly AmountByDeal[];
  recomputed: readonly AmountByDeal[];
  alreadyAdjusted: readonly AmountByDeal[];
}): AdjustmentInput[] {
  const byKey = new Map<string, { opportunityId: number | null; name: string; difference: bigint }>();
  const add = (rows: readonly AmountByDeal[], sign: bigint) => {
    for (const r of rows) {
      const key = r.opportunityId === null ? `name:${r.name}` : `deal:${r.opportunityId}`;
      const entry = byKey.get(key) ?? { opportunityId: r.opportunityId, name: r.name, difference: 0n };
      entry.difference += sign * BigInt(r.amountMinor);
      byKey.set(key, entry);
    }
  };
  add(args.locked, -1n);
  add(args.recomputed, 1n);
  add(args.alreadyAdjusted, -1n);
  const out: AdjustmentInput[] = [];
  for (const e of byKey.values()) {
    if (e.difference === 0n) continue;
    out.push({
      fromPeriodKey: args.fromPeriodKey,
      opportunityId: e.opportunityId,
      label: `${e.name} (${args.fromPeriodKey} recomputed)`,
      amountMinor: Number(e.difference),
      source: 'recompute',
      disputeId: null,
    });
  }
  return out;
}

/** One 'adjustment' line per adjustment, in input order. */
export function adjustmentLines(adjustments: readonly AdjustmentInput[], currency: string): StatementLine[] {
  return adjustments.map((a) => ({
    kind: 'adjustment',
    segment: null,
    opportunityId: a.opportunityId,
    label: a.label,
    creditedMinor: null,
    rateBp: null,
    tier: null,
    attainmentFromPct: null,
    attainmentToPct: null,
    amountMinor: a.amountMinor,
    fromPeriodKey: a.fromPeriodKey,
    ...explained(
      a.source === 'dispute'
        ? {
            code: 'adjustment_dispute',
            disputeId: a.disputeId,
            periodKey: a.fromPeriodKey,
            amountMinor: a.amountMinor,
          }
        : {
            code: 'adjustment_recompute',
            periodKey: a.fromPeriodKey,
            amountMinor: a.amountMinor,
            perDeal: a.opportunityId !== null,
          },
      currency,
    ),
  }));
}
