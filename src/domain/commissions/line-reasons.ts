import { addDays } from '../calendar/local-date.ts';
import { formatMinor, formatPct, formatRate } from './money.ts';
import type { CreditedDeal, Spif, Tier } from './types.ts';

/**
 * Why a statement line has its amount, as data (issue 19): a reason code and the numbers the sentence needs.
 * The English `explanation` of a line is rendered from it here (the API, CLI and payroll CSV keep that text);
 * the web app and the printed statement render the same reason in the reader's language with their own number
 * formats (web/src/pages/commissions/line-explanation.ts). Amounts are minor units of the statement currency
 * unless a field names its own currency; percentages are plain numbers (62.5 = 62.5%); dates are ISO dates.
 */
export type LineReason =
  | { code: 'excluded_no_plan'; creditedOn: string }
  | {
      code: 'excluded_currency';
      dealCurrency: string;
      planCurrency: string;
      creditedOn: string;
      creditedMinor: number;
    }
  | {
      code: 'type_rate';
      dealType: string;
      rateBp: number;
      creditedMinor: number;
      credit: CreditNote | null;
      /** Attainment before and after, when the deal's type counts toward it. */
      attainment: { fromPct: number; toPct: number } | null;
    }
  | { code: 'no_target'; rateBp: number; creditedMinor: number; credit: CreditNote | null; tier: TierBounds }
  | {
      code: 'retroactive';
      rateBp: number;
      creditedMinor: number;
      credit: CreditNote | null;
      finalPct: number;
      tier: TierBounds;
    }
  | {
      code: 'not_counted_type';
      rateBp: number;
      creditedMinor: number;
      credit: CreditNote | null;
      tier: TierBounds;
      standsAtPct: number;
      dealType: string;
    }
  | {
      code: 'tier_slice';
      rateBp: number;
      sliceMinor: number;
      /** The deal's whole credited amount when it is split across tiers, else null. */
      ofCreditedMinor: number | null;
      credit: CreditNote | null;
      tier: TierBounds;
      fromPct: number;
      toPct: number;
    }
  | {
      code: 'cap';
      earnedMinor: number;
      capMinor: number;
      /** The plan's cap pro-rated to part of the period. */
      prorated: { planCapMinor: number; segmentDays: number; periodDays: number } | null;
      unpaidMinor: number;
    }
  | { code: 'bonus'; attainmentPct: number; atPct: number; amountMinor: number }
  | {
      code: 'spif';
      label: string;
      perDealMinor: number;
      product: string | null;
      dealType: string | null;
      from: string;
      /** Last day of the SPIF (inclusive). */
      through: string;
      /** The person's share in basis points and the amount it gives, when not the whole deal. */
      share: { shareBp: number; amountMinor: number } | null;
    }
  | {
      code: 'clawback';
      customer: string;
      startedOn: string;
      endedOn: string;
      days: number;
      limitDays: number;
      paidMinor: number;
    }
  | { code: 'adjustment_dispute'; disputeId: number | null; periodKey: string; amountMinor: number }
  | { code: 'adjustment_recompute'; periodKey: string; amountMinor: number; perDeal: boolean }
  | {
      code: 'draw';
      earnedMinor: number;
      drawMinor: number;
      topUpMinor: number;
      recoverable: boolean;
      balanceMinor: number;
    }
  | {
      code: 'draw_recovery';
      earnedMinor: number;
      drawMinor: number;
      excessMinor: number;
      recoveredMinor: number;
      balanceBeforeMinor: number;
      balanceMinor: number;
    };

export type ReasonCode = LineReason['code'];

/** A tier as a line names it: its 1-based number, its range of attainment and whether it pays nothing. */
export interface TierBounds {
  number: number;
  fromPct: number;
  /** Start of the next tier; null for the last tier. */
  toPct: number | null;
  decelerator: boolean;
}

/** How the person came by the credit, when not simply their own whole deal in the plan's currency. */
export interface CreditNote {
  /** Their share in basis points and the deal's whole amount, when not 100%. */
  share: { shareBp: number; dealAmountMinor: number } | null;
  rollUp: boolean;
  /** The deal's own amount and currency, converted at the rate of `on`. */
  converted: { amountMinor: number; currency: string; on: string } | null;
}

export function tierBounds(tiers: readonly Tier[], index: number): TierBounds {
  const tier = tiers[index] as Tier;
  const next = tiers[index + 1];
  return {
    number: index + 1,
    fromPct: tier.fromPct,
    toPct: next ? next.fromPct : null,
    decelerator: tier.rateBp === 0 && tiers.slice(index + 1).some((t) => t.rateBp > 0),
  };
}

export function creditNoteOf(deal: CreditedDeal): CreditNote | null {
  const note: CreditNote = {
    share: deal.shareBp === 10_000 ? null : { shareBp: deal.shareBp, dealAmountMinor: deal.amountMinor },
    rollUp: deal.role === 'roll_up',
    converted: deal.convertedFrom
      ? {
          amountMinor: deal.convertedFrom.amountMinor,
          currency: deal.convertedFrom.currency,
          on: deal.creditedOn,
        }
      : null,
  };
  return note.share || note.rollUp || note.converted ? note : null;
}

export function spifReasonScope(
  spif: Spif,
): Pick<Extract<LineReason, { code: 'spif' }>, 'product' | 'dealType' | 'from' | 'through'> {
  return { product: spif.product, dealType: spif.dealType, from: spif.from, through: addDays(spif.to, -1) };
}

/** "renewal" -> "renewal", "new_business" -> "new business". */
const dealTypeText = (type: string) => type.replace('_', ' ');
/** An attainment as shown on a line: two decimals and a percent sign. */
const attainmentText = (pct: number) => `${pct.toFixed(2)}%`;

function tierText(t: TierBounds): string {
  const range =
    t.toPct === null ? `from ${formatPct(t.fromPct)}` : `${formatPct(t.fromPct)} to ${formatPct(t.toPct)}`;
  return `tier ${t.number}: ${range} of target${t.decelerator ? ', decelerator' : ''}`;
}

function creditText(note: CreditNote | null, currency: string): string {
  if (!note) return '';
  const parts: string[] = [];
  if (note.share) {
    parts.push(
      `your ${formatRate(note.share.shareBp)} share of ${formatMinor(note.share.dealAmountMinor, currency)}`,
    );
  }
  if (note.rollUp) parts.push('credited to you as a roll-up of your team');
  if (note.converted) {
    const c = note.converted;
    parts.push(`${formatMinor(c.amountMinor, c.currency)} ${c.currency} converted at the rate of ${c.on}`);
  }
  return `, ${parts.join(', ')}`;
}

/** The English sentence of a reason, as the API, CLI and payroll CSV show it (`StatementLine.explanation`). */
export function englishExplanation(r: LineReason, currency: string): string {
  const money = (m: number) => formatMinor(m, currency);
  switch (r.code) {
    case 'excluded_no_plan':
      return `Not counted: credited on ${r.creditedOn}, when no plan was assigned to you.`;
    case 'excluded_currency':
      return (
        `Not counted: the deal is in ${r.dealCurrency} and the plan pays in ${r.planCurrency} ` +
        `(deals are converted to the workspace currency by the exchange rate in effect on their credit date, and ` +
        `none was in effect on ${r.creditedOn}); ` +
        `${formatMinor(r.creditedMinor, r.dealCurrency)} ${r.dealCurrency} credited.`
      );
    case 'type_rate':
      return (
        `${dealTypeText(r.dealType)} deals earn a flat ${formatRate(r.rateBp)}: ` +
        `${formatRate(r.rateBp)} of ${money(r.creditedMinor)}${creditText(r.credit, currency)}` +
        (r.attainment
          ? `; counts toward attainment (${attainmentText(r.attainment.fromPct)} -> ` +
            `${attainmentText(r.attainment.toPct)}).`
          : '.')
      );
    case 'no_target':
      return (
        `${formatRate(r.rateBp)} of ${money(r.creditedMinor)}${creditText(r.credit, currency)}: no target, so ` +
        `the on-target rate (${tierText(r.tier)}) applies.`
      );
    case 'retroactive':
      return (
        `${formatRate(r.rateBp)} of ${money(r.creditedMinor)}${creditText(r.credit, currency)}: final attainment ` +
        `${attainmentText(r.finalPct)} is in ${tierText(r.tier)}, whose rate applies to every deal (retroactive tiers).`
      );
    case 'not_counted_type':
      return (
        `${formatRate(r.rateBp)} of ${money(r.creditedMinor)}${creditText(r.credit, currency)} ` +
        `(${tierText(r.tier)}, where attainment stands at ${attainmentText(r.standsAtPct)}); ` +
        `${dealTypeText(r.dealType)} deals do not count toward attainment.`
      );
    case 'tier_slice': {
      const of = r.ofCreditedMinor === null ? '' : ` of the ${money(r.ofCreditedMinor)} credited`;
      return (
        `${formatRate(r.rateBp)} on ${money(r.sliceMinor)}${of}${creditText(r.credit, currency)} ` +
        `(${tierText(r.tier)}; attainment ${attainmentText(r.fromPct)} -> ${attainmentText(r.toPct)}).`
      );
    }
    case 'cap': {
      const p = r.prorated;
      const prorated = p
        ? ` (${money(p.planCapMinor)} x ${p.segmentDays}/${p.periodDays} days of the period)`
        : '';
      return (
        `Commission of ${money(r.earnedMinor)} is above the cap of ${money(r.capMinor)}${prorated}: ` +
        `${money(r.unpaidMinor)} is not paid.`
      );
    }
    case 'bonus':
      return (
        `Attainment of ${attainmentText(r.attainmentPct)} reached ${formatPct(r.atPct)} of target: ` +
        `flat bonus of ${money(r.amountMinor)}, once per period.`
      );
    case 'spif': {
      const what = [r.product, r.dealType && dealTypeText(r.dealType)].filter(Boolean).join(' ');
      const share = r.share
        ? ` x your ${formatRate(r.share.shareBp)} share = ${money(r.share.amountMinor)}`
        : '';
      return (
        `SPIF "${r.label}": ${money(r.perDealMinor)} per ${what} deal credited ${r.from} to ${r.through}` +
        `${share}.`
      );
    }
    case 'clawback':
      return (
        `Customer ${r.customer} ended on ${r.endedOn}, ${r.days} days after it started on ${r.startedOn} ` +
        `(the plan claws back within ${r.limitDays} days): the ${money(r.paidMinor)} ` +
        `paid on this deal in locked statements is taken back.`
      );
    case 'adjustment_dispute':
      return (
        `Accepted dispute${r.disputeId === null ? '' : ` #${r.disputeId}`} on the locked ${r.periodKey} ` +
        `statement: ${money(r.amountMinor)}.`
      );
    case 'adjustment_recompute':
      return (
        `The locked ${r.periodKey} statement, recomputed with today's data, owes ` +
        `${money(r.amountMinor)} more on this${r.perDeal ? ' deal' : ' line'} ` +
        `(a negative amount is an overpayment taken back); the locked statement itself is not changed.`
      );
    case 'draw':
      return (
        `Earnings of ${money(r.earnedMinor)} are below the ${money(r.drawMinor)} draw: topped up by ` +
        `${money(r.topUpMinor)}` +
        (r.recoverable
          ? `, to be paid back from later earnings above the draw (balance owed now ${money(r.balanceMinor)}).`
          : ' (not recoverable: never paid back).')
      );
    case 'draw_recovery':
      return (
        `Earnings of ${money(r.earnedMinor)} exceed the ${money(r.drawMinor)} draw by ${money(r.excessMinor)}: ` +
        `${money(r.recoveredMinor)} of the ${money(r.balanceBeforeMinor)} recoverable draw balance is paid back ` +
        `(balance now ${money(r.balanceMinor)}).`
      );
  }
}

/** A line's `reason` and the English `explanation` rendered from it. */
export function explained(reason: LineReason, currency: string): { reason: LineReason; explanation: string } {
  return { reason, explanation: englishExplanation(reason, currency) };
}
