import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import type { MetricQuery } from '../../src/domain/metrics/query.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { account, activities, contact, opportunity, team, user } from './fixtures.ts';

const JULY = { from: '2026-07-01', to: '2026-07-31' };
const ACTIVITY_IDS = [
  'calls',
  'emails',
  'meetings',
  'linkedin_touches',
  'activities',
  'unique_contacts',
  'new_prospects',
  'follow_ups',
  'connect_rate',
  'meetings_held',
  'meetings_held_per_first_touch',
  'selling_time_share',
];

describeStores('activity metrics', (ctx) => {
  const ids = { t1: 0, t2: 0, a: 0, b: 0, c: 0 };
  const run = (q: Partial<MetricQuery>, viewer: Viewer = SYSTEM_VIEWER) =>
    runMetrics(ctx.db, viewer, { metricIds: ACTIVITY_IDS, groupBy: 'rep', ...JULY, ...q });

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    ids.t1 = await team(db, 'Alpha');
    ids.t2 = await team(db, 'Beta');
    ids.a = await user(db, 'Ann', ids.t1);
    ids.b = await user(db, 'Bob', ids.t1);
    ids.c = await user(db, 'Cid', ids.t2);
    const x = await account(db);
    const [c1, c2, c3, c4] = [await contact(db, x), await contact(db), await contact(db), await contact(db)];
    const { id: l1 } = await db
      .insertInto('leads')
      .values({ name: 'L1', created_at: '2026-06-01T00:00:00Z' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const a = ids.a;
    await activities(db, [
      // Ann: 3 outbound calls (1 connected), an inbound call that is not a touch.
      {
        userId: a,
        type: 'call',
        at: '2026-07-02T10:00:00Z',
        outcome: 'connected',
        contactId: c1,
        isNewProspect: true,
        durationSeconds: 600,
      },
      { userId: a, type: 'call', at: '2026-07-03T10:00:00Z', outcome: 'no_answer', contactId: c1 },
      {
        userId: a,
        type: 'call',
        at: '2026-07-03T11:00:00Z',
        outcome: 'voicemail',
        contactId: c2,
        isNewProspect: true,
      },
      {
        userId: a,
        type: 'call',
        at: '2026-07-03T12:00:00Z',
        outcome: 'connected',
        contactId: c3,
        direction: 'inbound',
        durationSeconds: 300,
      },
      // 2 emails (one to a lead), 1 LinkedIn touch.
      { userId: a, type: 'email', at: '2026-07-06T09:00:00Z', outcome: 'sent', contactId: c2 },
      {
        userId: a,
        type: 'email',
        at: '2026-07-06T09:05:00Z',
        outcome: 'sent',
        leadId: l1,
        isNewProspect: true,
      },
      { userId: a, type: 'linkedin', at: '2026-07-07T09:00:00Z', contactId: c3, isNewProspect: true },
      // Meetings: held, no-show and scheduled-only do not count as meetings, one without outcome does.
      {
        userId: a,
        type: 'meeting',
        at: '2026-07-08T14:00:00Z',
        outcome: 'held',
        contactId: c1,
        accountId: x,
        durationSeconds: 1800,
      },
      { userId: a, type: 'meeting', at: '2026-07-09T14:00:00Z', outcome: 'no_show', contactId: c2 },
      { userId: a, type: 'meeting', at: '2026-07-10T14:00:00Z', outcome: 'scheduled', contactId: c2 },
      { userId: a, type: 'meeting', at: '2026-07-13T14:00:00Z', contactId: c3 },
      // Not touches or outside July.
      { userId: a, type: 'other', at: '2026-07-14T14:00:00Z', contactId: c1 },
      { userId: a, type: 'call', at: '2026-08-01T00:30:00Z', outcome: 'connected', contactId: c1 },
      { userId: a, type: 'call', at: '2026-06-30T23:59:00Z', outcome: 'connected' },
      // Bob: two connected calls, one to a new person, one follow-up of Ann's contact c1.
      {
        userId: ids.b,
        type: 'call',
        at: '2026-07-15T10:00:00Z',
        outcome: 'connected',
        contactId: c4,
        isNewProspect: true,
      },
      { userId: ids.b, type: 'call', at: '2026-07-16T10:00:00Z', outcome: 'connected', contactId: c1 },
    ]);
  });

  it('counts each activity metric per rep as computed by hand', async () => {
    const rows = await run({});
    expect(rows.map((r) => r.groupName)).toEqual(['Ann', 'Bob', 'Cid']);
    const ann = rows[0]!.values;
    const v = (id: string) => ann[id]?.value;
    expect([v('calls'), v('emails'), v('meetings'), v('linkedin_touches'), v('activities')]).toEqual([
      3, 2, 2, 1, 8,
    ]);
    // c1, c2, c3 and the lead; the inbound call and the other-activity add nobody.
    expect(v('unique_contacts')).toBe(4);
    expect(v('new_prospects')).toBe(4);
    // Touches of people touched before, as the derived columns define touches (any outbound activity or meeting):
    // c1 second call, c2 email, c1 held meeting, c2 no-show, c3 meeting without outcome, c1 other; the c2 meeting
    // only scheduled has not happened (test/metrics/scheduled-activities.test.ts).
    expect(v('follow_ups')).toBe(6);
    expect(ann.connect_rate).toEqual({ value: 1 / 3, numerator: 1, denominator: 3 });
    expect(v('meetings_held')).toBe(1);
    expect(ann.meetings_held_per_first_touch).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    // Calls in either direction (10 min outbound + 5 min inbound) + 30 min held meeting, over 23 July weekdays x 9 h.
    expect(ann.selling_time_share).toEqual({ value: 45 / (23 * 540), numerator: 45, denominator: 23 * 540 });
    const cid = rows[2]!.values;
    expect(cid.calls?.value).toBe(0);
    expect(cid.connect_rate?.value).toBeNull();
  });

  it('rolls teams up from summed parts, never by averaging or adding distinct counts', async () => {
    const rows = await run({ groupBy: 'team' });
    const alpha = rows.find((r) => r.groupName === 'Alpha')!.values;
    // Ann 1/3 and Bob 2/2: the team rate is 3/5, not the mean of 0.333 and 1.
    expect(alpha.connect_rate).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    // c1 is touched by both reps: 5 distinct people, not 4 + 2.
    expect(alpha.unique_contacts?.value).toBe(5);
    expect(alpha.calls?.value).toBe(5);
    // Two reps of working time in the denominator.
    expect(alpha.selling_time_share?.denominator).toBe(2 * 23 * 540);
    const company = (await run({ groupBy: 'company' }))[0]!;
    expect(company.groupName).toBe('Company');
    expect(company.values.connect_rate).toEqual({ value: 0.6, numerator: 3, denominator: 5 });
    expect(company.values.selling_time_share?.denominator).toBe(3 * 23 * 540);
  });

  it('shows a rep only their own per-rep row but the whole team aggregate', async () => {
    const rep: Viewer = { userId: ids.b, role: 'rep', visibleUserIds: [ids.b] };
    const own = await run({}, rep);
    expect(own.map((r) => r.groupName)).toEqual(['Bob']);
    expect(own[0]!.values.calls?.value).toBe(2);
    const teamRows = await run({ groupBy: 'team' }, rep);
    expect(teamRows.find((r) => r.groupName === 'Alpha')!.values.calls?.value).toBe(5);
    // A user filter cannot be used to read a colleague's numbers through an aggregate.
    const filtered = await run({ groupBy: 'company', filters: { userIds: [ids.a] } }, rep);
    expect(filtered[0]!.values.calls?.value).toBe(0);
    const manager: Viewer = { userId: null, role: 'manager', visibleUserIds: [ids.a, ids.b] };
    expect((await run({}, manager)).map((r) => r.groupName)).toEqual(['Ann', 'Bob']);
  });

  it('filters by team and rep', async () => {
    const rows = await run({ filters: { teamIds: [ids.t1], userIds: [ids.b] } });
    expect(rows.map((r) => [r.groupName, r.values.calls?.value])).toEqual([['Bob', 2]]);
  });
});

describeStores('activity metrics: close rate and buckets', (ctx) => {
  it("pins the brief's example: 15 meetings and 10 wins close 66.7%, not 10 of 60 contacts", async () => {
    const db = ctx.db;
    await truncateAll(db);
    const rep = await user(db, 'Dana');
    const rows = [];
    for (let i = 0; i < 15; i += 1) {
      const acc = await account(db);
      const c = await contact(db, acc);
      rows.push({
        userId: rep,
        type: 'meeting' as const,
        outcome: 'held' as const,
        at: '2026-07-10T10:00:00Z',
        contactId: c,
        accountId: acc,
        isNewProspect: true,
      });
    }
    for (let i = 0; i < 45; i += 1) {
      rows.push({
        userId: rep,
        type: 'call' as const,
        outcome: 'no_answer' as const,
        at: '2026-07-11T10:00:00Z',
        contactId: await contact(db),
        isNewProspect: true,
      });
    }
    await activities(db, rows);
    for (let i = 0; i < 10; i += 1) {
      await opportunity(db, {
        ownerId: rep,
        status: 'won',
        amount: 1000,
        createdAt: '2026-06-01T00:00:00Z',
        closedAt: '2026-07-20T00:00:00Z',
      });
    }
    const [row] = await runMetrics(db, SYSTEM_VIEWER, {
      metricIds: ['close_rate_meetings', 'unique_contacts'],
      groupBy: 'rep',
      ...JULY,
    });
    expect(row!.values.unique_contacts?.value).toBe(60);
    expect(row!.values.close_rate_meetings).toEqual({ value: 10 / 15, numerator: 10, denominator: 15 });
    expect(row!.values.close_rate_meetings!.value!.toFixed(3)).toBe('0.667');
  });

  it('buckets by ISO week in the workspace time zone and by fiscal quarter', async () => {
    const db = ctx.db;
    await truncateAll(db);
    await updateSettings(db, {
      timeZone: 'America/New_York',
      fiscalYearStartMonth: 2,
      weekStartDayChoice: 1,
    });
    const rep = await user(db, 'Eve');
    await activities(db, [
      // Sunday 23:30 in New York (Monday in UTC): ISO week 27 locally.
      { userId: rep, type: 'call', at: '2026-07-06T03:30:00Z' },
      // Monday 00:30 in New York: week 28.
      { userId: rep, type: 'call', at: '2026-07-06T04:30:00Z' },
      { userId: rep, type: 'call', at: '2026-07-31T12:00:00Z' },
      { userId: rep, type: 'call', at: '2026-08-01T12:00:00Z' },
    ]);
    const weeks = await runMetrics(db, SYSTEM_VIEWER, {
      metricIds: ['calls'],
      groupBy: 'company',
      from: '2026-07-01',
      to: '2026-07-12',
      grain: 'week',
    });
    expect(weeks.map((r) => [r.period, r.values.calls?.value])).toEqual([
      ['2026-W27', 1],
      ['2026-W28', 1],
    ]);
    // Fiscal year from February: FY2027-Q2 is May-July, Q3 August-October.
    const quarters = await runMetrics(db, SYSTEM_VIEWER, {
      metricIds: ['calls'],
      groupBy: 'rep',
      from: '2026-07-01',
      to: '2026-08-31',
      grain: 'quarter',
    });
    expect(quarters.map((r) => [r.period, r.values.calls?.value])).toEqual([
      ['FY2027-Q2', 3],
      ['FY2027-Q3', 1],
    ]);
  });
});
