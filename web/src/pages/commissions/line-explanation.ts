import type { CreditNote, LineReason, TierBounds } from '../../../../src/domain/commissions/line-reasons.ts';
import type { Formatters } from '../../format/formatters.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { moneyIn } from '../../format/money-in.ts';
import { t } from '../../i18n/t.ts';
import { pctText, rateText } from './money.ts';

/**
 * A statement line's explanation in the reader's language (issue 19): rendered from the line's structured reason
 * with t() and the reader's formatters, so the printed statement reads "10% od 3000,00 zł" in Polish. A line
 * stored before reasons existed (or an unknown code from a newer server) shows the English text it was stored
 * with. `fmt` must be in the statement's currency (useFormattersIn).
 */
export function lineExplanation(
  line: { explanation: string; reason?: LineReason | { code: string } | null },
  fmt: Formatters,
): string {
  const r = line.reason as LineReason | undefined | null;
  if (!r) return line.explanation;
  const main = mainSentence(r, fmt);
  if (main === null) return line.explanation;
  const credit = 'credit' in r ? creditSentence(r.credit, fmt) : null;
  return credit === null ? main : `${main} ${credit}`;
}

/** The line's own sentence (without how the amount was credited); null for a code this app does not know. */
function mainSentence(r: LineReason, fmt: Formatters): string | null {
  const money = (m: number) => fmt.money(m);
  const rate = (bp: number) => rateText(fmt, bp);
  const pct = (p: number) => pctText(fmt, p);
  const tier = (b: TierBounds) => tierText(b, fmt);
  switch (r.code) {
    case 'excluded_no_plan':
      return t('commissions.reason.excluded_no_plan', { date: fmt.date(r.creditedOn) });
    case 'excluded_currency':
      return t('commissions.reason.excluded_currency', {
        dealCurrency: r.dealCurrency,
        planCurrency: r.planCurrency,
        date: fmt.date(r.creditedOn),
        amount: moneyIn(fmt, r.creditedMinor, r.dealCurrency),
      });
    case 'type_rate':
      return r.attainment
        ? t('commissions.reason.type_rate_counted', {
            dealType: dealTypeText(r.dealType),
            rate: rate(r.rateBp),
            credited: money(r.creditedMinor),
            from: pct(r.attainment.fromPct),
            to: pct(r.attainment.toPct),
          })
        : t('commissions.reason.type_rate', {
            dealType: dealTypeText(r.dealType),
            rate: rate(r.rateBp),
            credited: money(r.creditedMinor),
          });
    case 'no_target':
      return t('commissions.reason.no_target', {
        rate: rate(r.rateBp),
        credited: money(r.creditedMinor),
        tier: tier(r.tier),
      });
    case 'retroactive':
      return t('commissions.reason.retroactive', {
        rate: rate(r.rateBp),
        credited: money(r.creditedMinor),
        final: pct(r.finalPct),
        tier: tier(r.tier),
      });
    case 'not_counted_type':
      return t('commissions.reason.not_counted_type', {
        rate: rate(r.rateBp),
        credited: money(r.creditedMinor),
        tier: tier(r.tier),
        stands: pct(r.standsAtPct),
        dealType: dealTypeText(r.dealType),
      });
    case 'tier_slice': {
      const values = {
        rate: rate(r.rateBp),
        slice: money(r.sliceMinor),
        tier: tier(r.tier),
        from: pct(r.fromPct),
        to: pct(r.toPct),
      };
      return r.ofCreditedMinor === null
        ? t('commissions.reason.tier_slice', values)
        : t('commissions.reason.tier_slice_of', { ...values, credited: money(r.ofCreditedMinor) });
    }
    case 'cap': {
      const values = { earned: money(r.earnedMinor), cap: money(r.capMinor), unpaid: money(r.unpaidMinor) };
      return r.prorated
        ? t('commissions.reason.cap_prorated', {
            ...values,
            planCap: money(r.prorated.planCapMinor),
            days: fmt.number(r.prorated.segmentDays, 0),
            periodDays: fmt.number(r.prorated.periodDays, 0),
          })
        : t('commissions.reason.cap', values);
    }
    case 'bonus':
      return t('commissions.reason.bonus', {
        attainment: pct(r.attainmentPct),
        threshold: pct(r.atPct),
        amount: money(r.amountMinor),
      });
    case 'spif': {
      const values = {
        label: r.label,
        perDeal: money(r.perDealMinor),
        // Which deals the SPIF pays for is chosen inside each message (ICU select), never joined from words.
        scope: r.product && r.dealType ? 'both' : r.product ? 'product' : r.dealType ? 'dealType' : 'any',
        product: r.product ?? '',
        dealType: r.dealType ? dealTypeText(r.dealType) : '',
        from: fmt.date(r.from),
        through: fmt.date(r.through),
      };
      return r.share
        ? t('commissions.reason.spif_share', {
            ...values,
            share: rate(r.share.shareBp),
            amount: money(r.share.amountMinor),
          })
        : t('commissions.reason.spif', values);
    }
    case 'clawback':
      return t('commissions.reason.clawback', {
        customer: r.customer,
        ended: fmt.date(r.endedOn),
        started: fmt.date(r.startedOn),
        days: r.days,
        limit: r.limitDays,
        paid: money(r.paidMinor),
      });
    case 'adjustment_dispute':
      return r.disputeId === null
        ? t('commissions.reason.adjustment_dispute_unnumbered', {
            period: r.periodKey,
            amount: money(r.amountMinor),
          })
        : t('commissions.reason.adjustment_dispute', {
            dispute: r.disputeId,
            period: r.periodKey,
            amount: money(r.amountMinor),
          });
    case 'adjustment_recompute':
      return t(
        r.perDeal
          ? 'commissions.reason.adjustment_recompute_deal'
          : 'commissions.reason.adjustment_recompute_line',
        { period: r.periodKey, amount: money(r.amountMinor) },
      );
    case 'draw': {
      const values = {
        earned: money(r.earnedMinor),
        draw: money(r.drawMinor),
        topUp: money(r.topUpMinor),
      };
      return r.recoverable
        ? t('commissions.reason.draw_recoverable', { ...values, balance: money(r.balanceMinor) })
        : t('commissions.reason.draw_fixed', values);
    }
    case 'draw_recovery':
      return t('commissions.reason.draw_recovery', {
        earned: money(r.earnedMinor),
        draw: money(r.drawMinor),
        excess: money(r.excessMinor),
        recovered: money(r.recoveredMinor),
        before: money(r.balanceBeforeMinor),
        balance: money(r.balanceMinor),
      });
    default:
      return null;
  }
}

function tierText(b: TierBounds, fmt: Formatters): string {
  const from = pctText(fmt, b.fromPct);
  if (b.toPct === null) {
    return b.decelerator
      ? t('commissions.reason.tier_from_decelerator', { number: b.number, from })
      : t('commissions.reason.tier_from', { number: b.number, from });
  }
  const values = { number: b.number, from, to: pctText(fmt, b.toPct) };
  return b.decelerator
    ? t('commissions.reason.tier_range_decelerator', values)
    : t('commissions.reason.tier_range', values);
}

/**
 * How the person came by the credit, as a sentence of its own: one ICU message whose `select` over the kind
 * picks a whole sentence for each combination the engine produces (a split share, a roll-up of the team, a
 * deal converted from its own currency, or several at once), so no language has to fit a clause into another
 * sentence. Amounts are in the statement currency except ownAmount, the deal's amount in its own currency.
 */
function creditSentence(c: CreditNote | null, fmt: Formatters): string | null {
  if (!c) return null;
  const kind = [c.share && 'share', c.rollUp && 'roll_up', c.converted && 'converted']
    .filter(Boolean)
    .join('_');
  return t('commissions.reason.credit', {
    kind,
    share: c.share ? rateText(fmt, c.share.shareBp) : '',
    dealAmount: c.share ? fmt.money(c.share.dealAmountMinor) : '',
    ownAmount: c.converted ? moneyIn(fmt, c.converted.amountMinor, c.converted.currency) : '',
    date: c.converted ? fmt.date(c.converted.on) : '',
  });
}

/** The deal type's label (New business, Upsell, Renewal), or the code for a type the app does not name. */
function dealTypeText(type: string): string {
  const key = `commissions.dealType.${type}` as MessageKey;
  const text = t(key);
  return text === key ? type.replace('_', ' ') : text;
}
