import {
  attainmentText,
  creditNote,
  dealTypeText,
  formatMinor,
  formatPct,
  formatRate,
  spifScope,
} from './explain.ts';
import { applyRate, mulDivRound, sumMinor } from './money.ts';
import {
  attainmentPct,
  describeTier,
  onTargetTierIndex,
  sliceAtTiers,
  thresholdMinor,
  tierIndexAt,
  tierStarts,
} from './tiers.ts';
import type { CreditedDeal, StatementLine, StatementSegment } from './types.ts';

/** One included deal's contribution, for the attainment curve. */
export interface DealStep {
  deal: CreditedDeal;
  /** Credited amount counted toward attainment (0 for types outside attainmentTypes). */
  countedMinor: number;
  /** Its commission and type-rate lines, before any cap. */
  commissionMinor: number;
}

export interface SegmentOutcome {
  lines: StatementLine[];
  steps: DealStep[];
  /** The segment's cap in minor units after pro-rating (null = uncapped). */
  capMinor: number | null;
  warnings: string[];
}

const blank = {
  opportunityId: null,
  creditedMinor: null,
  rateBp: null,
  tier: null,
  attainmentFromPct: null,
  attainmentToPct: null,
  fromPeriodKey: null,
} as const;

/**
 * The lines of one segment (docs/commissions.md, "How a statement is computed"): its deals in credit order
 * (excluded, type-rate or tiered lines), then its cap, its bonuses and its SPIFs. `deals` are the segment's,
 * already in credit order; `paidBonuses` holds labels of bonuses paid in earlier segments of the period (a
 * bonus is paid once per period) and receives this segment's.
 */
export function segmentLines(args: {
  index: number;
  segment: StatementSegment;
  deals: readonly CreditedDeal[];
  currency: string;
  segmentDays: number;
  periodDays: number;
  paidBonuses: Set<string>;
}): SegmentOutcome {
  const { index, segment, deals, currency, segmentDays, periodDays, paidBonuses } = args;
  const rules = segment.rules;
  const target = segment.targetMinor;
  const money = (m: number) => formatMinor(m, currency);
  const lines: StatementLine[] = [];
  const steps: DealStep[] = [];
  const warnings: string[] = [];

  const included = deals.filter((d) => d.currency === currency);
  const counts = new Set(rules.attainmentTypes);
  const countedOf = (d: CreditedDeal) => (counts.has(d.type) ? d.creditedMinor : 0);
  const finalCounted = sumMinor(included.map(countedOf));
  const noTarget = target <= 0;
  const starts = noTarget ? [] : tierStarts(rules.tiers, target);
  const onTarget = onTargetTierIndex(rules.tiers);
  const finalTier = noTarget ? onTarget : tierIndexAt(starts, finalCounted);
  const pct = (m: number) => attainmentPct(m, target);
  if (noTarget) {
    warnings.push(
      `${segmentName(index, segment, segmentDays === periodDays)}: no target, so attainment cannot be computed; tiered deals earn the ` +
        `on-target rate (${formatRate(rules.tiers[onTarget]?.rateBp ?? 0)}, ${describeTier(rules.tiers, onTarget)}) ` +
        `and target bonuses are not paid.`,
    );
  }

  let running = 0;
  for (const deal of deals) {
    if (deal.currency !== currency) {
      lines.push({
        ...blank,
        kind: 'excluded',
        segment: index,
        opportunityId: deal.opportunityId,
        label: deal.name,
        creditedMinor: deal.creditedMinor,
        amountMinor: 0,
        explanation:
          `Not counted: the deal is in ${deal.currency} and the plan pays in ${currency} ` +
          `(deals are converted to the workspace currency by the exchange rate in effect on their credit date, and ` +
          `none was in effect on ${deal.creditedOn}); ` +
          `${formatMinor(deal.creditedMinor, deal.currency)} ${deal.currency} credited.`,
      });
      continue;
    }
    const counted = countedOf(deal);
    const before = running;
    const after = running + counted;
    running = after;
    const note = creditNote(deal, currency);
    const dealLines: StatementLine[] = [];
    const line = (
      fields: Partial<StatementLine> & Pick<StatementLine, 'kind' | 'amountMinor' | 'explanation'>,
    ) =>
      dealLines.push({
        ...blank,
        segment: index,
        opportunityId: deal.opportunityId,
        label: deal.name,
        creditedMinor: deal.creditedMinor,
        ...fields,
      });

    const typeRate = rules.typeRates[deal.type];
    if (typeRate !== undefined) {
      line({
        kind: 'type_rate',
        rateBp: typeRate,
        amountMinor: applyRate(deal.creditedMinor, typeRate),
        explanation:
          `${dealTypeText(deal.type)} deals earn a flat ${formatRate(typeRate)}: ` +
          `${formatRate(typeRate)} of ${money(deal.creditedMinor)}${note}` +
          (counted
            ? `; counts toward attainment (${attainmentText(pct(before))} -> ${attainmentText(pct(after))}).`
            : '.'),
      });
    } else if (noTarget) {
      const rate = rules.tiers[onTarget]?.rateBp ?? 0;
      line({
        kind: 'commission',
        rateBp: rate,
        tier: onTarget,
        amountMinor: applyRate(deal.creditedMinor, rate),
        explanation:
          `${formatRate(rate)} of ${money(deal.creditedMinor)}${note}: no target, so the on-target rate ` +
          `(${describeTier(rules.tiers, onTarget)}) applies.`,
      });
    } else if (rules.tierMode === 'retroactive') {
      const rate = rules.tiers[finalTier]?.rateBp ?? 0;
      line({
        kind: 'commission',
        rateBp: rate,
        tier: finalTier,
        attainmentFromPct: pct(before),
        attainmentToPct: pct(after),
        amountMinor: applyRate(deal.creditedMinor, rate),
        explanation:
          `${formatRate(rate)} of ${money(deal.creditedMinor)}${note}: final attainment ` +
          `${attainmentText(pct(finalCounted))} is in ${describeTier(rules.tiers, finalTier)}, ` +
          `whose rate applies to every deal (retroactive tiers).`,
      });
    } else if (counted === 0 && deal.creditedMinor !== 0) {
      // A tiered deal whose type does not count toward attainment earns the rate where attainment stands.
      const tier = tierIndexAt(starts, before);
      const rate = rules.tiers[tier]?.rateBp ?? 0;
      line({
        kind: 'commission',
        rateBp: rate,
        tier,
        attainmentFromPct: pct(before),
        attainmentToPct: pct(before),
        amountMinor: applyRate(deal.creditedMinor, rate),
        explanation:
          `${formatRate(rate)} of ${money(deal.creditedMinor)}${note} (${describeTier(rules.tiers, tier)}, ` +
          `where attainment stands at ${attainmentText(pct(before))}); ${dealTypeText(deal.type)} deals do not ` +
          `count toward attainment.`,
      });
    } else {
      const slices = sliceAtTiers(starts, before, after);
      for (const s of slices) {
        const rate = rules.tiers[s.tier]?.rateBp ?? 0;
        const sliceMinor = s.toMinor - s.fromMinor;
        const of = slices.length > 1 ? ` of the ${money(deal.creditedMinor)} credited` : '';
        line({
          kind: 'commission',
          creditedMinor: sliceMinor,
          rateBp: rate,
          tier: s.tier,
          attainmentFromPct: pct(s.fromMinor),
          attainmentToPct: pct(s.toMinor),
          amountMinor: applyRate(sliceMinor, rate),
          explanation:
            `${formatRate(rate)} on ${money(sliceMinor)}${of}${note} (${describeTier(rules.tiers, s.tier)}; ` +
            `attainment ${attainmentText(pct(s.fromMinor))} -> ${attainmentText(pct(s.toMinor))}).`,
        });
      }
    }
    lines.push(...dealLines);
    steps.push({
      deal,
      countedMinor: counted,
      commissionMinor: sumMinor(dealLines.map((l) => l.amountMinor)),
    });
  }

  const capMinor =
    rules.capMinor === null
      ? null
      : segmentDays === periodDays
        ? rules.capMinor
        : mulDivRound(rules.capMinor, segmentDays, periodDays);
  const earned = sumMinor(steps.map((s) => s.commissionMinor));
  if (capMinor !== null && earned > capMinor) {
    const prorated =
      capMinor !== rules.capMinor || segmentDays !== periodDays
        ? ` (${money(rules.capMinor as number)} x ${segmentDays}/${periodDays} days of the period)`
        : '';
    lines.push({
      ...blank,
      kind: 'cap',
      segment: index,
      label: 'Cap',
      amountMinor: capMinor - earned,
      explanation:
        `Commission of ${money(earned)} is above the cap of ${money(capMinor)}${prorated}: ` +
        `${money(earned - capMinor)} is not paid.`,
    });
  }

  if (!noTarget) {
    for (const bonus of rules.bonuses) {
      if (finalCounted < thresholdMinor(target, bonus.atPct)) continue;
      if (paidBonuses.has(bonus.label)) {
        warnings.push(
          `Bonus "${bonus.label}" was reached again after a plan change; it is paid once per period.`,
        );
        continue;
      }
      paidBonuses.add(bonus.label);
      lines.push({
        ...blank,
        kind: 'bonus',
        segment: index,
        label: bonus.label,
        amountMinor: bonus.amountMinor,
        explanation:
          `Attainment of ${attainmentText(pct(finalCounted))} reached ${formatPct(bonus.atPct)} of target: ` +
          `flat bonus of ${money(bonus.amountMinor)}, once per period.`,
      });
    }
  }

  for (const deal of included) {
    for (const spif of rules.spifs) {
      if (spif.product !== null && deal.product !== spif.product) continue;
      if (spif.dealType !== null && deal.type !== spif.dealType) continue;
      if (deal.creditedOn < spif.from || deal.creditedOn >= spif.to) continue;
      const amount = mulDivRound(spif.amountMinor, deal.shareBp, 10_000);
      const share =
        deal.shareBp === 10_000 ? '' : ` x your ${formatRate(deal.shareBp)} share = ${money(amount)}`;
      lines.push({
        ...blank,
        kind: 'spif',
        segment: index,
        opportunityId: deal.opportunityId,
        label: `${spif.label}: ${deal.name}`,
        creditedMinor: deal.creditedMinor,
        amountMinor: amount,
        explanation: `SPIF "${spif.label}": ${money(spif.amountMinor)} per ${spifScope(spif)}${share}.`,
      });
    }
  }

  return { lines, steps, capMinor, warnings };
}

function segmentName(index: number, segment: StatementSegment, wholePeriod: boolean): string {
  if (wholePeriod) return 'This period';
  return `Segment ${index + 1} (${segment.from} to ${segment.to}, exclusive)`;
}
