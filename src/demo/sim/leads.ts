import { addBusinessMinutes } from '../../domain/calendar/business-time.ts';
import { plusDays } from '../dates.ts';
import { instantToLocal } from '../../domain/calendar/zoned.ts';
import { companyName, personName } from '../names.ts';
import type { RepProfile } from '../org.ts';
import { at, businessDaysLater, isWorkday, workMinute, type SimContext } from './context.ts';
import { simulateOpportunity } from './opportunity.ts';
import { cycleDays, newBusinessAmount, rampFactor, seasonFactor, winRate } from './rates.ts';
import { logActivity, logCall, logEmail, newAccount, newContact } from './records.ts';

/** Lead sources with their share of arrivals and their chance of becoming marketing-qualified. */
const SOURCES = [
  { source: 'web_form', share: 0.25, mql: 0.45 },
  { source: 'request_a_quote', share: 0.13, mql: 0.85 },
  { source: 'pricing_pdf_download', share: 0.15, mql: 0.6 },
  { source: 'campaign', share: 0.22, mql: 0.35 },
  { source: 'referral', share: 0.1, mql: 0.75 },
  { source: 'event', share: 0.15, mql: 0.45 },
] as const;

function pickSource(r: number): (typeof SOURCES)[number] {
  let acc = 0;
  for (const s of SOURCES) {
    acc += s.share;
    if (r < acc) return s;
  }
  return SOURCES[0];
}

/** A local instant as date + minute, for the day-level bookkeeping. */
function local(ctx: SimContext, d: Date): { date: string; minute: number } {
  const l = instantToLocal(d, ctx.cal.timeZone);
  return { date: l.date, minute: l.minuteOfDay };
}

/**
 * Business minutes the owner takes to answer, or null for never: the responsive answer some leads within five
 * minutes and most within the hour; everyone has a tail of days; a few leads are never touched.
 */
function responseMinutes(ctx: SimContext, rep: RepProfile): number | null {
  const u = ctx.rnd.next();
  const r = rep.responsiveness;
  if (u < 0.04 + 0.22 * r) return ctx.rnd.int(0, 5);
  if (u < 0.3 + 0.45 * r) return ctx.rnd.int(6, 60);
  if (u < 0.94) return ctx.rnd.int(61, 3 * 540);
  return null;
}

/** Leads that arrive on one local day (weekends and holidays too, fewer), each handled to its fate. */
export function simulateLeadsForDay(ctx: SimContext, date: string): void {
  const { rnd } = ctx;
  const active = ctx.reps.filter((r) => rampFactor(r, date) > 0);
  if (active.length === 0) return;
  const offDay = !isWorkday(ctx, date);
  const lambda = 0.85 * active.length * seasonFactor(ctx, date) * (offDay ? 0.45 : 1);
  const count = Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rnd.normal()));
  for (let i = 0; i < count; i += 1) {
    // Around the clock, busier in office hours.
    const minute = rnd.chance(0.6) ? rnd.int(8 * 60, 18 * 60 - 1) : rnd.int(0, 24 * 60 - 1);
    simulateLead(ctx, rnd.pick(active), date, minute);
  }
}

function simulateLead(ctx: SimContext, rep: RepProfile, date: string, minute: number): void {
  const { rnd } = ctx;
  const id = ctx.ds.leads.length + 1;
  const src = pickSource(rnd.next());
  const name = personName(rnd);
  const createdAt = at(ctx, date, minute);
  const lead = {
    id,
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@lead${id}.example.test`,
    company: companyName(rnd),
    source: src.source,
    owner_id: rep.userId,
    status: 'new' as 'new' | 'working' | 'mql' | 'sql' | 'disqualified' | 'converted',
    created_at: createdAt,
    mql_at: null as Date | null,
    sql_at: null as Date | null,
    disqualified_at: null as Date | null,
    converted_at: null as Date | null,
    converted_contact_id: null as number | null,
  };
  ctx.ds.leads.push(lead);
  const until = ctx.until;
  const wait = responseMinutes(ctx, rep);
  if (wait === null) {
    const giveUp = plusDays(date, 30);
    if (giveUp <= until) {
      lead.status = 'disqualified';
      lead.disqualified_at = at(ctx, giveUp, workMinute(ctx));
    }
    return;
  }
  let first = addBusinessMinutes(createdAt, wait, ctx.cal);
  let answeredIn = wait;
  const arrivedOffHours =
    !isWorkday(ctx, date) || minute < ctx.cal.workStartMinute || minute >= ctx.cal.workEndMinute;
  // Some reps answer evening and weekend leads from their phone: minutes of wall-clock time, zero business time.
  if (ctx.offDayWork && arrivedOffHours && minute < 21 * 60 && rnd.chance(0.25 * rep.responsiveness)) {
    first = new Date(createdAt.getTime() + rnd.int(2, 45) * 60_000);
    answeredIn = 0;
  }
  const f = local(ctx, first);
  if (f.date > until) return;
  lead.status = 'working';
  const links = { leadId: id };
  if (rnd.chance(0.65)) logCall(ctx, rep, f.date, f.minute, 0.45, links);
  else logEmail(ctx, rep, f.date, f.minute, links);
  // Further attempts on the following business days.
  let d = f.date;
  for (let k = rnd.int(1, 4); k > 0; k -= 1) {
    d = businessDaysLater(ctx, d, rnd.int(1, 2));
    if (rnd.chance(0.6)) logCall(ctx, rep, d, workMinute(ctx), 0.3, links);
    else logEmail(ctx, rep, d, workMinute(ctx), links);
  }

  // Funnel: working -> MQL -> SQL -> converted (contact + meeting + opportunity) or disqualified.
  const reachedAt = (fromDate: string, min: number, max: number) => {
    const day = businessDaysLater(ctx, fromDate, rnd.int(min, max));
    return { day, when: at(ctx, day, workMinute(ctx)) };
  };
  if (!rnd.chance(src.mql)) {
    const dq = reachedAt(f.date, 3, 15);
    if (rnd.chance(0.7) && dq.day <= until) {
      lead.status = 'disqualified';
      lead.disqualified_at = dq.when;
    }
    return;
  }
  const mql = reachedAt(f.date, 0, 2);
  if (mql.day > until) return;
  lead.status = 'mql';
  lead.mql_at = mql.when;
  if (!rnd.chance(0.4 + 0.3 * rep.skill)) {
    const dq = reachedAt(mql.day, 5, 20);
    if (dq.day <= until) {
      lead.status = 'disqualified';
      lead.disqualified_at = dq.when;
    }
    return;
  }
  const sqlStep = reachedAt(mql.day, 1, 6);
  if (sqlStep.day > until) return;
  lead.status = 'sql';
  lead.sql_at = sqlStep.when;
  const conv = reachedAt(sqlStep.day, 1, 5);
  if (conv.day > until) return;
  if (!rnd.chance(0.7)) {
    lead.status = 'disqualified';
    lead.disqualified_at = conv.when;
    return;
  }
  lead.status = 'converted';
  lead.converted_at = conv.when;
  const accountId = newAccount(ctx, rep, conv.when);
  ctx.ds.accounts.rename(accountId, lead.company);
  const contactId = newContact(ctx, rep, accountId, conv.when);
  lead.converted_contact_id = contactId;
  const created = local(ctx, conv.when);
  const opportunity = simulateOpportunity(ctx, {
    rep,
    accountId,
    accountName: lead.company,
    contactId,
    leadId: id,
    leadSource: src.source,
    type: 'new_business',
    createdDate: created.date,
    createdMinute: created.minute,
    amountMinor: newBusinessAmount(ctx),
    // Inbound buyers who asked for it close more often than cold prospects.
    winRate: Math.min(0.75, winRate(ctx, rep, created.date) * 1.25),
    cycleDays: cycleDays(ctx),
    responseMinutes: answeredIn,
  });
  const meetingDay = businessDaysLater(ctx, conv.day, rnd.int(1, 4));
  if (meetingDay <= until) {
    logActivity(ctx, rep, {
      type: 'meeting',
      outcome: 'held',
      durationSeconds: rnd.int(30, 60) * 60,
      date: meetingDay,
      minute: rnd.int(19, 33) * 30,
      subject: 'Discovery meeting',
      contactId,
      accountId,
      leadId: id,
      opportunityId: opportunity.id,
    });
  }
}
