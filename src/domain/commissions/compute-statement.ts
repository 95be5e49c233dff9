import { daysBetween } from '../calendar/local-date.ts';
import { assertNever } from '../../errors.ts';
import type { StatementNotice } from '../notices.ts';
import { adjustmentLines } from './adjustments.ts';
import { clawbackLines } from './clawbacks.ts';
import { drawLines } from './draws.ts';
import { formatMinor, sumMinor, toSafeNumber } from './money.ts';
import { explained } from './line-reasons.ts';
import { segmentLines, type DealStep } from './segment-lines.ts';
import { attainmentPct } from './tiers.ts';
import type {
  CreditedDeal,
  CurvePoint,
  StatementInput,
  StatementLine,
  StatementResult,
  StatementTotals,
} from './types.ts';

/** Credit order: by credit date, then opportunity id (the order attainment is reached in). */
export function creditOrder(a: CreditedDeal, b: CreditedDeal): number {
  if (a.creditedOn !== b.creditedOn) return a.creditedOn < b.creditedOn ? -1 : 1;
  return a.opportunityId - b.opportunityId;
}

/**
 * One person's statement for one period (docs/commissions.md, "How a statement is computed"). Pure: the store
 * supplies segments (plan versions with their targets), credited deals, churned customers, adjustments and the
 * carried draw balance. Lines come in this order: per segment its deals in credit order (tiered, type-rate or
 * excluded lines), its cap, bonuses and SPIFs; deals outside every segment (excluded); clawbacks; adjustments;
 * the draw. Each line is rounded on its own and every total is a sum of lines, so the statement adds up.
 */
export function computeStatement(input: StatementInput): StatementResult {
  const segments = input.segments;
  const first = segments[0];
  if (!first) throw new Error(`Statement ${input.periodKey} for user ${input.userId} has no plan segment`);
  const currency = first.rules.currency;
  const periodDays = daysBetween(input.periodStart, input.periodEnd);
  const warnings: string[] = [];
  const notices: StatementNotice[] = [];
  for (const s of segments) {
    if (s.rules.currency !== currency) {
      warnings.push(
        `The plan from ${s.from} pays in ${s.rules.currency} but the statement is in ${currency}: ` +
          `its ${s.rules.currency} amounts (cap, bonuses, SPIFs, draw) are read as ${currency}.`,
      );
      notices.push({
        code: 'plan_currency',
        params: { from: s.from, planCurrency: s.rules.currency, currency },
      });
    }
  }

  const bySegment: CreditedDeal[][] = segments.map(() => []);
  const outside: CreditedDeal[] = [];
  for (const deal of [...input.deals].sort(creditOrder)) {
    const i = segments.findIndex((s) => s.from <= deal.creditedOn && deal.creditedOn < s.to);
    if (i >= 0) bySegment[i]?.push(deal);
    else outside.push(deal);
  }

  const lines: StatementLine[] = [];
  const steps: Array<{ segment: number; step: DealStep; capMinor: number | null }> = [];
  const paidBonuses = new Set<string>();
  segments.forEach((segment, index) => {
    const outcome = segmentLines({
      index,
      segment,
      deals: bySegment[index] ?? [],
      currency,
      segmentDays: daysBetween(segment.from, segment.to),
      periodDays,
      paidBonuses,
    });
    lines.push(...outcome.lines);
    warnings.push(...outcome.warnings);
    notices.push(...outcome.notices);
    for (const step of outcome.steps) steps.push({ segment: index, step, capMinor: outcome.capMinor });
  });
  for (const deal of outside) {
    lines.push({
      kind: 'excluded',
      segment: null,
      opportunityId: deal.opportunityId,
      label: deal.name,
      creditedMinor: deal.creditedMinor,
      rateBp: null,
      tier: null,
      attainmentFromPct: null,
      attainmentToPct: null,
      amountMinor: 0,
      fromPeriodKey: null,
      ...explained({ code: 'excluded_no_plan', creditedOn: deal.creditedOn }, currency),
    });
  }
  lines.push(...clawbackLines({ clawbacks: input.clawbacks, segments, currency }));
  lines.push(...adjustmentLines(input.adjustments, currency));

  const earnings = sumMinor(lines.map((l) => l.amountMinor));
  // The draw of the plan in effect at the end of the period (its last segment).
  const last = segments[segments.length - 1] ?? first;
  const draw = drawLines({
    draw: last.rules.draw,
    earningsMinor: earnings,
    balanceMinor: input.drawBalanceMinor,
    currency,
  });
  lines.push(...draw.lines);

  const targetMinor = sumMinor(segments.map((s) => s.targetMinor));
  const countedMinor = sumMinor(steps.map((s) => s.step.countedMinor));
  const totals = totalsOf(lines, {
    creditedMinor: sumMinor(steps.map((s) => s.step.deal.creditedMinor)),
    targetMinor,
    attainmentPct: attainmentPct(countedMinor, targetMinor),
  });
  if (outside.length > 0) {
    warnings.push(`${outside.length} deal(s) credited on days without a plan assignment are not counted.`);
    notices.push({ code: 'outside_plan', params: { count: outside.length } });
  }
  const otherCurrency = lines.filter((l) => l.kind === 'excluded' && l.segment !== null).length;
  if (otherCurrency > 0) {
    warnings.push(`${otherCurrency} deal(s) in another currency than ${currency} are not counted.`);
    notices.push({ code: 'other_currency', params: { count: otherCurrency, currency } });
  }
  if (totals.payoutMinor < 0) {
    warnings.push(
      `The payout is negative (${formatMinor(totals.payoutMinor, currency)}): deductions exceed earnings.`,
    );
    notices.push({ code: 'negative_payout', params: { amountMinor: totals.payoutMinor, currency } });
  }

  return {
    currency,
    lines,
    totals,
    curve: curveOf(steps, targetMinor),
    drawBalanceMinor: draw.balanceMinor,
    warnings,
    notices,
  };
}

/** Totals by kind of line; payout is the sum of every line, so the parts always add up to it. */
function totalsOf(
  lines: readonly StatementLine[],
  base: Pick<StatementTotals, 'creditedMinor' | 'targetMinor' | 'attainmentPct'>,
): StatementTotals {
  const sums = { commission: 0n, bonus: 0n, spif: 0n, clawback: 0n, adjustment: 0n, draw: 0n, all: 0n };
  for (const l of lines) {
    const amount = BigInt(l.amountMinor);
    sums.all += amount;
    switch (l.kind) {
      case 'commission':
      case 'type_rate':
      case 'cap':
        sums.commission += amount;
        break;
      case 'bonus':
        sums.bonus += amount;
        break;
      case 'spif':
        sums.spif += amount;
        break;
      case 'clawback':
        sums.clawback += amount;
        break;
      case 'adjustment':
        sums.adjustment += amount;
        break;
      case 'draw':
      case 'draw_recovery':
        sums.draw += amount;
        break;
      case 'excluded':
        break;
      default:
        assertNever(l.kind, 'line kind');
    }
  }
  return {
    ...base,
    commissionMinor: toSafeNumber(sums.commission),
    bonusMinor: toSafeNumber(sums.bonus),
    spifMinor: toSafeNumber(sums.spif),
    clawbackMinor: toSafeNumber(sums.clawback),
    adjustmentMinor: toSafeNumber(sums.adjustment),
    drawMinor: toSafeNumber(sums.draw),
    payoutMinor: toSafeNumber(sums.all),
  };
}

/**
 * The attainment curve: after each included deal, the credited amount to date, attainment of the whole period's
 * target (sum of segment targets) and commission to date (tiered and type-rate lines, each segment held to its
 * cap as it goes), so the last point's commission equals the statement's commission total.
 */
function curveOf(
  steps: ReadonlyArray<{ segment: number; step: DealStep; capMinor: number | null }>,
  targetMinor: number,
): CurvePoint[] {
  const curve: CurvePoint[] = [];
  let credited = 0;
  let counted = 0;
  let closedSegments = 0;
  let segment = -1;
  let inSegment = 0;
  let capMinor: number | null = null;
  const capped = () => (capMinor !== null && inSegment > capMinor ? capMinor : inSegment);
  for (const s of steps) {
    if (s.segment !== segment) {
      closedSegments += segment >= 0 ? capped() : 0;
      segment = s.segment;
      inSegment = 0;
      capMinor = s.capMinor;
    }
    credited += s.step.deal.creditedMinor;
    counted += s.step.countedMinor;
    inSegment += s.step.commissionMinor;
    curve.push({
      date: s.step.deal.creditedOn,
      opportunityId: s.step.deal.opportunityId,
      creditedToDateMinor: credited,
      attainmentPct: attainmentPct(counted, targetMinor),
      commissionToDateMinor: closedSegments + capped(),
    });
  }
  return curve;
}
