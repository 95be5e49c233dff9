import type { RepProfile } from '../org.ts';
import { at, businessDaysLater, workMinute, type SimContext } from './context.ts';
import { simulateOpportunity } from './opportunity.ts';
import { bookingFactor, cycleDays, newBusinessAmount, winRate } from './rates.ts';
import {
  accountName,
  logActivity,
  logCall,
  logEmail,
  newAccount,
  newContact,
  type TouchLinks,
} from './records.ts';

/** Accounts each rep has worked, so some new prospects are further people at a known company. */
const repAccounts = new WeakMap<RepProfile, number[]>();

function accountFor(ctx: SimContext, rep: RepProfile, createdAt: Date): number {
  let list = repAccounts.get(rep);
  if (!list) {
    list = [];
    repAccounts.set(rep, list);
  }
  if (list.length > 20 && ctx.rnd.chance(0.45)) return list[list.length - 1 - ctx.rnd.int(0, 19)] as number;
  const id = newAccount(ctx, rep, createdAt);
  list.push(id);
  return id;
}

/**
 * A held meeting: the rep follows up (good reps five times or more, weak reps once or twice) and some meetings
 * turn into an opportunity. Returns the opportunity id, if any.
 */
export function holdMeeting(
  ctx: SimContext,
  rep: RepProfile,
  date: string,
  links: { contactId: number; accountId: number },
  opportunityChance: number,
): number | null {
  const { rnd } = ctx;
  const minute = rnd.int(19, 33) * 30;
  const held = rnd.chance(0.8 + 0.12 * rep.skill);
  logActivity(ctx, rep, {
    type: 'meeting',
    outcome: held ? 'held' : 'no_show',
    durationSeconds: held ? rnd.int(25, 60) * 60 : null,
    date,
    minute,
    subject: 'Intro meeting',
    contactId: links.contactId,
    accountId: links.accountId,
  });
  if (!held) {
    logEmail(ctx, rep, date, minute + 20, { contactId: links.contactId, accountId: links.accountId });
    return null;
  }
  let opportunityId: number | null = null;
  if (rnd.chance(opportunityChance)) {
    opportunityId = simulateOpportunity(ctx, {
      rep,
      accountId: links.accountId,
      accountName: accountName(ctx, links.accountId),
      contactId: links.contactId,
      leadId: null,
      leadSource: null,
      type: 'new_business',
      createdDate: date,
      createdMinute: minute + 45,
      amountMinor: newBusinessAmount(ctx),
      winRate: winRate(ctx, rep, date),
      cycleDays: cycleDays(ctx),
    }).id;
  }
  const followUps = Math.max(0, rep.followUpsAfterMeeting + rnd.int(-1, 1));
  let d = date;
  const touch: TouchLinks = { contactId: links.contactId, accountId: links.accountId, opportunityId };
  for (let i = 0; i < followUps; i += 1) {
    d = businessDaysLater(ctx, d, rnd.int(1, 4));
    if (d > ctx.until) break;
    if (rnd.chance(0.55)) logEmail(ctx, rep, d, workMinute(ctx), touch);
    else logCall(ctx, rep, d, workMinute(ctx), 0.4, touch);
  }
  return opportunityId;
}

/**
 * Starts prospecting a new contact on a business day: a cadence of calls, e-mails and LinkedIn touches a few
 * business days apart until a meeting is booked or the rep gives up (weak reps give up sooner).
 */
export function startProspect(ctx: SimContext, rep: RepProfile, date: string): void {
  const { rnd } = ctx;
  const minute = workMinute(ctx);
  const createdAt = at(ctx, date, Math.max(0, minute - 5));
  const accountId = accountFor(ctx, rep, createdAt);
  const contactId = newContact(ctx, rep, accountId, createdAt);
  const links: TouchLinks = { contactId, accountId };
  let d = date;
  let m = minute;
  for (let attempt = 1; attempt <= rep.maxAttempts; attempt += 1) {
    if (d > ctx.until) return;
    const booking = bookingFactor(ctx, rep, d);
    const r = rnd.next();
    let booked = false;
    if (r < 0.5) {
      const connected = logCall(ctx, rep, d, m, 0.16 + 0.12 * rep.skill, links);
      booked = connected && rnd.chance(0.22 * booking);
    } else if (r < 0.85) {
      logEmail(ctx, rep, d, m, links);
      booked = rnd.chance(0.015 * booking);
    } else {
      logActivity(ctx, rep, { type: 'linkedin', outcome: 'sent', date: d, minute: m, ...links });
      booked = rnd.chance(0.012 * booking);
    }
    if (booked) {
      const meetingDay = businessDaysLater(ctx, d, rnd.int(2, 7));
      if (meetingDay <= ctx.until)
        holdMeeting(ctx, rep, meetingDay, { contactId, accountId }, 0.3 + 0.3 * rep.skill);
      return;
    }
    d = businessDaysLater(ctx, d, rnd.int(1, 4));
    m = workMinute(ctx);
  }
}
