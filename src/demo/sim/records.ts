import type { ActivityOutcome, ActivityType } from '../../store/schema.ts';
import { companyName, industry, personName } from '../names.ts';
import type { RepProfile } from '../org.ts';
import { addLoad, atMs, inWindow, type SimContext } from './context.ts';

/** Creates an account owned by the rep; returns its id. */
export function newAccount(ctx: SimContext, rep: RepProfile, createdAt: Date): number {
  const name = companyName(ctx.rnd);
  return ctx.ds.accounts.add({
    name,
    industry: industry(ctx.rnd),
    ownerId: rep.userId,
    createdAt: createdAt.getTime(),
  });
}

/** Name of an account created earlier. */
export function accountName(ctx: SimContext, accountId: number): string {
  return ctx.ds.accounts.nameOf(accountId) ?? 'Account';
}

/** Creates a contact at the account, owned by the rep; returns its id. */
export function newContact(ctx: SimContext, rep: RepProfile, accountId: number, createdAt: Date): number {
  return ctx.ds.contacts.add({
    accountId,
    name: personName(ctx.rnd),
    ownerId: rep.userId,
    createdAt: createdAt.getTime(),
  });
}

/** What a single logged touch is about. */
export interface TouchLinks {
  contactId?: number | null;
  accountId?: number | null;
  leadId?: number | null;
  opportunityId?: number | null;
}

/** Logs an activity when its day falls inside the window, and counts it into the rep's day. */
export function logActivity(
  ctx: SimContext,
  rep: RepProfile,
  a: {
    type: ActivityType;
    outcome: ActivityOutcome | null;
    durationSeconds?: number | null;
    date: string;
    minute: number;
    subject?: string | null;
    direction?: 'outbound' | 'inbound';
  } & TouchLinks,
): void {
  if (!inWindow(ctx, a.date)) return;
  addLoad(ctx, rep.userId, a.date);
  ctx.ds.activities.push({
    type: a.type,
    direction: a.direction ?? 'outbound',
    outcome: a.outcome,
    durationSeconds: a.durationSeconds ?? null,
    userId: rep.userId,
    leadId: a.leadId ?? null,
    contactId: a.contactId ?? null,
    accountId: a.accountId ?? null,
    opportunityId: a.opportunityId ?? null,
    subject: a.subject ?? null,
    occurredAt: atMs(ctx, a.date, a.minute),
  });
}

/** A call with a realistic outcome and duration; `connectRate` is the chance someone picks up. */
export function logCall(
  ctx: SimContext,
  rep: RepProfile,
  date: string,
  minute: number,
  connectRate: number,
  links: TouchLinks,
): boolean {
  const r = ctx.rnd.next();
  const connected = r < connectRate;
  const voicemail = !connected && r < connectRate + 0.3;
  logActivity(ctx, rep, {
    type: 'call',
    outcome: connected ? 'connected' : voicemail ? 'voicemail' : 'no_answer',
    durationSeconds: connected
      ? ctx.rnd.int(90, 1200)
      : voicemail
        ? ctx.rnd.int(25, 70)
        : ctx.rnd.int(10, 30),
    date,
    minute,
    ...links,
  });
  return connected;
}

/** An outbound e-mail. */
export function logEmail(
  ctx: SimContext,
  rep: RepProfile,
  date: string,
  minute: number,
  links: TouchLinks,
): void {
  logActivity(ctx, rep, { type: 'email', outcome: 'sent', date, minute, ...links });
}
