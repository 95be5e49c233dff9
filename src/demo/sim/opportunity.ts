import { dateParts } from '../../domain/calendar/local-date.ts';
import { dayDiff, plusDays } from '../dates.ts';
import type { ForecastCategory, OpportunityType } from '../../store/schema.ts';
import type { RepProfile } from '../org.ts';
import { at, atMs, businessDaysLater, onOrAfterBusinessDay, workMinute, type SimContext } from './context.ts';
import { addCustomer } from './customer-records.ts';
import { logActivity, logCall, logEmail } from './records.ts';
import {
  drivenCycleDays,
  drivenWinRate,
  logFollowUpsAfterDemo,
  logStakeholderMeeting,
} from './win-drivers.ts';

/** What starts an opportunity. */
export interface OpportunitySeed {
  rep: RepProfile;
  accountId: number;
  accountName: string;
  contactId: number | null;
  leadId: number | null;
  leadSource: string | null;
  type: OpportunityType;
  createdDate: string;
  createdMinute: number;
  amountMinor: number;
  /** Chance of ending Won, before the drivers in win-drivers.ts. */
  winRate: number;
  cycleDays: number;
  /** Business minutes the rep took to first answer the lead behind the deal (lead deals only). */
  responseMinutes?: number | null;
}

/** The opportunity's state at the end of the window. */
export interface OpportunityResult {
  id: number;
  status: 'open' | 'won' | 'lost';
  /** Local close date when closed inside the window. */
  closedDate: string | null;
  amountMinor: number;
}

const LOST_REASONS = [
  'Price',
  'Chose a competitor',
  'No budget',
  'Timing',
  'Missing feature',
  'No decision',
] as const;
// Deals die early more often than late.
const LOSS_STAGE_WEIGHTS = [0.3, 0.3, 0.2, 0.12, 0.08] as const;
const STAGE_CATEGORY: readonly ForecastCategory[] = [
  'pipeline',
  'pipeline',
  'best_case',
  'best_case',
  'commit',
];
const TYPE_LABEL: Record<OpportunityType, string> = {
  new_business: 'New business',
  upsell: 'Upsell',
  renewal: 'Renewal',
};
/**
 * The product a demo deal sells and the day its invoice is paid, derived from the deal id rather than drawn from
 * the random stream, so adding them left every other generated number as it was. Most new business is the
 * platform; upsells sell the add-ons; renewals renew the platform.
 */
const PRODUCTS: Record<OpportunityType, readonly string[]> = {
  new_business: ['Platform', 'Platform', 'Platform', 'Analytics'],
  upsell: ['Analytics', 'Onboarding services'],
  renewal: ['Platform'],
};

function demoProduct(id: number, type: OpportunityType): string {
  const options = PRODUCTS[type];
  return options[id % options.length]!;
}

/** Invoices are paid 10 to 45 days after the close; one not yet paid by the end of the window has no date. */
function demoPaidOn(ctx: SimContext, id: number, closeDate: string): string | null {
  const paid = plusDays(closeDate, 10 + ((id * 7) % 36));
  return paid <= ctx.until ? paid : null;
}

/** A stalled deal is given up ('No decision') this many days after it stopped moving. */
const STALL_GIVE_UP_DAYS = 90;

function weightedIndex(r: number, weights: readonly number[]): number {
  let acc = 0;
  for (let i = 0; i < weights.length; i += 1) {
    acc += weights[i] as number;
    if (r < acc) return i;
  }
  return weights.length - 1;
}

function roundTo100Dollars(minor: number): number {
  return Math.max(10_000, Math.round(minor / 10_000) * 10_000);
}

/**
 * Pulls a won deal that would close in the first three weeks of a fiscal quarter back into the previous
 * quarter's last days half of the time: the quarter-end push.
 */
function quarterEndPush(ctx: SimContext, close: string, notBefore: string): string {
  const { month, day } = dateParts(close);
  const isQuarterStartMonth = (month - ctx.fiscalYearStartMonth + 12) % 3 === 0;
  if (!isQuarterStartMonth || day > 21 || !ctx.rnd.chance(0.5)) return close;
  const pulled = plusDays(close, -(day + ctx.rnd.int(0, 4)));
  return pulled > notBefore ? pulled : close;
}

/**
 * Simulates one opportunity from creation to its fate (won, lost, stalled or still open at the end of the
 * window): every stage, amount and expected-close change goes into opportunity history, and the rep's meetings,
 * calls and e-mails along the way into activities. Rows after the window's end are not written.
 */
export function simulateOpportunity(ctx: SimContext, s: OpportunitySeed): OpportunityResult {
  const { rnd, stages } = ctx;
  const id = ctx.ds.opportunities.length + 1;
  // The fate is drawn first: won deals move faster than lost ones (win-drivers.ts).
  const won = rnd.chance(drivenWinRate(s.winRate, s));
  const L = drivenCycleDays(s.cycleDays, won);
  // Stage entry days 0..4 (Discovery..Final negotiation) spread over 90% of the cycle, then the close.
  const weights = [0, ...Array.from({ length: 4 }, () => 0.5 + rnd.next())];
  const total = weights.reduce((a, b) => a + b, 0);
  const entries: string[] = [];
  let acc = 0;
  for (let k = 0; k < 5; k += 1) {
    acc += weights[k] as number;
    let d =
      k === 0
        ? s.createdDate
        : onOrAfterBusinessDay(ctx, plusDays(s.createdDate, Math.round((0.9 * L * acc) / total)));
    const prev = entries[k - 1];
    if (prev !== undefined && d <= prev) d = businessDaysLater(ctx, prev, 1);
    entries.push(d);
  }
  const lastEntry = entries[4] as string;
  let close = onOrAfterBusinessDay(ctx, plusDays(s.createdDate, L));
  if (close <= lastEntry) close = businessDaysLater(ctx, lastEntry, 2);

  let stagesReached = 5;
  let endDate = close;
  let lostReason: string | null = null;
  if (won) {
    endDate = quarterEndPush(ctx, close, lastEntry);
  } else {
    stagesReached = weightedIndex(rnd.next(), LOSS_STAGE_WEIGHTS) + 1;
    const from = entries[stagesReached - 1] as string;
    const to = stagesReached < 5 ? (entries[stagesReached] as string) : close;
    if (rnd.chance(0.25)) {
      // Stalled: nothing moves any more; given up after a while, or still open and stale at the window's end.
      endDate = onOrAfterBusinessDay(ctx, plusDays(from, STALL_GIVE_UP_DAYS));
      lostReason = 'No decision';
    } else {
      endDate = onOrAfterBusinessDay(
        ctx,
        plusDays(from, Math.max(1, Math.floor(dayDiff(from, to) * rnd.next()))),
      );
      if (endDate <= from) endDate = businessDaysLater(ctx, from, 1);
      lostReason = rnd.pick(LOST_REASONS);
    }
  }

  const createdAt = at(ctx, s.createdDate, s.createdMinute);
  let amount = s.amountMinor;
  // Reps are optimistic about timing: the first expected close is well before the real one.
  let expected = plusDays(s.createdDate, Math.round(L * (0.6 + 0.3 * rnd.next())));
  let stageId = stages.open[0];
  let category: ForecastCategory = 'pipeline';
  const history = (date: string, minute: number, exactAt?: Date) => {
    ctx.ds.opportunityHistory.add({
      opportunityId: id,
      changedAt: exactAt ? exactAt.getTime() : atMs(ctx, date, minute),
      stageId,
      amountMinor: amount,
      expectedCloseDate: expected,
      forecastCategory: category,
      ownerId: s.rep.userId,
      changedBy: s.rep.userId,
    });
  };
  const links = { contactId: s.contactId, accountId: s.accountId, opportunityId: id };
  history(s.createdDate, s.createdMinute, createdAt);

  for (let k = 1; k < stagesReached; k += 1) {
    const d = entries[k] as string;
    if (d > ctx.until) break;
    const minute = workMinute(ctx);
    stageId = stages.open[k] as number;
    category = STAGE_CATEGORY[k] as ForecastCategory;
    if (expected < d) expected = plusDays(d, rnd.int(14, 45));
    if (won && k === 4) expected = endDate;
    history(d, minute);
    // What moved the deal: a discovery call, the demo meeting, trial check-ins, the negotiation call.
    if (k === 1) logCall(ctx, s.rep, d, Math.max(minute - 30, 9 * 60), 0.7, links);
    if (k === 2)
      logActivity(ctx, s.rep, {
        type: 'meeting',
        outcome: 'held',
        durationSeconds: rnd.int(40, 60) * 60,
        date: d,
        minute: Math.max(minute - 60, 9 * 60),
        subject: 'Product demo',
        ...links,
      });
    if (k === 2) {
      const next = k + 1 < stagesReached ? (entries[k + 1] as string) : endDate;
      logFollowUpsAfterDemo(ctx, s.rep, won, id, d, next, links);
    }
    if (k === 3 && won) logStakeholderMeeting(ctx, s.rep, d, minute, links);
    if (k === 3) logEmail(ctx, s.rep, d, minute, links);
    if (k === 4) logCall(ctx, s.rep, d, Math.max(minute - 20, 9 * 60), 0.8, links);
    // Some deals change size on the way: scoping after the demo, discounting in negotiation.
    if ((k === 2 || k === 4) && rnd.chance(0.35)) {
      const next = k + 1 < stagesReached ? (entries[k + 1] as string) : endDate;
      const when = plusDays(d, Math.min(rnd.int(1, 3), Math.max(0, dayDiff(d, next) - 1)));
      if (when > d && when <= ctx.until) {
        amount = roundTo100Dollars(amount * (k === 4 ? 0.8 + 0.2 * rnd.next() : 0.85 + 0.4 * rnd.next()));
        history(when, workMinute(ctx));
      }
    }
  }

  const closed = endDate <= ctx.until;
  let closedAt: Date | null = null;
  if (closed) {
    const minute = workMinute(ctx);
    closedAt = at(ctx, endDate, minute);
    stageId = won ? stages.won : stages.lost;
    category = won ? 'closed' : 'omitted';
    if (won) expected = endDate;
    history(endDate, minute, closedAt);
    if (won) logCall(ctx, s.rep, endDate, Math.max(minute - 15, 9 * 60), 0.9, links);
    ctx.closeDates.set(id, endDate);
  }
  const status = closed ? (won ? 'won' : 'lost') : 'open';
  ctx.ds.opportunities.push({
    id,
    name: `${s.accountName}: ${TYPE_LABEL[s.type]}`,
    account_id: s.accountId,
    contact_id: s.contactId,
    lead_id: s.leadId,
    owner_id: s.rep.userId,
    pipeline_id: stages.pipelineId,
    stage_id: stageId,
    status,
    amount_minor: amount,
    currency: ctx.currency,
    type: s.type,
    forecast_category: category,
    forecast_amount_minor:
      status === 'open'
        ? Math.round((amount * s.rep.optimism) / 100) * 100
        : status === 'won'
          ? amount
          : null,
    lead_source: s.leadSource,
    expected_close_date: expected,
    created_at: createdAt,
    closed_at: closedAt,
    lost_reason: status === 'lost' ? lostReason : null,
    product: demoProduct(id, s.type),
    paid_on: status === 'won' ? demoPaidOn(ctx, id, endDate) : null,
  });
  // A won new-business deal makes a customer on an annual contract (renewals, upsells and churn follow later).
  if (status === 'won' && s.type === 'new_business') {
    addCustomer(ctx, {
      rep: s.rep,
      accountId: s.accountId,
      contactId: s.contactId,
      accountName: s.accountName,
      startDate: endDate,
      mrrMinor: Math.round(amount / 12),
    });
  }
  return { id, status, closedDate: closed ? endDate : null, amountMinor: amount };
}
