import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { instantToLocal } from '../../src/domain/calendar/zoned.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

describeStores(
  'quick log: contact search, POST /api/activities/quick-log, GET /api/activities/today',
  (ctx) => {
    let app: App;
    let admin: AuthHeaders;
    let manager: AuthHeaders;
    let rep: AuthHeaders;
    const ids = { rep: 0, other: 0, manager: 0, pat: 0, patricia: 0, ann: 0, nobody: 0 };

    beforeAll(async () => {
      await truncateAll(ctx.db);
      app = await testApp(ctx.db);
      const team = await ctx.db
        .insertInto('teams')
        .values({ name: 'East' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const a = await seedUser(ctx.db, { role: 'admin' });
      const m = await seedUser(ctx.db, { role: 'manager', email: 'mgr@acme.test' });
      const r = await seedUser(ctx.db, { role: 'rep', teamId: team.id, email: 'rep@acme.test' });
      const o = await seedUser(ctx.db, { role: 'rep', email: 'other@acme.test' });
      await ctx.db.updateTable('teams').set({ manager_id: m.id }).where('id', '=', team.id).execute();
      const acme = await ctx.db
        .insertInto('accounts')
        .values({ name: 'Acme Widgets' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const contacts = await ctx.db
        .insertInto('contacts')
        .values([
          { name: 'Pat Buyer', email: 'pat@buyer.test', owner_id: r.id },
          { name: 'Patricia Other', email: 'patricia@else.test', owner_id: o.id },
          { name: 'Ann Patel', email: 'ann@acme.test', owner_id: r.id, account_id: acme.id },
          { name: 'Pat Nobody', email: 'nobody@x.test', owner_id: null },
        ])
        .returning('id')
        .execute();
      Object.assign(ids, {
        rep: r.id,
        other: o.id,
        manager: m.id,
        pat: contacts[0]!.id,
        patricia: contacts[1]!.id,
        ann: contacts[2]!.id,
        nobody: contacts[3]!.id,
      });
      // The rep's micro-goal: 3 calls a day.
      await ctx.db
        .insertInto('goals')
        .values({
          name: 'Calls a day',
          metric_id: 'calls',
          scope_type: 'user',
          scope_id: r.id,
          grain: 'day',
          period_key: null,
          target: 3,
        })
        .execute();
      admin = await signIn(app, a);
      manager = await signIn(app, m);
      rep = await signIn(app, r);
    });
    afterAll(async () => {
      await app?.close();
    });

    const search = async (headers: AuthHeaders, q: string) => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/contacts?q=${encodeURIComponent(q)}`,
        headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().contacts as {
        id: number;
        name: string;
        nextTouch: string;
        accountName: string | null;
      }[];
    };
    const log = (headers: AuthHeaders, payload: object) =>
      app.inject({ method: 'POST', url: '/api/activities/quick-log', headers, payload });

    it('search: a rep finds only their own contacts, ranked name prefix before a later word', async () => {
      const found = await search(rep, 'PAT');
      // Patricia Other belongs to another rep; Pat Nobody is unassigned (managers and admins only).
      expect(found.map((c) => c.name)).toEqual(['Pat Buyer', 'Ann Patel']);
      expect(found[0]).toMatchObject({ id: ids.pat, nextTouch: 'new_prospect', accountName: null });
      expect(found[1]).toMatchObject({ accountName: 'Acme Widgets' });
    });

    it('search: a manager sees the subtree and unassigned contacts, an admin everyone', async () => {
      expect((await search(manager, 'pat')).map((c) => c.name)).toEqual([
        'Pat Buyer',
        'Pat Nobody',
        'Ann Patel',
      ]);
      expect((await search(admin, 'pat')).map((c) => c.name)).toEqual([
        'Pat Buyer',
        'Pat Nobody',
        'Patricia Other',
        'Ann Patel',
      ]);
    });

    it('search: by e-mail, inside an e-mail and by account name prefix; % and _ are plain characters', async () => {
      expect((await search(rep, 'pat@')).map((c) => c.id)).toEqual([ids.pat]);
      expect((await search(rep, 'acme wid')).map((c) => c.id)).toEqual([ids.ann]);
      // Account names match by prefix only (their index); inside a name or e-mail any substring matches.
      expect(await search(rep, 'widgets')).toEqual([]);
      expect((await search(rep, 'uyer.te')).map((c) => c.id)).toEqual([ids.pat]);
      expect(await search(rep, '%')).toEqual([]);
      expect(await search(rep, 'a_n')).toEqual([]);
    });

    it('search: NUL bytes, a huge q, a missing q and a bad limit are 400s naming the parameter', async () => {
      for (const url of [
        '/api/contacts?q=pa%00t',
        `/api/contacts?q=${'a'.repeat(101)}`,
        '/api/contacts',
        '/api/contacts?q=pat&limit=51',
        '/api/contacts?q=pat&limit=0',
      ]) {
        const res = await app.inject({ method: 'GET', url, headers: rep });
        expect(res.statusCode, url).toBe(400);
        expect(res.body, url).toMatch(/querystring\.(q|limit)|"(q|limit)"/);
      }
    });

    it('search: the prefix fast path fills the limit without scanning (limit 1 gives the first name)', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/contacts?q=pat&limit=1', headers: manager });
      expect(res.json().contacts.map((c: { name: string }) => c.name)).toEqual(['Pat Buyer']);
    });

    it('logs a touch to a new contact inline (new prospect), then a second touch (follow-up)', async () => {
      const first = await log(rep, {
        type: 'call',
        outcome: 'connected',
        newContact: { name: 'Quinn New', email: 'Quinn@New.test' },
        note: 'wants a demo',
        durationSeconds: 300,
      });
      expect(first.statusCode, first.body).toBe(200);
      const a = first.json().activity;
      expect(a.isNewProspect).toBe(true);
      const row = await ctx.db
        .selectFrom('activities')
        .selectAll()
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        user_id: ids.rep,
        contact_id: a.contactId,
        type: 'call',
        outcome: 'connected',
        direction: 'outbound',
        logged_via: 'quick_log',
        note: 'wants a demo',
        duration_seconds: 300,
      });
      const contact = await ctx.db
        .selectFrom('contacts')
        .select(['name', 'email', 'owner_id'])
        .where('id', '=', a.contactId)
        .executeTakeFirstOrThrow();
      expect(contact).toEqual({ name: 'Quinn New', email: 'quinn@new.test', owner_id: ids.rep });
      // The picker now says a touch would be a follow-up; the second touch is one.
      expect((await search(rep, 'quinn'))[0]).toMatchObject({ id: a.contactId, nextTouch: 'follow_up' });
      const second = await log(rep, { type: 'email', outcome: 'sent', contactId: a.contactId });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json().activity).toMatchObject({ isNewProspect: false, contactId: a.contactId });
    });

    it('Today: counts by type, new prospects vs follow-ups and the day goal, from the metrics engine', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/activities/today', headers: rep });
      expect(res.statusCode, res.body).toBe(200);
      const today = res.json();
      expect(today.date).toBe(instantToLocal(new Date(), 'UTC').date);
      // The previous test: one call to a new person, one e-mail to the same person.
      expect(today.values).toEqual({
        calls: 1,
        emails: 1,
        linkedin_touches: 0,
        meetings: 0,
        activities: 2,
        new_prospects: 1,
        follow_ups: 1,
      });
      expect(today.goals).toHaveLength(1);
      expect(today.goals[0].goal).toMatchObject({ name: 'Calls a day', grain: 'day' });
      expect(today.goals[0].pacing).toMatchObject({ actual: 1, target: 3 });
      // Another rep's day is not in it: the other rep has logged nothing.
      const other = await app.inject({ method: 'GET', url: '/api/activities/today', headers: admin });
      expect(other.json().values.activities).toBe(0);
    });

    it('a next step is stored as a scheduled activity at the local date (09:00 by default) and counts nowhere today', async () => {
      const date = addDays(instantToLocal(new Date(), 'UTC').date, 2);
      const res = await log(rep, {
        type: 'linkedin',
        outcome: 'sent',
        contactId: ids.ann,
        nextStep: { type: 'call', date, note: 'ask about budget' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const { activity, nextStep } = res.json();
      expect(activity.isNewProspect).toBe(true);
      expect(nextStep.occurredAt).toBe(`${date}T09:00:00.000Z`);
      const row = await ctx.db
        .selectFrom('activities')
        .selectAll()
        .where('id', '=', nextStep.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        type: 'call',
        outcome: 'scheduled',
        contact_id: ids.ann,
        user_id: ids.rep,
        logged_via: 'quick_log',
        note: 'ask about budget',
        is_new_prospect: false,
      });
      const today = (await app.inject({ method: 'GET', url: '/api/activities/today', headers: rep })).json();
      expect(today.values).toMatchObject({ calls: 1, linkedin_touches: 1, activities: 3, new_prospects: 2 });
      expect(today.scheduled).toEqual([]);
      expect(row.booked_at).toBeNull();
      // A meeting set as the next step is booked now, so meetings_booked counts it on the day it was set.
      const meeting = await log(rep, {
        type: 'call',
        outcome: 'connected',
        contactId: ids.ann,
        nextStep: { type: 'meeting', date },
      });
      expect(meeting.statusCode, meeting.body).toBe(200);
      const booked = await ctx.db
        .selectFrom('activities')
        .select(['booked_at', 'outcome'])
        .where('id', '=', meeting.json().nextStep.id)
        .executeTakeFirstOrThrow();
      expect(booked.outcome).toBe('scheduled');
      expect(Math.abs(new Date(booked.booked_at!).getTime() - Date.now())).toBeLessThan(60_000);
    });

    it('Today lists next steps due today, the user’s own only', async () => {
      const date = instantToLocal(new Date(), 'UTC').date;
      await ctx.db
        .insertInto('activities')
        .values([
          {
            type: 'meeting',
            outcome: 'scheduled',
            user_id: ids.manager,
            contact_id: ids.nobody,
            occurred_at: new Date(`${date}T23:30:00Z`),
            note: 'intro',
            logged_via: 'quick_log',
          },
          {
            type: 'call',
            outcome: 'scheduled',
            user_id: ids.other,
            contact_id: ids.patricia,
            occurred_at: new Date(`${date}T23:00:00Z`),
            logged_via: 'quick_log',
          },
        ])
        .execute();
      const mine = (
        await app.inject({ method: 'GET', url: '/api/activities/today', headers: manager })
      ).json();
      expect(mine.scheduled).toEqual([
        expect.objectContaining({
          type: 'meeting',
          contactId: ids.nobody,
          contactName: 'Pat Nobody',
          note: 'intro',
        }),
      ]);
    });

    it('refuses another rep’s contact (404), a mismatched outcome, two contacts, and a next step in the past', async () => {
      const foreign = await log(rep, { type: 'call', outcome: 'connected', contactId: ids.patricia });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.details[0]).toMatchObject({ field: 'contactId' });
      const odd = await log(rep, { type: 'call', outcome: 'held', contactId: ids.pat });
      expect(odd.statusCode).toBe(400);
      expect(odd.body).toContain('outcome');
      const scheduled = await log(rep, { type: 'meeting', outcome: 'scheduled', contactId: ids.pat });
      expect(scheduled.statusCode).toBe(400);
      const both = await log(rep, {
        type: 'call',
        outcome: 'connected',
        contactId: ids.pat,
        newContact: { name: 'X', email: 'x@x.test' },
      });
      expect(both.statusCode).toBe(400);
      expect(both.body).toContain('contactId');
      const past = await log(rep, {
        type: 'call',
        outcome: 'connected',
        contactId: ids.pat,
        nextStep: { type: 'call', date: '2026-01-05' },
      });
      expect(past.statusCode).toBe(400);
      expect(past.json().error.details[0]).toMatchObject({ field: 'nextStep.date' });
      const nul = await log(rep, {
        type: 'call',
        outcome: 'connected',
        contactId: ids.pat,
        note: 'a\u0000b',
      });
      expect(nul.statusCode).toBe(400);
      // Nothing of the refused requests was written: Pat Buyer is still untouched.
      expect((await search(rep, 'pat buyer'))[0]).toMatchObject({ nextTouch: 'new_prospect' });
    });

    it('a touch of the lead a contact was converted from makes the contact a follow-up (one person)', async () => {
      const lena = await ctx.db
        .insertInto('contacts')
        .values({ name: 'Lena Converted', email: 'lena@conv.test', owner_id: ids.rep })
        .returning('id')
        .executeTakeFirstOrThrow();
      const lead = await ctx.db
        .insertInto('leads')
        .values({
          name: 'Lena Converted',
          email: 'lena@conv.test',
          owner_id: ids.rep,
          created_at: new Date('2026-10-01T08:00:00Z'),
          converted_contact_id: lena.id,
          converted_at: new Date('2026-10-05T08:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect((await search(rep, 'lena'))[0]).toMatchObject({ id: lena.id, nextTouch: 'new_prospect' });
      // The touch names the lead only; the derived columns fold the converted lead into its contact.
      const touched = await app.inject({
        method: 'POST',
        url: '/api/activities',
        headers: rep,
        payload: { type: 'call', occurredAt: '2026-10-02T09:00:00Z', leadId: lead.id },
      });
      expect(touched.statusCode, touched.body).toBe(200);
      expect((await search(rep, 'lena'))[0]).toMatchObject({ id: lena.id, nextTouch: 'follow_up' });
      const logged = await log(rep, { type: 'email', outcome: 'sent', contactId: lena.id });
      expect(logged.json().activity.isNewProspect).toBe(false);
    });
  },
);
