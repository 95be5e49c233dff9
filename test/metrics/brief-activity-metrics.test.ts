import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { MetricQuery } from '../../src/domain/metrics/query.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { account, activities, contact, opportunity, team, user } from './fixtures.ts';

// Issue 18's "Definitions the brief asks for": meetings booked, meetings per prospecting activity (booked /
// prospecting), follow-ups after a held meeting, selling time by category, revenue per customer. Every number
// below is counted by hand from the rows listed in beforeAll.

const JULY = { from: '2026-07-01', to: '2026-07-31' };
const IDS = [
  'meetings_booked',
  'meetings_held',
  'prospecting_activities',
  'meetings_per_prospecting_activity',
  'follow_ups_after_meeting',
  'selling_time_share',
  'logged_minutes',
  'logged_time_share',
  'non_selling_time_share',
  'revenue_per_customer',
];
// 23 weekdays in July 2026, 9 working hours each.
const JULY_MINUTES = 23 * 540;

describeStores('brief activity metrics (issue 18)', (ctx) => {
  const ids = { alpha: 0, ann: 0, bob: 0 };
  const run = (q: Partial<MetricQuery>, strategy: 'raw' | 'auto' = 'auto') =>
    runMetrics(ctx.db, SYSTEM_VIEWER, { metricIds: IDS, groupBy: 'rep', ...JULY, ...q }, { strategy });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    ids.alpha = await team(db, 'Alpha');
    ids.ann = await user(db, 'Ann', ids.alpha);
    ids.bob = await user(db, 'Bob', ids.alpha);
    const [x, y, z] = [await account(db), await account(db), await account(db)];
    const [c1, c2, c3, c4] = [await contact(db, x), await contact(db), await contact(db), await contact(db)];
    const insertLead = async (name: string, convertedTo: number | null) =>
      (
        await db
          .insertInto('leads')
          .values({ name, created_at: '2026-05-01T00:00:00Z', converted_contact_id: convertedTo })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const l1 = await insertLead('L1', null);
    const l2 = await insertLead('L2', c4);
    const ann = ids.ann;
    await activities(db, [
      // c1: touched in May (before any meeting), twice before the held meeting of 3 July, once at its very instant
      // (not after it), three times after, and again in October.
      { userId: ann, type: 'call', at: '2026-05-12T10:00:00Z', contactId: c1 },
      { userId: ann, type: 'call', at: '2026-07-01T10:00:00Z', contactId: c1, durationSeconds: 600 },
      { userId: ann, type: 'email', at: '2026-07-02T10:00:00Z', contactId: c1, durationSeconds: 120 },
      {
        userId: ann,
        type: 'meeting',
        outcome: 'held',
        at: '2026-07-03T14:00:00Z',
        bookedAt: '2026-06-28T09:00:00Z',
        contactId: c1,
        accountId: x,
        durationSeconds: 1800,
      },
      { userId: ann, type: 'email', at: '2026-07-03T14:00:00Z', contactId: c1 },
      { userId: ann, type: 'call', at: '2026-07-06T10:00:00Z', contactId: c1, durationSeconds: 300 },
      { userId: ann, type: 'email', at: '2026-07-07T10:00:00Z', contactId: c1 },
      { userId: ann, type: 'linkedin', at: '2026-07-08T10:00:00Z', contactId: c1 },
      {
        userId: ann,
        type: 'call',
        at: '2026-07-09T10:00:00Z',
        contactId: c1,
        direction: 'inbound',
        durationSeconds: 240,
      },
      { userId: ann, type: 'call', at: '2026-10-05T10:00:00Z', contactId: c1 },
      // Bob follows up Ann's meeting: the touch is his.
      { userId: ids.bob, type: 'call', at: '2026-07-17T10:00:00Z', contactId: c1 },
      // c2: a no-show booked on 5 July and a meeting booked on 12 July for August; neither is a held meeting.
      {
        userId: ann,
        type: 'meeting',
        outcome: 'no_show',
        at: '2026-07-10T14:00:00Z',
        bookedAt: '2026-07-05T09:00:00Z',
        contactId: c2,
      },
      { userId: ann, type: 'call', at: '2026-07-11T10:00:00Z', contactId: c2 },
      {
        userId: ann,
        type: 'meeting',
        outcome: 'scheduled',
        at: '2026-08-05T14:00:00Z',
        bookedAt: '2026-07-12T09:00:00Z',
        contactId: c2,
      },
      // Lead L1 (never converted): an email, a held meeting nobody said was booked when, then a call.
      { userId: ann, type: 'email', at: '2026-07-13T10:00:00Z', leadId: l1 },
      { userId: ann, type: 'meeting', outcome: 'held', at: '2026-07-14T14:00:00Z', leadId: l1 },
      { userId: ann, type: 'call', at: '2026-07-15T10:00:00Z', leadId: l1 },
      // Lead L2 became contact c4, met in June: an email to the lead is a follow-up of c4's meeting.
      { userId: ann, type: 'meeting', outcome: 'held', at: '2026-06-10T14:00:00Z', contactId: c4 },
      { userId: ann, type: 'email', at: '2026-07-16T10:00:00Z', leadId: l2 },
      // Time logged with a category: admin, CRM updates, an internal meeting (type other, nobody named) and a
      // call to c3 logged as prospecting (still a prospecting activity, not selling time).
      {
        userId: ann,
        type: 'other',
        at: '2026-07-20T10:00:00Z',
        durationSeconds: 3600,
        timeCategory: 'admin',
      },
      {
        userId: ann,
        type: 'other',
        at: '2026-07-21T10:00:00Z',
        durationSeconds: 1800,
        timeCategory: 'crm_updates',
      },
      {
        userId: ann,
        type: 'other',
        at: '2026-07-22T15:00:00Z',
        durationSeconds: 2700,
        timeCategory: 'internal_meetings',
      },
      {
        userId: ann,
        type: 'call',
        at: '2026-07-22T10:00:00Z',
        contactId: c3,
        durationSeconds: 1200,
        timeCategory: 'prospecting',
      },
    ]);
    const won = (
      ownerId: number,
      amount: number,
      more: { accountId?: number; contactId?: number; currency?: string },
    ) =>
      opportunity(db, {
        ownerId,
        status: 'won',
        amount,
        createdAt: '2026-05-01T00:00:00Z',
        closedAt: '2026-07-20T12:00:00Z',
        ...more,
      });
    // Ann: two deals with account x, one with contact c2 only, one naming nobody, one in EUR (left out), one lost.
    await won(ann, 100_000, { accountId: x });
    await won(ann, 50_000, { accountId: x });
    await won(ann, 30_000, { contactId: c2 });
    await won(ann, 20_000, {});
    await won(ann, 90_000, { accountId: y, currency: 'EUR' });
    await opportunity(db, {
      ownerId: ann,
      status: 'lost',
      amount: 70_000,
      createdAt: '2026-05-01T00:00:00Z',
      closedAt: '2026-07-21T12:00:00Z',
      accountId: z,
    });
    // Bob sells to account x too.
    await won(ids.bob, 40_000, { accountId: x });
  });

  it('counts each new metric per rep as computed by hand', async () => {
    const rows = await run({});
    expect(rows.map((r) => r.groupName)).toEqual(['Ann', 'Bob']);
    const ann = rows[0]!.values;
    // Booked in July: the no-show (5 July) and the August meeting (12 July); the 3 July meeting was booked in
    // June and L1's meeting has no booked_at.
    expect(ann.meetings_booked?.value).toBe(2);
    expect(ann.meetings_held?.value).toBe(2);
    // c1 on 1, 2 July and at the meeting's instant, c2 on 11 July, L1 on 13 July, c3 on 22 July.
    expect(ann.prospecting_activities?.value).toBe(6);
    expect(ann.meetings_per_prospecting_activity).toEqual({ value: 2 / 6, numerator: 2, denominator: 6 });
    // c1 on 6, 7, 8 July (not the inbound call of the 9th), L1 on 15 July, L2 (= c4) on 16 July.
    expect(ann.follow_ups_after_meeting?.value).toBe(5);
    // Selling: the uncategorised call (10), held meeting (30), follow-up call (5) and inbound call (4).
    expect(ann.selling_time_share).toEqual({
      value: 49 / JULY_MINUTES,
      numerator: 49,
      denominator: JULY_MINUTES,
    });
    // Every duration: 49 selling + 2 (email, no category) + 60 + 30 + 45 + 20.
    expect(ann.logged_minutes?.value).toBe(206);
    expect(ann.logged_time_share).toEqual({
      value: 206 / JULY_MINUTES,
      numerator: 206,
      denominator: JULY_MINUTES,
    });
    // Non-selling 60 + 30 + 45 + 20 = 155 of the 204 categorised minutes (the email's 2 have no category).
    expect(ann.non_selling_time_share).toEqual({ value: 155 / 204, numerator: 155, denominator: 204 });
    // 2,000.00 won from account x, contact c2 and a deal naming nobody: 3 customers; EUR and lost deals left out.
    expect(ann.revenue_per_customer).toEqual({ value: 200_000 / 3, numerator: 200_000, denominator: 3 });
    const bob = rows[1]!.values;
    expect(bob.follow_ups_after_meeting?.value).toBe(1);
    expect(bob.prospecting_activities?.value).toBe(0);
    expect(bob.meetings_per_prospecting_activity).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(bob.revenue_per_customer).toEqual({ value: 40_000, numerator: 40_000, denominator: 1 });
  });

  it('rolls the team up from its rows: account x bought from both reps and is one customer', async () => {
    const [alpha] = await run({ groupBy: 'team' });
    expect(alpha!.values.follow_ups_after_meeting?.value).toBe(6);
    expect(alpha!.values.revenue_per_customer).toEqual({ value: 80_000, numerator: 240_000, denominator: 3 });
    expect(alpha!.values.logged_time_share?.denominator).toBe(2 * JULY_MINUTES);
  });

  it('decides touches far from the first meeting by its month, and reads the same from raw rows', async () => {
    // May: c1 not met yet (its first held meeting is in July); October: long after it.
    const [may] = await run({ from: '2026-05-01', to: '2026-05-31' });
    expect([may!.values.prospecting_activities?.value, may!.values.follow_ups_after_meeting?.value]).toEqual([
      1, 0,
    ]);
    const [oct] = await run({ from: '2026-10-01', to: '2026-10-31' });
    expect([oct!.values.prospecting_activities?.value, oct!.values.follow_ups_after_meeting?.value]).toEqual([
      0, 1,
    ]);
    for (const q of [{}, { groupBy: 'team' as const, grain: 'week' as const }]) {
      expect(await run(q, 'auto')).toEqual(await run(q, 'raw'));
    }
  });
});
