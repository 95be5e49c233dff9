import { DEMO_CORRECTION_MINOR } from '../src/demo/commissions.ts';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { businessDaysInRange, type BusinessCalendar } from '../src/domain/calendar/business-time.ts';
import { addDays, daysBetween } from '../src/domain/calendar/local-date.ts';
import { datasetCounts } from '../src/demo/dataset.ts';
import { generateDemo, type GenerateInput } from '../src/demo/generate.ts';
import { loadDemo, type DemoLoadResult } from '../src/demo/load.ts';
import { DEMO_LOGINS, type DemoOptions } from '../src/demo/options.ts';
import { AppError } from '../src/errors.ts';
import type { Db } from '../src/store/db.ts';
import { getBusinessCalendar } from '../src/store/tables/calendar.ts';
import { signIn, testApp } from './support/app.ts';
import { describeStores } from './support/stores.ts';

// Small on purpose: 4 reps over 6 months keeps a load around a second while every behaviour still shows.
const OPTIONS: DemoOptions = { seed: 7, until: '2026-11-20', reps: 4, months: 6 };
const TZ = 'America/New_York';

/** Counts and sums over every table the demo writes; two loads with equal fingerprints wrote the same data. */
async function fingerprint(db: Db): Promise<Record<string, number>> {
  const r = await sql<Record<string, number>>`select
    (select count(*) from users)::int8 as users,
    (select count(*) from accounts)::int8 as accounts,
    (select count(*) from contacts)::int8 as contacts,
    (select count(*) from leads)::int8 as leads,
    (select count(*) from leads where status = 'converted')::int8 as converted_leads,
    (select count(*) from opportunities)::int8 as opportunities,
    (select coalesce(sum(amount_minor), 0) from opportunities)::int8 as opportunity_amount,
    (select count(*) from opportunities where status = 'won')::int8 as won,
    (select count(*) from opportunity_history)::int8 as history,
    (select count(*) from activities)::int8 as activities,
    (select coalesce(sum(duration_seconds), 0) from activities)::int8 as activity_seconds,
    (select coalesce(sum(extract(epoch from occurred_at)), 0) from activities)::int8 as activity_epochs,
    (select count(*) from activities where is_new_prospect)::int8 as new_prospect_touches,
    (select coalesce(sum(mrr_minor), 0) from subscriptions)::int8 as mrr,
    (select coalesce(sum(target), 0) from goals)::int8 as goal_targets,
    (select coalesce(sum(amount_minor), 0) from acquisition_costs)::int8 as costs`.execute(db);
  return r.rows[0] as Record<string, number>;
}

/** The generator's input for OPTIONS on a freshly loaded store (default pipeline stages are ids 1-7 in order). */
function generatorInput(cal: BusinessCalendar): GenerateInput {
  return {
    options: OPTIONS,
    cal,
    stages: { pipelineId: 1, open: [1, 2, 3, 4, 5], won: 6, lost: 7 },
    currency: 'USD',
    fiscalYearStartMonth: 2,
    leadSla: { minutes: 60, sameBusinessDay: true },
    passwordHash: 'unused',
  };
}

async function one(db: Db, query: ReturnType<typeof sql<{ v: number }>>): Promise<number> {
  const r = await query.execute(db);
  return Number(r.rows[0]?.v);
}

describeStores('demo data', (ctx) => {
  let loaded: DemoLoadResult;
  let first: Record<string, number>;

  beforeAll(async () => {
    loaded = await loadDemo(ctx.db, OPTIONS, { reset: true });
    first = await fingerprint(ctx.db);
  }, 120_000);

  it('refuses to add demo data to a store that has data, and leaves it unchanged', async () => {
    const err = await loadDemo(ctx.db, OPTIONS, { reset: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    expect(await fingerprint(ctx.db)).toEqual(first);
  });

  it('configures the demo workspace and the fixed sign-ins', async () => {
    const s = await ctx.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect([s.time_zone, s.currency.trim(), s.holiday_country, s.fiscal_year_start_month]).toEqual([
      TZ,
      'USD',
      'US',
      2,
    ]);
    const users = await ctx.db.selectFrom('users').select(['email', 'role', 'password_hash']).execute();
    const byEmail = new Map(users.map((u) => [u.email, u]));
    expect(byEmail.get('admin@demo.pacesetter.test')?.role).toBe('admin');
    expect(byEmail.get('manager@demo.pacesetter.test')?.role).toBe('manager');
    expect(byEmail.get('rep@demo.pacesetter.test')?.role).toBe('rep');
    expect(users.every((u) => u.password_hash?.startsWith('$argon2id$'))).toBe(true);
    // The manager's team hangs under the director's team, which has no parent.
    const teams = await sql<{ depth: number }>`
      select count(*)::int8 as depth from teams t join teams p on p.id = t.parent_team_id
      join users m on m.id = t.manager_id where m.email = 'manager@demo.pacesetter.test' and p.parent_team_id is null`.execute(
      ctx.db,
    );
    expect(Number(teams.rows[0]?.depth)).toBe(1);
  });

  it('lets the demo users sign in with the documented password', async () => {
    const app = await testApp(ctx.db);
    try {
      const headers = await signIn(app, { email: DEMO_LOGINS.rep, password: DEMO_LOGINS.password });
      expect(headers['x-csrf-token']).toBeTruthy();
      await expect(signIn(app, { email: DEMO_LOGINS.manager, password: 'wrong password' })).rejects.toThrow();
    } finally {
      await app.close();
    }
  });

  it('wins between 15% and 45% of closed opportunities', async () => {
    const rate = await one(
      ctx.db,
      sql<{ v: number }>`
      select (count(*) filter (where status = 'won'))::float8 / count(*) as v from opportunities where status <> 'open'`,
    );
    expect(rate).toBeGreaterThan(0.15);
    expect(rate).toBeLessThan(0.45);
  });

  it('adds former reps who left in the window with no activity, and scorecards with one open opening', async () => {
    const windowDays = daysBetween(loaded.start, OPTIONS.until) + 1;
    const leavers = await ctx.db
      .selectFrom('users')
      .select(['id', 'active', 'left_on', 'hire_date'])
      .where('left_on', 'is not', null)
      .execute();
    // About 27% a year of the rep count: 4 reps over the 6-month window -> round(0.27 x 4 x days / 365) = 1.
    expect(leavers).toHaveLength(Math.max(1, Math.round((0.27 * OPTIONS.reps * windowDays) / 365)));
    for (const l of leavers) {
      expect(l.active).toBe(false);
      expect(l.left_on! >= loaded.start && l.left_on! <= OPTIONS.until).toBe(true);
      expect(l.hire_date! < loaded.start).toBe(true);
    }
    const ids = leavers.map((l) => l.id);
    const touched = await ctx.db.selectFrom('activities').select('id').where('user_id', 'in', ids).execute();
    expect(touched).toHaveLength(0);
    const open = await ctx.db
      .selectFrom('hiring_openings')
      .select('id')
      .where('status', '=', 'open')
      .execute();
    expect(open).toHaveLength(1);
    const scores = await sql<{ candidates: number; interviewers: number; scores: number }>`
      select count(distinct c.id)::int as candidates, count(distinct s.interviewer_id)::int as interviewers,
        count(*)::int as scores
      from hiring_candidates c join hiring_scores s on s.candidate_id = c.id where c.opening_id = ${open[0]!.id}`.execute(
      ctx.db,
    );
    expect(scores.rows[0]).toEqual({ candidates: 3, interviewers: 2, scores: 3 * 2 * 4 });
    // Every leaver has a hiring scorecard linked to their user.
    const linked = await ctx.db
      .selectFrom('hiring_candidates')
      .select('hired_user_id')
      .where('hired_user_id', 'in', ids)
      .execute();
    expect(linked).toHaveLength(ids.length);
  });

  it('logs 30-60 touches per rep per business day, mostly inside working hours', async () => {
    const cal = await getBusinessCalendar(ctx.db, 2025, 2027);
    const businessDays = businessDaysInRange(loaded.start, addDays(OPTIONS.until, 1), cal);
    const perRep = await sql<{ user_id: number; n: number }>`
      select a.user_id, count(*)::int8 as n from activities a join users u on u.id = a.user_id
      where u.role = 'rep' and u.hire_date < ${loaded.start}::date group by a.user_id`.execute(ctx.db);
    expect(perRep.rows.length).toBe(OPTIONS.reps);
    const avg = perRep.rows.reduce((s, r) => s + Number(r.n), 0) / perRep.rows.length / businessDays;
    expect(avg).toBeGreaterThan(30);
    expect(avg).toBeLessThan(60);
    const inHours = await one(
      ctx.db,
      sql<{ v: number }>`
      select avg(case when extract(isodow from occurred_at at time zone ${TZ}) <= 5
        and (occurred_at at time zone ${TZ})::time between '09:00' and '18:00' then 1.0 else 0.0 end)::float8 as v
      from activities`,
    );
    expect(inHours).toBeGreaterThan(0.8);
    expect(inHours).toBeLessThan(1);
  });

  it('splits touches between new prospects and follow-ups', async () => {
    const share = await one(
      ctx.db,
      sql<{ v: number }>`
      select avg(case when is_new_prospect then 1.0 else 0.0 end)::float8 as v from activities`,
    );
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.5);
  });

  it('answers 30-80% of leads within 60 business minutes; leads arrive on weekends and off hours too', async () => {
    const share = await one(
      ctx.db,
      sql<{ v: number }>`
      select avg(case when response_business_minutes <= 60 then 1.0 else 0.0 end)::float8 as v from leads`,
    );
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.8);
    const offHours = await one(
      ctx.db,
      sql<{ v: number }>`
      select count(*)::int8 as v from leads where extract(isodow from created_at at time zone ${TZ}) >= 6
        or extract(hour from created_at at time zone ${TZ}) not between 9 and 17`,
    );
    expect(offHours).toBeGreaterThan(0);
    const never = await one(
      ctx.db,
      sql<{ v: number }>`select count(*)::int8 as v from leads where first_response_at is null`,
    );
    expect(never).toBeGreaterThan(0);
  });

  it('converts leads into a contact and an opportunity', async () => {
    const broken = await one(
      ctx.db,
      sql<{ v: number }>`
      select count(*)::int8 as v from leads l
      left join opportunities o on o.id = l.converted_opportunity_id
      where l.status = 'converted' and (l.converted_contact_id is null or o.lead_id is distinct from l.id
        or l.converted_at is null or l.sql_at is null or l.mql_at is null)`,
    );
    expect(broken).toBe(0);
    expect(first.converted_leads).toBeGreaterThan(0);
  });

  it('gives every opportunity a history that starts at created_at, and closed ones end Won/Lost at closed_at', async () => {
    const badStart = await one(
      ctx.db,
      sql<{ v: number }>`
      select count(*)::int8 as v from opportunities o
      where (select min(h.changed_at) from opportunity_history h where h.opportunity_id = o.id) is distinct from o.created_at`,
    );
    expect(badStart).toBe(0);
    const badEnd = await one(
      ctx.db,
      sql<{ v: number }>`
      select count(*)::int8 as v from opportunities o join stages s on s.id = o.stage_id
      left join lateral (select h.stage_id, h.changed_at from opportunity_history h where h.opportunity_id = o.id
        order by h.changed_at desc, h.id desc limit 1) last on true
      where case o.status
        when 'won' then not s.is_won or o.closed_at is null or last.changed_at <> o.closed_at or last.stage_id <> o.stage_id
        when 'lost' then not s.is_lost or o.closed_at is null or o.lost_reason is null or last.stage_id <> o.stage_id
        else s.is_won or s.is_lost or o.closed_at is not null end`,
    );
    expect(badEnd).toBe(0);
    const cycles = await sql<{ lo: number; hi: number }>`
      select min(closed_at::date - created_at::date)::int8 as lo, max(closed_at::date - created_at::date)::int8 as hi
      from opportunities where status = 'won' and type = 'new_business'`.execute(ctx.db);
    expect(Number(cycles.rows[0]?.lo)).toBeGreaterThanOrEqual(20);
    expect(Number(cycles.rows[0]?.hi)).toBeLessThanOrEqual(130);
  });

  it("raises improving reps' won revenue from the first quarter of the window to the last", async () => {
    const revenue = async (userIds: number[], from: string, to: string) =>
      one(
        ctx.db,
        sql<{ v: number }>`
        select coalesce(sum(amount_minor), 0)::int8 as v from opportunities
        where status = 'won' and owner_id in (${sql.join(userIds)})
          and (closed_at at time zone ${TZ})::date between ${from}::date and ${to}::date`,
      );
    const improving = loaded.reps.filter((r) => r.trend === 'improving').map((r) => r.userId);
    const declining = loaded.reps.filter((r) => r.trend === 'declining').map((r) => r.userId);
    expect(improving.length).toBeGreaterThan(0);
    const firstQuarterEnd = addDays(loaded.start, 90);
    const lastQuarterStart = addDays(OPTIONS.until, -90);
    const upFirst = await revenue(improving, loaded.start, firstQuarterEnd);
    const upLast = await revenue(improving, lastQuarterStart, OPTIONS.until);
    expect(upLast).toBeGreaterThan(upFirst);
    const downFirst = await revenue(declining, loaded.start, firstQuarterEnd);
    const downLast = await revenue(declining, lastQuarterStart, OPTIONS.until);
    expect(upLast / Math.max(1, upFirst)).toBeGreaterThan(downLast / Math.max(1, downFirst));
  });

  it('writes quarterly won-revenue quotas for every rep, micro-goals, customers with churn and monthly costs', async () => {
    const quotas = await sql<{ period_key: string; n: number }>`
      select period_key, count(*)::int8 as n from goals where metric_id = 'won_revenue' and grain = 'quarter'
      group by period_key order by period_key`.execute(ctx.db);
    expect(quotas.rows.map((r) => r.period_key)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(quotas.rows.every((r) => Number(r.n) === OPTIONS.reps)).toBe(true);
    const micro = await sql<{ metric_id: string }>`
      select distinct metric_id from goals where metric_id <> 'won_revenue' order by metric_id`.execute(
      ctx.db,
    );
    expect(micro.rows.map((r) => r.metric_id)).toEqual(['calls', 'lead_response_time_p50', 'meetings_held']);
    const churned = await one(
      ctx.db,
      sql<{ v: number }>`select count(*)::int8 as v from customers where ended_at is not null`,
    );
    const active = await one(
      ctx.db,
      sql<{ v: number }>`select count(*)::int8 as v from customers where ended_at is null`,
    );
    expect(churned).toBeGreaterThan(0);
    expect(active).toBeGreaterThan(churned);
    const months = await one(
      ctx.db,
      sql<{ v: number }>`
      select count(distinct period_start)::int8 as v from acquisition_costs where category = 'marketing'`,
    );
    expect(months).toBe(OPTIONS.months + 1);
  });

  it('prefills derived columns exactly as refreshDerived computes them (so its pass rewrites nothing)', async () => {
    const cal = await getBusinessCalendar(ctx.db, 2022, 2027);
    const { dataset } = generateDemo(generatorInput(cal));
    const stored = await sql<Record<string, number>>`select
      (select count(*) from activities where is_new_prospect)::int8 as new_prospect_touches,
      (select count(*) from activities where held_meeting_before)::int8 as held_before,
      (select count(*) from contacts where first_touch_at is not null)::int8 as touched_contacts,
      (select count(*) from leads where first_response_at is not null)::int8 as answered_leads,
      (select coalesce(sum(response_business_minutes), 0) from leads)::int8 as response_minutes,
      (select coalesce(sum(floor(extract(epoch from sla_deadline_at))), 0) from leads)::int8 as deadline_seconds,
      (select count(*) from leads where sla_deadline_at is null)::int8 as missing_deadlines`.execute(ctx.db);
    expect(stored.rows[0]).toEqual({
      new_prospect_touches: [...dataset.activities.rows()].filter((row) => row[11]).length,
      held_before: [...dataset.activities.rows()].filter((row) => row[16]).length,
      touched_contacts: [...dataset.contacts.rows()].filter((c) => c.first_touch_at).length,
      answered_leads: dataset.leads.filter((l) => l.first_response_at).length,
      response_minutes: dataset.leads.reduce((sum, l) => sum + (l.response_business_minutes ?? 0), 0),
      deadline_seconds: dataset.leads.reduce(
        (sum, l) => sum + Math.floor((l.sla_deadline_at as Date).getTime() / 1000),
        0,
      ),
      missing_deadlines: 0,
    });
  });

  it('gives leads fit attributes and engagement events whose score relates to conversion (issue 15)', async () => {
    const r = await sql<{
      band: string;
      leads: number;
      converted: number;
      events_after: number;
      unscored: number;
    }>`
      select case when s.score >= 15 then 'high' when s.score < 5 then 'low' else 'mid' end as band,
        count(*)::int as leads,
        count(*) filter (where l.converted_opportunity_id is not null)::int as converted,
        (select count(*)::int from lead_events e join leads x on x.id = e.lead_id
          where e.occurred_at > coalesce(x.sql_at, x.converted_at, x.disqualified_at, 'infinity')) as events_after,
        (select count(*)::int from leads x where not exists (select 1 from lead_scores y where y.lead_id = x.id)) as unscored
      from leads l join lead_scores s on s.lead_id = l.id group by 1`.execute(ctx.db);
    const by = Object.fromEntries(r.rows.map((x) => [x.band, x]));
    const rate = (b: string) => Number(by[b]?.converted) / Number(by[b]?.leads);
    // Every band has converting and non-converting leads (not deterministic), but high scores convert more.
    for (const b of ['low', 'mid', 'high']) expect(Number(by[b]?.converted)).toBeGreaterThan(0);
    expect(rate('high')).toBeLessThan(1);
    expect(rate('high')).toBeGreaterThan(2 * rate('low'));
    expect(r.rows[0]?.events_after).toBe(0);
    expect(r.rows[0]?.unscored).toBe(0);
    const fit = await sql<{
      v: number;
    }>`select count(*)::int as v from leads where persona is null or country is null`.execute(ctx.db);
    expect(fit.rows[0]?.v).toBe(0);
  });

  it('moves the id sequences past the generated ids', async () => {
    const { id } = await ctx.db
      .insertInto('accounts')
      .values({ name: 'After the demo' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(id).toBe(Number(first.accounts) + 1);
    await ctx.db.deleteFrom('accounts').where('id', '=', id).execute();
  });

  it('is deterministic: the same seed and end date give identical data, another seed different data', async () => {
    expect(first.activities).toBeGreaterThan(1000);
    // Generation decides every value and id (the write adds nothing random), so comparing generated data is enough.
    const cal = await getBusinessCalendar(ctx.db, 2022, 2027);
    const summary = (seed: number) => {
      const { dataset } = generateDemo({ ...generatorInput(cal), options: { ...OPTIONS, seed } });
      return {
        counts: datasetCounts(dataset),
        amount: dataset.opportunities.reduce((sum, o) => sum + Number(o.amount_minor), 0),
        seconds: [...dataset.activities.rows()].reduce((sum, row) => sum + (row[3] ?? 0), 0),
      };
    };
    const same = summary(OPTIONS.seed);
    expect(summary(OPTIONS.seed)).toEqual(same);
    expect(same.counts.activities).toBe(first.activities);
    // The stored deals are the generated ones plus the one correction the demo makes after locking a month.
    expect(Number(first.opportunity_amount) - same.amount).toBe(DEMO_CORRECTION_MINOR);
    expect(same.seconds).toBe(first.activity_seconds);
    const other = summary(OPTIONS.seed + 1);
    expect(other.counts.activities).not.toBe(same.counts.activities);
    expect(other.amount).not.toBe(same.amount);
    expect(other.seconds).not.toBe(same.seconds);
  });
});
