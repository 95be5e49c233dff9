import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import { loadDemo } from '../src/demo/load.ts';
import { validateDemoOptions } from '../src/demo/options.ts';
import { emailLocalPart } from '../src/demo/names.ts';
import { AppError } from '../src/errors.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { getBusinessCalendar } from '../src/store/tables/calendar.ts';
import { getSettings } from '../src/store/tables/settings.ts';
import { describeStores } from './support/stores.ts';

// Issue 19 (demo for a Polish, Israeli or Romanian company) and issue 18 on the demo (booked_at, time categories).

describe('demo --locale options', () => {
  it('accepts en|pl|he|ro, leaves en out of the options (the default demo unchanged) and names a bad one', () => {
    const base = { seed: 1, until: '2026-11-20', reps: 3, months: 2 };
    expect(validateDemoOptions({ ...base, locale: 'en' })).toEqual(base);
    expect(validateDemoOptions({ ...base, locale: 'he' }).locale).toBe('he');
    const err = (() => {
      try {
        return validateDemoOptions({ ...base, locale: 'de' });
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.details?.[0]).toMatchObject({ field: 'locale', value: 'de' });
  });

  it('spells Polish, Romanian and Hebrew names in Latin letters for e-mail addresses', () => {
    expect(emailLocalPart('Łukasz Wiśniewski')).toBe('lukasz.wisniewski');
    expect(emailLocalPart('Ștefan Lazăr')).toBe('stefan.lazar');
    expect(emailLocalPart('נועה כהן')).toBe('noa.cohen');
    expect(emailLocalPart('Olivia Smith')).toBe('olivia.smith');
  });
});

describeStores('demo for an Israeli company (--locale he)', (ctx) => {
  const options = validateDemoOptions({ seed: 5, until: '2026-11-20', reps: 3, months: 3, locale: 'he' });

  beforeAll(async () => {
    await loadDemo(ctx.db, options, { reset: true });
  }, 120_000);

  it('writes the Israeli workspace: ILS, Asia/Jerusalem, IL holidays, Sunday-Thursday, Hebrew users', async () => {
    const s = await ctx.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    // he-IL, no choice stored: weeks start on the locale's Sunday.
    expect([s.locale, s.week_start_day]).toEqual(['he-IL', null]);
    expect((await getSettings(ctx.db)).weekStartDay).toBe(7);
    expect([s.time_zone, s.currency.trim(), s.holiday_country]).toEqual(['Asia/Jerusalem', 'ILS', 'IL']);
    expect([...s.working_days].map(Number).sort()).toEqual([1, 2, 3, 4, 7]);
    const langs = await sql<{ language: string | null }>`select distinct language from users`.execute(ctx.db);
    expect(langs.rows).toEqual([{ language: 'he' }]);
    const deals = await sql<{ c: string }>`select distinct currency as c from opportunities`.execute(ctx.db);
    expect(deals.rows.map((r) => r.c.trim())).toEqual(['ILS']);
    const hebrew = await sql<{
      n: number;
    }>`select count(*)::int as n from contacts where name ~ '^[א-ת]'`.execute(ctx.db);
    expect(hebrew.rows[0]?.n).toBeGreaterThan(0);
    // The organisation is local too: the teams and the admin and director have Hebrew names.
    const teams = await sql<{ name: string }>`select name from teams order by id`.execute(ctx.db);
    expect(teams.rows.map((r) => r.name)).toEqual(['מכירות', 'לקוחות חדשים מזרח', 'לקוחות חדשים מערב']);
    const heads = await sql<{ name: string }>`select name from users
      where email in ('admin@demo.pacesetter.test', 'director@demo.pacesetter.test') order by id`.execute(
      ctx.db,
    );
    expect(heads.rows.map((r) => r.name)).toEqual(['אביטל כהן', 'דן לוי']);
  });

  it('logs activities only on Sunday-Thursday local days and never on an Israeli holiday', async () => {
    const days = await sql<{ d: string; dow: number }>`
      select distinct to_char(occurred_at at time zone 'Asia/Jerusalem', 'YYYY-MM-DD') as d,
        extract(isodow from occurred_at at time zone 'Asia/Jerusalem')::int as dow
      from activities`.execute(ctx.db);
    expect(days.rows.length).toBeGreaterThan(40);
    // Friday (5) and Saturday (6) never.
    expect(days.rows.filter((r) => r.dow === 5 || r.dow === 6)).toEqual([]);
    const cal = await getBusinessCalendar(ctx.db, 2026, 2026);
    // Yom Kippur 2026 falls on Monday 21 September, a working weekday in Israel, inside the window.
    expect(cal.holidays.has('2026-09-21')).toBe(true);
    const onHolidays = days.rows.filter((r) => cal.holidays.has(r.d)).map((r) => r.d);
    expect(onHolidays).toEqual([]);
    expect(days.rows.some((r) => r.d === '2026-09-20')).toBe(true); // the Sunday before it is worked
  });
});

describeStores('demo for a Polish company (--locale pl)', (ctx) => {
  beforeAll(async () => {
    const options = validateDemoOptions({ seed: 5, until: '2026-11-20', reps: 3, months: 5, locale: 'pl' });
    await loadDemo(ctx.db, options, { reset: true });
  }, 120_000);

  it('writes PLN amounts scaled from the dollar demo and Polish names', async () => {
    const s = await ctx.db.selectFrom('settings').selectAll().executeTakeFirstOrThrow();
    expect([s.time_zone, s.currency.trim(), s.holiday_country]).toEqual(['Europe/Warsaw', 'PLN', 'PL']);
    expect((await getSettings(ctx.db)).weekStartDay).toBe(1);
    const deals = await sql<{ c: string }>`select distinct currency as c from opportunities`.execute(ctx.db);
    expect(deals.rows.map((r) => r.c.trim())).toEqual(['PLN']);
    const reps = await sql<{
      name: string;
    }>`select name from users where role = 'rep' and name not like 'Former %' order by id`.execute(ctx.db);
    const polishFirst = [
      'Anna',
      'Piotr',
      'Katarzyna',
      'Krzysztof',
      'Małgorzata',
      'Tomasz',
      'Agnieszka',
      'Paweł',
      'Magdalena',
      'Michał',
      'Joanna',
      'Łukasz',
      'Aleksandra',
      'Marcin',
      'Zofia',
      'Jakub',
      'Ewa',
      'Grzegorz',
      'Monika',
      'Wojciech',
    ];
    for (const r of reps.rows) expect(polishFirst).toContain(r.name.split(' ')[0]);
    // Amounts are whole złoty (the dollar amounts x 4, rounded to the unit).
    const odd = await sql<{
      n: number;
    }>`select count(*)::int as n from opportunities where amount_minor % 100 <> 0`.execute(ctx.db);
    expect(odd.rows[0]?.n).toBe(0);
    // The Junior AE plan's 1,000 dollar draw is 4,000 zloty (plans need 4 months of history: --months 5).
    const plan = await sql<{ description: string; draw: string }>`select p.description,
        (v.rules -> 'draw' ->> 'amountMinor') as draw
      from commission_plans p join commission_plan_versions v on v.plan_id = p.id where p.name = 'Junior AE'`.execute(
      ctx.db,
    );
    expect(plan.rows.map((r) => [Number(r.draw), r.description.includes('4,000 recoverable draw')])).toEqual([
      [400_000, true],
    ]);
  });
});

describeStores('default demo: meetings booked and non-selling time (issue 18)', (ctx) => {
  beforeAll(async () => {
    await loadDemo(ctx.db, { seed: 7, until: '2026-11-20', reps: 4, months: 3 }, { reset: true });
  }, 120_000);

  it('books every meeting 1-10 business days before it, at a working hour, never after it', async () => {
    const r = await sql<{
      meetings: number;
      booked: number;
      late: number;
      off_hours: number;
      too_early: number;
    }>`
      select count(*)::int as meetings, count(booked_at)::int as booked,
        count(*) filter (where booked_at >= occurred_at)::int as late,
        count(*) filter (where extract(hour from booked_at at time zone 'America/New_York') not between 9 and 17)::int
          as off_hours,
        count(*) filter (where occurred_at - booked_at > interval '20 days')::int as too_early
      from activities where type = 'meeting'`.execute(ctx.db);
    const row = r.rows[0]!;
    expect(row.meetings).toBeGreaterThan(50);
    expect([row.booked, row.late, row.off_hours, row.too_early]).toEqual([row.meetings, 0, 0, 0]);
  });

  it('gives meetings_booked > 0 and a non-selling time share near the brief 64%', async () => {
    const rows = await runMetrics(
      ctx.db,
      SYSTEM_VIEWER,
      {
        metricIds: ['meetings_booked', 'non_selling_time_share', 'activities'],
        from: '2026-09-01',
        to: '2026-10-31',
        groupBy: 'company',
      },
      { now: new Date('2026-11-21T00:00:00Z') },
    );
    const v = rows[0]!.values;
    expect(v.meetings_booked?.value).toBeGreaterThan(20);
    expect(v.non_selling_time_share?.value).toBeGreaterThan(0.55);
    expect(v.non_selling_time_share?.value).toBeLessThan(0.72);
    // Type 'other' rows are no touches: touches equal the outbound calls, e-mails, LinkedIn and meetings.
    const touches = await sql<{ n: number }>`select count(*)::int as n from activities
      where type <> 'other' and (direction = 'outbound' or type = 'meeting')
        and occurred_at >= '2026-09-01 00:00 America/New_York' and occurred_at < '2026-11-01 00:00 America/New_York'
        and (type <> 'meeting' or outcome = 'held')`.execute(ctx.db);
    expect(v.activities?.value).toBe(touches.rows[0]?.n);
  });
});
