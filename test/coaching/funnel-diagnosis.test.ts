import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/access/viewer.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { funnelDiagnosis } from '../../src/store/queries/coaching/funnel-diagnosis.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { contact, lead, pipeline, team } from '../metrics/fixtures.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { dealWithHistory, type Step } from './deal-fixtures.ts';
import { sql } from 'kysely';
import { dealFollowUpsDrift, rawFollowUpsAfterMeeting } from '../../src/store/derived/deal-follow-ups.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const PATH = ['Discovery', 'Qualified', 'Demo', 'Trial'];

/*
 * Ann and Bob in team East, Dan alone in team West (not a peer). In 2026-Q3:
 * Ann: 4 deals Discovery -> Qualified -> Demo; 1 goes on to Trial and is won, 3 are lost at Demo.
 *      Demo -> Trial: 1 of 4 (25%).
 * Bob: 4 deals Discovery -> Qualified; 2 lost there, 2 go Demo -> Trial, 1 won, 1 lost at Trial.
 *      Qualified -> Demo: 2 of 4 (50%), Demo -> Trial: 2 of 2 (100%).
 * So Ann's biggest gap is Demo -> Trial, 25% vs 100%; she converts better at Qualified (100% vs 50%), and Trial is
 * not a candidate (she entered it once, below MIN_ENTRIES_FOR_GAP).
 */
describeStores('funnel diagnosis', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>> | undefined;
  afterAll(async () => app?.close());
  let ann = { id: 0, email: '', password: '' };
  let bob = { id: 0, email: '', password: '' };
  let dan = { id: 0, email: '', password: '' };
  const deals: Record<string, number> = {};

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const p = await pipeline(db);
    const east = await team(db, 'East');
    const west = await team(db, 'West');
    ann = await seedUser(db, { role: 'rep', name: 'Ann', teamId: east });
    bob = await seedUser(db, { role: 'rep', name: 'Bob', teamId: east });
    dan = await seedUser(db, { role: 'rep', name: 'Dan', teamId: west });
    const path = async (name: string, owner: number, stages: string[], end: 'won' | 'lost' | 'open') => {
      const steps: Step[] = stages.map((stage, i) => ({
        at: `2026-07-${String(1 + i * 5).padStart(2, '0')}T10:00:00Z`,
        stage,
        amount: 1000,
        close: '2026-08-31',
        owner,
      }));
      if (end !== 'open')
        steps.push({
          at: '2026-08-01T10:00:00Z',
          stage: end === 'won' ? 'Won' : 'Lost',
          amount: 1000,
          close: '2026-08-01',
          owner,
        });
      deals[name] = await dealWithHistory(db, p, {
        name,
        steps,
        ...(end === 'open' ? {} : { status: end, closedAt: '2026-08-01T10:00:00Z' }),
      });
    };
    await path('a1', ann.id, PATH, 'won');
    await path('a2', ann.id, PATH.slice(0, 3), 'lost');
    await path('a3', ann.id, PATH.slice(0, 3), 'lost');
    await path('a4', ann.id, PATH.slice(0, 3), 'lost');
    await path('b1', bob.id, PATH, 'won');
    await path('b2', bob.id, PATH, 'lost');
    await path('b3', bob.id, PATH.slice(0, 2), 'lost');
    await path('b4', bob.id, PATH.slice(0, 2), 'lost');
    await path('d1', dan.id, PATH.slice(0, 3), 'lost');
    await path('d2', dan.id, PATH.slice(0, 3), 'lost');
    await path('d3', dan.id, PATH.slice(0, 3), 'lost');
    const danContact = await contact(db);
    await db
      .updateTable('opportunities')
      .set({ contact_id: danContact })
      .where('id', '=', deals['d2']!)
      .execute();

    const act = (
      user: number,
      deal: string,
      type: 'call' | 'email' | 'meeting',
      at: string,
      outcome: 'held' | 'scheduled' | null = null,
    ) => ({
      type,
      user_id: user,
      opportunity_id: deals[deal]!,
      occurred_at: at,
      outcome,
    });
    await db
      .insertInto('activities')
      .values([
        // a2: held meeting, then 5 follow-ups: not a gap.
        act(ann.id, 'a2', 'meeting', '2026-07-08T10:00:00Z', 'held'),
        ...[11, 12, 13, 14, 15].map((d) => act(ann.id, 'a2', 'call', `2026-07-${d}T10:00:00Z`)),
        // a3: an email before the meeting and one after closing do not count; 2 calls after it: a gap.
        act(ann.id, 'a3', 'email', '2026-07-07T10:00:00Z'),
        act(ann.id, 'a3', 'meeting', '2026-07-08T10:00:00Z', 'held'),
        act(ann.id, 'a3', 'call', '2026-07-12T10:00:00Z'),
        act(ann.id, 'a3', 'call', '2026-07-14T10:00:00Z'),
        act(ann.id, 'a3', 'email', '2026-08-05T10:00:00Z'),
        // ...and 3 calls only planned after the meeting are no follow-ups (a plan is no touch): still a gap.
        ...[16, 17, 18].map((d) => act(ann.id, 'a3', 'call', `2026-07-${d}T10:00:00Z`, 'scheduled')),
        // a4: no meeting at all: not counted. b3: held meeting, nothing after: a gap.
        act(bob.id, 'b3', 'meeting', '2026-07-08T10:00:00Z', 'held'),
        // d1 (West): a gap that must not reach Ann's peers.
        act(dan.id, 'd1', 'meeting', '2026-07-08T10:00:00Z', 'held'),
        // d3: 6 follow-ups after a first meeting, 1 after the last one: a gap (counted from the last meeting).
        act(dan.id, 'd3', 'meeting', '2026-07-03T10:00:00Z', 'held'),
        ...[4, 5, 6, 7, 8, 9].map((d) => act(dan.id, 'd3', 'email', `2026-07-0${d}T10:00:00Z`)),
        act(dan.id, 'd3', 'meeting', '2026-07-10T10:00:00Z', 'held'),
        act(dan.id, 'd3', 'call', '2026-07-11T10:00:00Z'),
      ])
      .execute();
    // d2: the last meeting and 5 follow-ups are logged on the deal's contact, naming no deal: not a gap.
    await db
      .insertInto('activities')
      .values([
        act(dan.id, 'd2', 'meeting', '2026-07-03T10:00:00Z', 'held'),
        {
          ...act(dan.id, 'd2', 'meeting', '2026-07-09T10:00:00Z', 'held'),
          opportunity_id: null,
          contact_id: danContact,
        },
        ...[10, 11, 12, 13, 14].map((d) => ({
          ...act(dan.id, 'd2', 'call', `2026-07-${d}T10:00:00Z`),
          opportunity_id: null,
          contact_id: danContact,
        })),
      ])
      .execute();
    for (const minutes of [10, 30, 50])
      await lead(db, { ownerId: ann.id, createdAt: '2026-07-02T10:00:00Z', responseMinutes: minutes });
    for (const minutes of [5, 15])
      await lead(db, { ownerId: bob.id, createdAt: '2026-07-02T10:00:00Z', responseMinutes: minutes });
    await lead(db, { ownerId: dan.id, createdAt: '2026-07-02T10:00:00Z', responseMinutes: 900 });
  });

  it('lost_deals_few_follow_ups counts lost deals with a held meeting and fewer than 5 follow-ups after it', async () => {
    const rows = await runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      {
        metricIds: ['lost_deals_few_follow_ups', 'lost_count'],
        from: '2026-07-01',
        to: '2026-09-30',
        groupBy: 'rep',
      },
      { now: NOW },
    );
    const value = (id: number, metric: string) => rows.find((r) => r.groupId === id)?.values[metric]?.value;
    // Ann: a3 only (a2 had 5 follow-ups, a4 no meeting). Bob: b3 (b2 and b4 had no meeting). Dan: d1.
    expect([value(ann.id, 'lost_deals_few_follow_ups'), value(ann.id, 'lost_count')]).toEqual([1, 3]);
    expect([value(bob.id, 'lost_deals_few_follow_ups'), value(bob.id, 'lost_count')]).toEqual([1, 3]);
    expect([value(dan.id, 'lost_deals_few_follow_ups'), value(dan.id, 'lost_count')]).toEqual([2, 3]);
    // The threshold is the workspace's follow-up target: at 2, Ann's a3 (2 follow-ups) is no longer a gap.
    await updateSettings(ctx.db, { followUpTarget: 2 });
    try {
      const at2 = await runMetrics(
        ctx.db,
        SYSTEM_VIEWER,
        { metricIds: ['lost_deals_few_follow_ups'], from: '2026-07-01', to: '2026-09-30', groupBy: 'rep' },
        { now: NOW },
      );
      expect(at2.find((r) => r.groupId === ann.id)?.values.lost_deals_few_follow_ups?.value).toBe(0);
    } finally {
      await updateSettings(ctx.db, { followUpTarget: 5 });
    }
  });

  it('finds the stage where the rep loses most against the team and says it in plain words', async () => {
    const annViewer: Viewer = { userId: ann.id, role: 'rep', visibleUserIds: [ann.id] };
    const d = await funnelDiagnosis(ctx.db, annViewer, { userId: ann.id, period: '2026-Q3' }, NOW);
    expect(d.peers).toMatchObject({ kind: 'team', teamName: 'East', reps: 1 });
    const stage = (from: string) => d.stages.find((s) => s.from === from)!;
    expect(d.stages.map((s) => `${s.from}->${s.to}`)).toEqual([
      'Discovery->Qualified',
      'Qualified->Demo',
      'Demo->Trial',
      'Trial->Final negotiation',
      'Final negotiation->Won',
    ]);
    expect([stage('Qualified').rep.rate, stage('Qualified').team.rate]).toEqual([1, 0.5]);
    expect([stage('Demo').rep.rate, stage('Demo').team.rate, stage('Demo').gap]).toEqual([0.25, 1, 0.75]);
    // Qualified: Ann's four left after 5 days (to Demo); Bob's after 5, 5, 26, 26 (two lost on Aug 1): median 15.5.
    expect([stage('Qualified').rep.medianDays, stage('Qualified').team.medianDays]).toEqual([5, 15.5]);
    expect(stage('Qualified').daysGap).toBe(-10.5);
    expect(d.biggestGap).toMatchObject({ from: 'Demo', to: 'Trial', repRate: 0.25, teamRate: 1 });
    expect(d.sentences[0]!.text).toBe('Demo -> Trial 25% vs team 100%: biggest gap');
    expect(d.followUps.rep).toEqual({ lost: 3, fewFollowUps: 1, share: 1 / 3 });
    expect(d.followUps.team).toEqual({ lost: 3, fewFollowUps: 1, share: 1 / 3 });
    expect(d.sentences[1]!.text).toBe(
      '1 of 3 lost deals had fewer than 5 follow-ups after the meeting (team: 33% of lost deals)',
    );
    expect(d.responseTime).toEqual({ repMinutes: 30, teamMinutes: 10 });
    expect(d.sentences[2]!.text).toBe('Median lead response 30 business minutes vs team 10');
  });

  it('does not let a rep read another rep’s diagnosis or pipeline changes, in the store or over the API', async () => {
    const bobViewer: Viewer = { userId: bob.id, role: 'rep', visibleUserIds: [bob.id] };
    await expect(
      funnelDiagnosis(ctx.db, bobViewer, { userId: ann.id, period: '2026-Q3' }, NOW),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    app = await testApp(ctx.db);
    const bobHeaders: AuthHeaders = await signIn(app, bob);
    const annHeaders: AuthHeaders = await signIn(app, ann);
    const diag = (headers: AuthHeaders, userId: number) =>
      app!.inject({
        method: 'GET',
        url: `/api/coaching/funnel-diagnosis?userId=${userId}&period=2026-Q3`,
        headers,
      });
    expect((await diag(bobHeaders, ann.id)).statusCode).toBe(403);
    const own = await diag(annHeaders, ann.id);
    expect(own.statusCode).toBe(200);
    expect(own.json().biggestGap.from).toBe('Demo');
    const changes = (headers: AuthHeaders, q: string) =>
      app!.inject({ method: 'GET', url: `/api/pipeline-changes?week=2026-W31&${q}`, headers });
    expect((await changes(bobHeaders, `userId=${ann.id}`)).statusCode).toBe(403);
    const ownChanges = await changes(annHeaders, `userId=${ann.id}`);
    expect(ownChanges.statusCode).toBe(200);
    // Week 31 (Jul 27 - Aug 2, close period Q3): a1 won, a2-a4 lost, nothing left.
    const usd = ownChanges.json().totals[0];
    expect([usd.startValueMinor, usd.endValueMinor]).toEqual([4000, 0]);
    expect((await changes(annHeaders, 'userId=abc')).statusCode).toBe(400);
  });

  it('keeps the stored follow-ups equal to the raw definition after later writes (migration 0043)', async () => {
    const db = ctx.db;
    const stored = async () => {
      const rows = await runMetrics(
        db,
        SYSTEM_VIEWER,
        { metricIds: ['lost_deals_few_follow_ups'], from: '2026-07-01', to: '2026-09-30', groupBy: 'rep' },
        { now: NOW },
      );
      return rows.find((r) => r.groupId === ann.id)?.values.lost_deals_few_follow_ups?.value;
    };
    // The metric's definition over the raw rows, for Ann's deals lost in Q3 (target 5).
    const raw = async () => {
      const r = await sql<{ n: number }>`select count(*)::int as n from opportunities o
        where o.owner_id = ${ann.id} and o.status = 'lost' and o.closed_at >= '2026-07-01' and o.closed_at < '2026-10-01'
          and ${rawFollowUpsAfterMeeting} < 5`.execute(db);
      return r.rows[0]!.n;
    };
    // After each write: no deal's stored count differs from the raw one, and the metric is the hand-computed count.
    const expectAnn = async (n: number) => {
      expect(await dealFollowUpsDrift(db)).toEqual([]);
      expect([await stored(), await raw()]).toEqual([n, n]);
    };
    await expectAnn(1); // a3 (2 follow-ups after its meeting)
    const call = (deal: string, at: string) => ({
      type: 'call' as const,
      direction: 'outbound' as const,
      user_id: ann.id,
      opportunity_id: deals[deal]!,
      occurred_at: at,
    });
    // Three follow-ups added on a3: 5, no longer a gap; one removed: 4, a gap again.
    const added = await db
      .insertInto('activities')
      .values([19, 20, 21].map((d) => call('a3', `2026-07-${d}T10:00:00Z`)))
      .returning('id')
      .execute();
    await expectAnn(0);
    await db.deleteFrom('activities').where('id', '=', added[0]!.id).execute();
    await expectAnn(1);
    // Restored, then one turned into a plan (an update): 4 again; then moved past the closing: still 4.
    await db.insertInto('activities').values(call('a3', '2026-07-19T10:00:00Z')).execute();
    await expectAnn(0);
    await db.updateTable('activities').set({ outcome: 'scheduled' }).where('id', '=', added[1]!.id).execute();
    await expectAnn(1);
    await db
      .updateTable('activities')
      .set({ outcome: null, occurred_at: '2026-08-02T10:00:00Z' })
      .where('id', '=', added[1]!.id)
      .execute();
    await expectAnn(1);
    await db
      .updateTable('activities')
      .set({ occurred_at: '2026-07-20T10:00:00Z' })
      .where('id', '=', added[1]!.id)
      .execute();
    await expectAnn(0);
    // A later held meeting on a3: the count restarts after it (0 follow-ups): a gap.
    const meeting = await db
      .insertInto('activities')
      .values({ ...call('a3', '2026-07-25T10:00:00Z'), type: 'meeting', outcome: 'held' })
      .returning('id')
      .execute();
    await expectAnn(1);
    // a3 reopened: not closed, not counted; lost again: counted.
    await db
      .updateTable('opportunities')
      .set({ status: 'open', closed_at: null })
      .where('id', '=', deals['a3']!)
      .execute();
    await expectAnn(0);
    await db
      .updateTable('opportunities')
      .set({ status: 'lost', closed_at: '2026-08-01T10:00:00Z' })
      .where('id', '=', deals['a3']!)
      .execute();
    await expectAnn(1);
    await db.deleteFrom('activities').where('id', '=', meeting[0]!.id).execute();
    await expectAnn(0);
    // a4 had no meeting. It gets a contact whose held meeting names no deal: a gap (0 follow-ups after it).
    const c = await contact(db);
    await db
      .insertInto('activities')
      .values({
        ...call('a4', '2026-07-09T10:00:00Z'),
        opportunity_id: null,
        contact_id: c,
        type: 'meeting',
        outcome: 'held',
      })
      .execute();
    await expectAnn(0);
    await db.updateTable('opportunities').set({ contact_id: c }).where('id', '=', deals['a4']!).execute();
    await expectAnn(1);
    // Five calls to that contact naming no deal after the meeting: no longer a gap; the contact taken off: no meeting.
    await db
      .insertInto('activities')
      .values(
        [10, 11, 12, 13, 14].map((d) => ({
          ...call('a4', `2026-07-${d}T10:00:00Z`),
          opportunity_id: null,
          contact_id: c,
        })),
      )
      .execute();
    await expectAnn(0);
    await db.updateTable('opportunities').set({ contact_id: c }).where('id', '=', deals['a4']!).execute();
    await db
      .updateTable('activities')
      .set({ opportunity_id: deals['a2']! })
      .where('contact_id', '=', c)
      .where('type', '=', 'meeting')
      .execute();
    await expectAnn(0);
    await db.updateTable('opportunities').set({ contact_id: null }).where('id', '=', deals['a4']!).execute();
    await expectAnn(0);
  });
});
