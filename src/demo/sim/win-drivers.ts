import type { OpportunityType } from '../../store/schema.ts';
import { plusDays } from '../dates.ts';
import type { RepProfile } from '../org.ts';
import { onOrAfterBusinessDay, workMinute, type SimContext } from './context.ts';
import { logActivity, logCall, logEmail, type TouchLinks } from './records.ts';

/*
 * Why won and lost demo deals differ the way a real team's do, so the win analysis (src/domain/win-analysis/)
 * has something to find: referrals and buyers who asked for a quote win more than campaign leads, a lead
 * answered within minutes wins more than one answered the next day, smaller deals win more often than large
 * ones, won deals move faster through the stages, and reps work them harder (follow-ups after the demo and a
 * second meeting with the buyer's stakeholders). test/win-analysis/demo-wins.test.ts checks that the analysis
 * finds each of these.
 */

/** Win-rate multiplier per lead source (sources without an entry, and outbound deals, keep 1). */
const SOURCE_FACTOR: Record<string, number> = {
  referral: 2,
  request_a_quote: 1.5,
  web_form: 1,
  pricing_pdf_download: 0.95,
  event: 0.85,
  campaign: 0.5,
};

/** Win-rate multiplier for how fast the lead was first answered, in business minutes. */
function responseFactor(minutes: number | null | undefined): number {
  if (minutes === null || minutes === undefined) return 1;
  if (minutes <= 5) return 2;
  if (minutes <= 60) return 1.4;
  if (minutes <= 540) return 0.6;
  return 0.3;
}

/** New business around $12,000 is the norm; the chance falls steeply with size (a deal twice as big wins about 40% as often). */
function sizeFactor(type: OpportunityType, amountMinor: number): number {
  if (type !== 'new_business') return 1;
  return Math.min(2.5, Math.max(0.3, (1_200_000 / Math.max(1, amountMinor)) ** 1.4));
}

/*
 * The factors' averages over the demo's arrivals (sources weighted by share x MQL rate: about 1.14; size, with
 * log-normal amounts of sigma 0.55: exp((1.4 x 0.55)^2 / 2), about 1.34) are divided out, so the drivers move wins
 * between deals rather than adding wins, and the product is bounded so a rep's built-in trend (rates.ts) still
 * shows instead of being clipped at the ceiling.
 */
const SOURCE_MEAN = 1.14;
const SIZE_MEAN = 1.34;

/** The chance a deal ends won, after the drivers above; bounded so nothing is certain. */
export function drivenWinRate(
  base: number,
  d: {
    type: OpportunityType;
    leadSource: string | null;
    amountMinor: number;
    responseMinutes?: number | null;
  },
): number {
  const source = d.leadSource === null ? 1 : (SOURCE_FACTOR[d.leadSource] ?? 1) / SOURCE_MEAN;
  const size = d.type === 'new_business' ? sizeFactor(d.type, d.amountMinor) / SIZE_MEAN : 1;
  const f = Math.min(3, Math.max(0.2, source * responseFactor(d.responseMinutes) * size));
  return Math.min(Math.max(0.85, base), Math.max(0.02, base * f));
}

/** Won deals move faster than the cycle drawn for them, lost ones drag. */
export function drivenCycleDays(cycleDays: number, won: boolean): number {
  return Math.max(20, Math.round(cycleDays * (won ? 0.7 : 1.25)));
}

/**
 * Follow-ups after the demo meeting, spread over the days until the next stage (or the end): won deals get
 * three to five, lost ones none or one. The count comes from the deal id, not the random stream.
 */
export function logFollowUpsAfterDemo(
  ctx: SimContext,
  rep: RepProfile,
  won: boolean,
  id: number,
  from: string,
  to: string,
  links: TouchLinks,
): void {
  const n = won ? 3 + (id % 3) : id % 2;
  const span = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  for (let i = 1; i <= n; i += 1) {
    const d = onOrAfterBusinessDay(ctx, plusDays(from, Math.max(1, Math.floor((span * i) / (n + 1)))));
    if (d >= to || d > ctx.until) break;
    if (i % 2 === 1) logEmail(ctx, rep, d, workMinute(ctx), links);
    else logCall(ctx, rep, d, workMinute(ctx), 0.6, links);
  }
}

/** A won deal's second held meeting, with the buyer's stakeholders, on the day it reaches the trial stage. */
export function logStakeholderMeeting(
  ctx: SimContext,
  rep: RepProfile,
  date: string,
  minute: number,
  links: TouchLinks,
): void {
  if (date > ctx.until) return;
  logActivity(ctx, rep, {
    type: 'meeting',
    outcome: 'held',
    durationSeconds: 45 * 60,
    date,
    minute: Math.max(minute - 120, 9 * 60),
    subject: 'Stakeholder meeting',
    ...links,
  });
}
