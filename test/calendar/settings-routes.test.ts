import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

/** A lead created Friday 2026-11-20 17:55 UTC and first called Monday 2026-11-23 09:10 UTC. */
async function fridayLead(db: Db): Promise<number> {
  const { id } = await db
    .insertInto('leads')
    .values({ name: 'Friday lead', created_at: '2026-11-20T17:55:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('activities')
    .values({ type: 'call', direction: 'outbound', lead_id: id, occurred_at: '2026-11-23T09:10:00Z' })
    .execute();
  await refreshDerived(db, { leadIds: [id] });
  return id;
}

async function responseMinutes(db: Db, id: number): Promise<number | null> {
  const r = await db
    .selectFrom('leads')
    .select('response_business_minutes')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.response_business_minutes;
}

describeStores('settings and holidays API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: AuthHeaders;
  let rep: AuthHeaders;
  beforeAll(async () => {
    app = await testApp(ctx.db);
    await truncateAll(ctx.db);
    // Signing in hashes with argon2, so users are made once per store; each test resets only what it changes.
    admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
    rep = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
  });
  afterAll(async () => app?.close());
  beforeEach(async () => {
    await sql`truncate activities, leads, holidays, audit_log restart identity cascade`.execute(ctx.db);
    await sql`update settings set currency = 'USD', time_zone = 'UTC', working_days = '{1,2,3,4,5}',
      work_start_minute = 540, work_end_minute = 1080, holiday_country = null, holiday_region = null,
      lead_sla_minutes = 60, lead_sla_same_business_day = true, locale = 'en-US', week_start_day = null`.execute(
      ctx.db,
    );
  });

  it("starts weeks on the locale's first day until a day is chosen, and says which is in force", async () => {
    const put = async (payload: object) =>
      (await app.inject({ method: 'PUT', url: '/api/settings', headers: admin, payload })).json();
    const get = async () => (await app.inject({ method: 'GET', url: '/api/settings', headers: rep })).json();
    // A new workspace: en-US, whose weeks start on Sunday.
    expect(await get()).toMatchObject({ locale: 'en-US', weekStartDayChoice: null, weekStartDay: 7 });
    expect(await put({ locale: 'pl-PL' })).toMatchObject({ weekStartDayChoice: null, weekStartDay: 1 });
    expect(await put({ locale: 'he-IL' })).toMatchObject({ weekStartDayChoice: null, weekStartDay: 7 });
    expect(await put({ weekStartDayChoice: 6 })).toMatchObject({ weekStartDayChoice: 6, weekStartDay: 6 });
    // A chosen day stays when the locale changes; null hands the choice back to the locale.
    expect(await put({ locale: 'pl-PL' })).toMatchObject({ weekStartDayChoice: 6, weekStartDay: 6 });
    expect(await put({ weekStartDayChoice: null })).toMatchObject({
      weekStartDayChoice: null,
      weekStartDay: 1,
    });
  });

  it('refuses a week start outside 1-7 naming the field, and the derived weekStartDay as input', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: { weekStartDayChoice: 8 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { details: [{ field: 'weekStartDayChoice', value: '8' }] },
    });
    const derived = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: { weekStartDay: 1 },
    });
    expect(derived.statusCode).toBe(400);
    expect(JSON.stringify(derived.json())).toContain('weekStartDay');
    expect((await app.inject({ method: 'GET', url: '/api/settings', headers: rep })).json()).toMatchObject({
      weekStartDayChoice: null,
      weekStartDay: 7,
    });
  });

  it('lets any signed-in user read the settings, and nobody else', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/settings', headers: rep });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      currency: 'USD',
      timeZone: 'UTC',
      workingDays: [1, 2, 3, 4, 5],
      workStartMinute: 540,
    });
    expect((await app.inject({ method: 'GET', url: '/api/settings' })).statusCode).toBe(401);
  });

  it('refuses changes from a rep', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: rep,
      payload: { currency: 'EUR' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('reports every invalid field at once and changes nothing', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: {
        currency: 'EURO',
        timeZone: 'Mars/Base',
        workStartMinute: 1100,
        workingDays: [],
        holidayCountry: 'XX',
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { details: { field: string }[] } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(['currency', 'timeZone', 'workingDays', 'workEndMinute', 'holidayCountry']);
    const after = await app.inject({ method: 'GET', url: '/api/settings', headers: admin });
    expect(after.json()).toMatchObject({ currency: 'USD', timeZone: 'UTC' });
  });

  it('recomputes response times when the time zone changes, and audits the change', async () => {
    const lead = await fridayLead(ctx.db);
    expect(await responseMinutes(ctx.db, lead)).toBe(15);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: { timeZone: 'Europe/Warsaw', currency: 'pln' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ timeZone: 'Europe/Warsaw', currency: 'PLN' });
    // In Warsaw (UTC+1) the lead came at 18:55 Friday, after hours, and was called 10:10 Monday: 70 minutes.
    expect(await responseMinutes(ctx.db, lead)).toBe(70);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'after'])
      .where('entity', '=', 'settings')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({ timeZone: 'Europe/Warsaw' });
  });

  it('recomputes stored SLA deadlines when the SLA minutes or the same-day rule change', async () => {
    const lead = await fridayLead(ctx.db);
    const deadline = async () =>
      (
        await ctx.db
          .selectFrom('leads')
          .select('sla_deadline_at')
          .where('id', '=', lead)
          .executeTakeFirstOrThrow()
      ).sla_deadline_at?.toISOString();
    // Friday 17:55 with 60 minutes and the same-day rule: capped at Friday 18:00.
    expect(await deadline()).toBe('2026-11-20T18:00:00.000Z');
    const put = (payload: object) =>
      app.inject({ method: 'PUT', url: '/api/settings', headers: admin, payload });
    expect((await put({ leadSlaSameBusinessDay: false })).statusCode).toBe(200);
    // 5 minutes Friday, 55 Monday.
    expect(await deadline()).toBe('2026-11-23T09:55:00.000Z');
    expect((await put({ leadSlaMinutes: 30 })).statusCode).toBe(200);
    expect(await deadline()).toBe('2026-11-23T09:25:00.000Z');
  });

  it('records nothing for a change that changes nothing', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: { currency: 'USD' },
    });
    expect(res.statusCode).toBe(200);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'settings')
      .execute();
    expect(audit).toEqual([]);
  });

  it('replaces the custom holidays, recomputes response times and lists the resolved year', async () => {
    const lead = await fridayLead(ctx.db);
    await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: { holidayCountry: 'US' },
    });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/holidays?year=2026',
      headers: admin,
      payload: { holidays: [{ date: '2026-11-23', name: 'Company offsite' }] },
    });
    expect(res.statusCode).toBe(200);
    // Monday is now off, so of Friday 17:55 -> Monday 09:10 only Friday's last 5 minutes count.
    expect(await responseMinutes(ctx.db, lead)).toBe(5);
    const list = await app.inject({ method: 'GET', url: '/api/holidays?year=2026', headers: rep });
    const body = list.json() as {
      custom: unknown[];
      resolved: { date: string; source: string }[];
      country: string;
    };
    expect(body.country).toBe('US');
    expect(body.custom).toEqual([{ date: '2026-11-23', name: 'Company offsite' }]);
    expect(body.resolved).toContainEqual({ date: '2026-11-23', name: 'Company offsite', source: 'custom' });
    expect(body.resolved.find((h) => h.date === '2026-11-26')?.source).toBe('country');
    expect(body.resolved.every((h) => h.date.startsWith('2026-'))).toBe(true);
  });

  it('rejects a malformed holiday list with the position of each problem', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/holidays',
      headers: admin,
      payload: {
        holidays: [
          { date: '2026-02-30', name: 'Nope' },
          { date: '2026-12-24', name: ' ' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const details = (res.json() as { error: { details: { field: string }[] } }).error.details.map(
      (d) => d.field,
    );
    expect(details).toEqual(['holidays[0].date', 'holidays[1].name']);
    expect(
      (await app.inject({ method: 'PUT', url: '/api/holidays', headers: rep, payload: { holidays: [] } }))
        .statusCode,
    ).toBe(403);
  });
});
