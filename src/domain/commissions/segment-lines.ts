import { creditNoteOf, explained, spifReasonScope, tierBounds } from './line-reasons.ts';
import type { StatementNotice } from '../notices.ts';
import { applyRate, formatRate, mulDivRound, sumMinor } from './money.ts';
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
  /** The warnings as codes and values, in the same order. */
  notices: StatementNotice[];
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
  const lines: StatementLine[] = [];
  const steps: DealStep[] = [];
  const warnings: string[] = [];
  const notices: StatementNotice[] = [];

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
    const rate = { rateBp: rules.tiers[onTarget]?.rateBp ?? 0, tier: onTarget + 1 };
    notices.push(
      segmentDays === periodDays
        ? { code: 'no_target', params: rate }
        : {
            code: 'no_target_segment',
            params: { segment: index + 1, from: segment.from, to: segment.to, ...rate },
          },
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
        ...explained(
          {
            code: 'excluded_currency',
            dealCurrency: deal.currency,
            planCurrency: currency,
            creditedOn: deal.creditedOn,
            creditedMinor: deal.creditedMinor,
          },
          currency,
        ),
      });
      continue;
    }
    const counted = countedOf(deal);
    const before = running;
    const after = running + counted;
    running = after;
    const credit = creditNoteOf(deal);
    const dealLines: StatementLine[] = [];
    const line = (
      fields: Partial<StatementLine> & Pick<StatementLine, 'kind' | 'amountMinor' | 'explanation' | 'reason'>,
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
        ...explained(
          {
            code: 'type_rate',
            dealType: deal.type,
            rateBp: typeRate,
            creditedMinor: deal.creditedMinor,
            credit,
            attainment: counted ? { fromPct: pct(before), toPct: pct(after) } : null,
          },
          currency,
        ),
      });
    } else if (noTarget) {
      const rate = rules.tiers[onTarget]?.rateBp ?? 0;
      line({
        kind: 'commission',
        rateBp: rate,
        tier: onTarget,
        amountMinor: applyRate(deal.creditedMinor, rate),
        ...explained(
          {
            code: 'no_target',
            rateBp: rate,
            creditedMinor: deal.creditedMinor,
            credit,
            tier: tierBounds(rules.tiers, onTarget),
          },
          currency,
        ),
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
        ...explained(
          {
            code: 'retroactive',
            rateBp: rate,
            creditedMinor: deal.creditedMinor,
            credit,
            finalPct: pct(finalCounted),
            tier: tierBounds(rules.tiers, finalTier),
          },
          currency,
        ),
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
        ...explained(
          {
            code: 'not_counted_type',
            rateBp: rate,
            creditedMinor: deal.creditedMinor,
            credit,
            tier: tierBounds(rules.tiers, tier),
            standsAtPct: pct(before),
            dealType: deal.type,
          },
          currency,
        ),
      });
    } else {
      const slices = sliceAtTiers(starts, before, after);
      for (const s of slices) {
        const rate = rules.tiers[s.tier]?.rateBp ?? 0;
        const sliceMinor = s.toMinor - s.fromMinor;
        line({
          kind: 'commission',
          creditedMinor: sliceMinor,
          rateBp: rate,
          tier: s.tier,
          attainmentFromPct: pct(s.fromMinor),
          attainmentToPct: pct(s.toMinor),
          amountMinor: applyRate(sliceMinor, rate),
          ...explained(
            {
              code: 'tier_slice',
              rateBp: rate,
              sliceMinor,
              ofCreditedMinor: slices.length > 1 ? deal.creditedMinor : null,
              credit,
              tier: tierBounds(rules.tiers, s.tier),
              fromPct: pct(s.fromMinor),
              toPct: pct(s.toMinor),
            },
            currency,
          ),
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
    lines.push({
      ...blank,
      kind: 'cap',
      segment: index,
      label: 'Cap',
      amountMinor: capMinor - earned,
      ...explained(
        {
          code: 'cap',
          earnedMinor: earned,
          capMinor,
          prorated:
            capMinor !== rules.capMinor || segmentDays !== periodDays
              ? { planCapMinor: rules.capMinor as number, segmentDays, periodDays }
              : null,
          unpaidMinor: earned - capMinor,
        },
        currency,
      ),
    });
  }

  if (!noTarget) {
    for (const bonus of rules.bonuses) {
      if (finalCounted < thresholdMinor(target, bonus.atPct)) continue;
      if (paidBonuses.has(bonus.label)) {
        warnings.push(
          `Bonus "${bonus.label}" was reached again after a plan change; it is paid once per period.`,
        );
        notices.push({ code: 'bonus_repeated', params: { label: bonus.label } });
        continue;
      }
      paidBonuses.add(bonus.label);
      lines.push({
        ...blank,
        kind: 'bonus',
        segment: index,
        label: bonus.label,
        amountMinor: bonus.amountMinor,
        ...explained(
          {
            code: 'bonus',
            attainmentPct: pct(finalCounted),
            atPct: bonus.atPct,
            amountMinor: bonus.amountMinor,
          },
          currency,
        ),
      });
    }
  }

  for (const deal of included) {
    for (const spif of rules.spifs) {
      if (spif.product !== null && deal.product !== spif.product) continue;
      if (spif.dealType !== null && deal.type !== spif.dealType) continue;
      if (deal.creditedOn < spif.from || deal.creditedOn >= spif.to) continue;
      const amount = mulDivRound(spif.amountMinor, deal.shareBp, 10_000);
      lines.push({
        ...blank,
        kind: 'spif',
        segment: index,
        opportunityId: deal.opportunityId,
        label: `${spif.label}: ${deal.name}`,
        creditedMinor: deal.creditedMinor,
        amountMinor: amount,
        ...explained(
          {
            code: 'spif',
            label: spif.label,
            perDealMinor: spif.amountMinor,
            ...spifReasonScope(spif),
            share: deal.shareBp === 10_000 ? null : { shareBp: deal.shareBp, amountMinor: amount },
          },
          currency,
        ),
      });
    }
  }

  return { lines, steps, capMinor, warnings, notices };
}

function segmentName(index: number, segment: StatementSegment, wholePeriod: boolean): string {
  if (wholePeriod) return 'This period';
  return `Segment ${index + 1} (${segment.from} to ${segment.to}, exclusive)`;
}
