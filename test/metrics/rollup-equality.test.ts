import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import type { Grain } from '../../src/domain/calendar/period.ts';
import { DIMENSIONS, type GroupBy, type MetricQuery } from '../../src/domain/metrics/query.ts';
import { metricIds, metricRegistry } from '../../src/domain/metrics/registry.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { rollupRebuildJob } from '../../src/jobs/definitions/rollup-rebuild.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import { COMPANY_SCOPE, type Scope } from '../../src/domain/access/scope.ts';
import { getRollupTimeZone } from '../../src/store/aggregates/rollup-zone.ts';
import type { Db } from '../../src/store/db.ts';
import { refreshDerived } from '../../src/store/derived/refresh.ts';
import { rollupPicker, type RunRange } from '../../src/store/queries/metrics/choose-rollup.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { supportsDimension } from '../../src/store/queries/metrics/dimensions.ts';
import { getSettings, updateSettings } from '../../src/store/tables/settings.ts';
import { rebuiltRollupRows, rollupRows } from '../support/rollup-rows.ts';
import { describeStores } from '../support/stores.ts';
import { contact, lead } from './fixtures.ts';

// The "Done means": every metric of the registry computed from the maintained rollups (strategy auto)
// and from the raw tables (strategy raw) gives identical rows, by rep, team and company and by every grain, on
// both stores; and it stays so after each kind of write the triggers must follow. The data is the demo at a small
// size plus edge rows (inbound, no outcome, no person, a lead converted after its touches, local midnight, the
// day the clocks go back) and the rollup tables are compared with a rebuild from scratch after every write.

const NOW = new Date('2026-11-21T12:00:00Z');
const ALL = metricIds();
const WHOLE = { from: '2026-07-01', to: '2026-11-30' };
// Around the end of daylight saving time in New York (2026-11-01).
const AROUND_DST = { from: '2026-10-20', to: '2026-11-20' };
const GROUPS: GroupBy[] = ['rep', 'team', 'company'];
// The distinct-people metrics, which read activity_people_runs (0039) by rep over one or three whole months.
const PEOPLE = ['unique_contacts', 'new_prospects'];
// Three months that are no calendar quarter but the demo's fiscal quarter (its year starts in February).
const FISCAL_Q = { from: '2026-08-01', to: '2026-10-31' };

async function expectSame(
  db: Db,
  q: Omit<MetricQuery, 'metricIds'>,
  metricIds: readonly string[] = ALL,
): Promise<void> {
  const query = { metricIds: [...metricIds], ...q };
  const raw = await runMetrics(db, SYSTEM_VIEWER, query, { now: NOW, strategy: 'raw' });
  const auto = await runMetrics(db, SYSTEM_VIEWER, query, { now: NOW, strategy: 'auto' });
  expect(raw.length).toBeGreaterThan(0);
  expect(auto).toEqual(raw);
}

/** A few queries covering every group and a coarse and a fine grain; the full grid runs once after the load. */
async function expectSameSample(db: Db): Promise<void> {
  await expectSame(db, { ...WHOLE, groupBy: 'rep', grain: 'month' });
  await expectSame(db, { ...WHOLE, groupBy: 'team' });
  await expectSame(db, { ...AROUND_DST, groupBy: 'company', grain: 'day' });
  await expectSame(db, { ...FISCAL_Q, groupBy: 'rep' }, PEOPLE);
}

/** The trigger-maintained rollups equal a rebuild from the facts (rolled back, so nothing changes). */
async function expectRollupsMatchRebuild(db: Db): Promise<void> {
  const maintained = await rollupRows(db);
  const rebuilt = await rebuiltRollupRows(db);
  expect(maintained.length).toBeGreaterThan(0);
  expect(maintained).toEqual(rebuilt);
}

async function firstRep(db: Db, offset = 0): Promise<number> {
  const r = await sql<{
    id: number;
  }>`select id from users where role = 'rep' order by id offset ${offset} limit 1`.execute(db);
  return Number(r.rows[0]!.id);
}

describeStores('metrics from rollups equal metrics from raw rows', (ctx) => {
  beforeAll(async () => {
    const db = ctx.db;
    await loadDemo(db, { seed: 11, until: '2026-11-20', reps: 3, months: 4 }, { reset: true });
    const rep = await firstRep(db);
    const c = await contact(db);
    const planned = await contact(db);
    // Edge rows: local midnight on both sides of the clock change, an inbound call without outcome, a meeting
    // without outcome, activities naming nobody, a touch in another zone's "same day", and scheduled rows (plans,
    // no touches): a next step before c's real touches and a person touched by nothing but scheduled rows.
    await sql`insert into activities (type, direction, outcome, duration_seconds, user_id, contact_id, occurred_at)
      values ('call', 'outbound', 'connected', 61, ${rep}, ${c}, '2026-11-01T04:00:00Z'),
        ('call', 'outbound', 'voicemail', 7, ${rep}, ${c}, '2026-11-02T05:00:00Z'),
        ('email', 'outbound', 'sent', null, ${rep}, ${c}, '2026-11-02T04:59:59.999Z'),
        ('call', 'inbound', null, 30, ${rep}, ${c}, '2026-11-01T05:30:00Z'),
        ('call', 'inbound', null, 30, ${rep}, ${c}, '2026-11-01T06:30:00Z'),
        ('meeting', 'outbound', null, 1800, ${rep}, ${c}, '2026-11-03T15:00:00Z'),
        ('other', 'outbound', null, 120, ${rep}, null, '2026-11-04T15:00:00Z'),
        ('email', 'outbound', 'sent', null, null, null, '2026-11-04T15:00:00Z'),
        ('meeting', 'outbound', 'held', 3600, null, ${c}, '2026-11-05T15:00:00Z'),
        ('call', 'outbound', 'scheduled', null, ${rep}, ${c}, '2026-10-31T15:00:00Z'),
        ('meeting', 'outbound', 'scheduled', null, ${rep}, ${planned}, '2026-11-06T15:00:00Z'),
        ('email', 'outbound', 'scheduled', null, ${rep}, ${planned}, '2026-09-07T15:00:00Z')`.execute(db);
    await refreshDerived(db, { contactIds: [c, planned] });
  }, 120_000);

  it('plans activity counts on the day rollup, distinct people over whole months on the month rollup, the rest raw', async () => {
    const scope: Scope = COMPANY_SCOPE;
    const quarter = { from: '2026-07-01', toExclusive: '2026-10-01', grain: null };
    const planned = (id: string, part: string, range: RunRange = quarter) => {
      const def = metricRegistry.find((d) => d.id === id)!;
      return rollupPicker('auto', scope, 'rep', range, true)(def.parts[part]!)?.name ?? 'raw';
    };
    // Counts over whole months read the month table, other ranges and grains the day table.
    expect(planned('calls', 'value')).toBe('activity_month_counts');
    expect(planned('follow_ups', 'value')).toBe('activity_month_counts');
    // Selling minutes depend on the logged time category (issue 18), which the count tables keep since 0038.
    expect(planned('selling_time_share', 'numerator')).toBe('activity_month_counts');
    expect(planned('non_selling_time_share', 'numerator', { ...quarter, grain: 'week' })).toBe(
      'activity_day_counts',
    );
    // And a split by time category reads the count tables (the effective category is a function of their key).
    const byCategory = rollupPicker('auto', scope, 'time_category', quarter, true);
    expect(byCategory(metricRegistry.find((d) => d.id === 'logged_minutes')!.parts.value!)?.name).toBe(
      'activity_month_counts',
    );
    expect(planned('logged_minutes', 'value')).toBe('activity_month_counts');
    // The per-row signals kept at write time (0041) are in the count tables' key; bulk logging is not.
    expect(planned('follow_ups_after_meeting', 'value')).toBe('activity_month_counts');
    expect(planned('repeat_touch_share', 'numerator')).toBe('activity_month_counts');
    expect(planned('repeat_touch_share', 'denominator', { ...quarter, grain: 'week' })).toBe(
      'activity_day_counts',
    );
    expect(planned('bulk_logged_share', 'numerator')).toBe('raw');
    // The row's own integrity keys (0042): a duration, one under 10 s, typed in.
    expect(planned('zero_length_call_share', 'numerator')).toBe('activity_month_counts');
    expect(planned('zero_length_call_share', 'denominator', { ...quarter, grain: 'week' })).toBe(
      'activity_day_counts',
    );
    expect(planned('bulk_logged_share', 'denominator')).toBe('activity_month_counts');
    expect(planned('meetings_booked', 'value')).toBe('raw');
    expect(planned('calls', 'value', { ...quarter, grain: 'week' })).toBe('activity_day_counts');
    expect(planned('follow_ups', 'value', { ...quarter, toExclusive: '2026-09-30' })).toBe(
      'activity_day_counts',
    );
    // Distinct people by rep over one or three whole months (any start month) or by month read the runs (0039);
    // a team, other spans and partial fiscal quarters the per-person month rows.
    expect(planned('unique_contacts', 'value')).toBe('activity_people_runs');
    expect(planned('new_prospects', 'value', { ...quarter, grain: 'month' })).toBe('activity_people_runs');
    expect(planned('new_prospects', 'value', { ...quarter, from: '2026-08-01' })).toBe(
      'activity_month_people',
    );
    const fiscal = { fiscalYearStartMonth: 2, weekStartDay: 7 };
    const fiscalYear = { from: '2026-02-01', toExclusive: '2027-02-01', grain: 'quarter' as const };
    expect(planned('unique_contacts', 'value', { ...fiscalYear, calendar: fiscal })).toBe(
      'activity_people_runs',
    );
    expect(planned('unique_contacts', 'value', { ...quarter, grain: 'quarter', calendar: fiscal })).toBe(
      'activity_month_people',
    );
    expect(planned('unique_contacts', 'value', { ...fiscalYear, grain: 'year', calendar: fiscal })).toBe(
      'activity_month_people',
    );
    expect(
      rollupPicker(
        'auto',
        scope,
        'team',
        quarter,
        true,
      )(metricRegistry.find((d) => d.id === 'unique_contacts')!.parts.value!)?.name,
    ).toBe('activity_month_people');
    // Distinct people need whole months: a week grain or a range starting mid-month reads the raw rows.
    expect(planned('unique_contacts', 'value', { ...quarter, grain: 'week' })).toBe('raw');
    expect(planned('unique_contacts', 'value', { ...quarter, from: '2026-07-02' })).toBe('raw');
    expect(planned('calls', 'value', { ...quarter, from: '2026-07-02', grain: 'day' })).toBe(
      'activity_day_counts',
    );
    expect(planned('close_rate_meetings', 'denominator')).toBe('activity_month_meeting_prospects');
    expect(planned('close_rate_meetings', 'denominator', { ...quarter, grain: 'day' })).toBe('raw');
    // Closed deals per day serve any range, percentiles too; created deals per month need whole months.
    expect(planned('won_count', 'value')).toBe('opportunity_closed_days');
    expect(planned('avg_deal_size', 'denominator')).toBe('opportunity_closed_days');
    expect(planned('sales_cycle_days_median', 'value', { ...quarter, grain: 'week' })).toBe(
      'opportunity_closed_days',
    );
    expect(planned('sales_cycle_days_mean', 'value')).toBe('opportunity_closed_days');
    expect(planned('opportunities_created', 'value')).toBe('opportunity_created_months');
    expect(planned('opportunities_created', 'value', { ...quarter, grain: 'week' })).toBe('raw');
    expect(planned('pipeline_value', 'value')).toBe('raw');
    expect(rollupPicker('raw', scope, 'rep', quarter, true)(metricRegistry[0]!.parts.value!)).toBeNull();
    // The demo filed the rollups under its own zone, so they serve at once.
    expect(await getRollupTimeZone(ctx.db)).toBe((await getSettings(ctx.db)).timeZone);
  });

  it('every metric, by rep, team and company, per day, week, month, quarter and whole period', async () => {
    const db = ctx.db;
    for (const groupBy of GROUPS) {
      for (const grain of [null, 'month', 'quarter'] as (Grain | null)[])
        await expectSame(db, { ...WHOLE, groupBy, grain });
      await expectSame(db, { ...AROUND_DST, groupBy, grain: 'week' });
      await expectSame(db, { ...AROUND_DST, groupBy, grain: 'day' });
    }
    const team = await sql<{ id: number }>`select min(team_id) as id from users where role = 'rep'`.execute(
      db,
    );
    await expectSame(db, {
      ...WHOLE,
      groupBy: 'rep',
      grain: 'month',
      filters: { teamIds: [Number(team.rows[0]!.id)], leadSources: ['web'] },
    });
    await expectSame(db, { ...WHOLE, groupBy: 'team', filters: { userIds: [await firstRep(db, 1)] } });
    await expectRollupsMatchRebuild(db);
  }, 240_000);

  it('weeks on every start day the engine shifts: the demo (en-US) starts them on Sunday, here Monday and Saturday', async () => {
    const db = ctx.db;
    expect((await getSettings(db)).weekStartDay).toBe(7);
    try {
      for (const weekStartDay of [1, 6]) {
        await updateSettings(db, { weekStartDayChoice: weekStartDay });
        await expectSame(db, { ...AROUND_DST, groupBy: 'company', grain: 'week' });
      }
    } finally {
      await updateSettings(db, { weekStartDayChoice: null });
    }
  }, 120_000);

  it('distinct people by fiscal quarter follow a change of the fiscal year start without a rebuild', async () => {
    const db = ctx.db;
    const before = (await getSettings(db)).fiscalYearStartMonth;
    try {
      for (const fiscalYearStartMonth of [before, 1]) {
        await updateSettings(db, { fiscalYearStartMonth });
        // Two whole fiscal quarters each time: May-Jul and Aug-Oct, then Jul-Sep and Oct-Dec.
        const range =
          fiscalYearStartMonth === 1
            ? { from: '2026-07-01', to: '2026-12-31' }
            : { from: '2026-05-01', to: '2026-10-31' };
        await expectSame(db, { ...range, groupBy: 'rep', grain: 'quarter' }, PEOPLE);
      }
    } finally {
      await updateSettings(db, { fiscalYearStartMonth: before });
    }
  }, 60_000);

  it('every metric a dimension can split, by each dimension (rollups keep lead source, type, pipeline, time category; not product)', async () => {
    const db = ctx.db;
    for (const dimension of DIMENSIONS) {
      const ids = metricRegistry.filter((d) => supportsDimension(d, dimension)).map((d) => d.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const grain of [null, 'month'] as (Grain | null)[])
        await expectSame(db, { ...WHOLE, groupBy: dimension, grain }, ids);
      await expectSame(db, { ...AROUND_DST, groupBy: dimension, grain: 'week' }, ids);
    }
  }, 240_000);

  it('each metric alone lists the same groups (a rollup must see every rep and team its raw rows see)', async () => {
    for (const id of ALL) {
      await expectSame(ctx.db, { ...WHOLE, groupBy: 'team' }, [id]);
      await expectSame(ctx.db, { ...WHOLE, groupBy: 'rep', grain: 'quarter' }, [id]);
    }
  }, 240_000);

  it('stays equal after inserts, upserts, flag refreshes and deletes', async () => {
    const db = ctx.db;
    const [a, b] = [await firstRep(db), await firstRep(db, 1)];
    const [c1, c2] = [await contact(db), await contact(db)];
    await sql`insert into activities (external_id, type, direction, outcome, duration_seconds, user_id, contact_id, occurred_at)
      select 'eq-' || g, (array['call', 'email', 'meeting', 'linkedin'])[1 + g % 4], 'outbound',
        (array['connected', 'sent', 'held', null])[1 + g % 4], g * 7, case when g % 2 = 0 then ${a}::bigint else ${b}::bigint end,
        case when g % 3 = 0 then ${c1}::bigint else ${c2}::bigint end, timestamptz '2026-10-28T03:00:00Z' + g * interval '5 hours'
      from generate_series(1, 40) g`.execute(db);
    await refreshDerived(db, { contactIds: [c1, c2] });
    await expectSameSample(db);
    await expectRollupsMatchRebuild(db);

    // An upsert that moves rows to another rep, type and day (the importer's ON CONFLICT path).
    await sql`insert into activities (external_id, type, direction, outcome, duration_seconds, user_id, contact_id, occurred_at)
      select 'eq-' || g, 'meeting', 'outbound', 'no_show', 60, ${a}::bigint, ${c1}::bigint, timestamptz '2026-11-10T15:00:00Z'
      from generate_series(1, 40, 3) g
      on conflict (external_id) do update set type = excluded.type, outcome = excluded.outcome,
        duration_seconds = excluded.duration_seconds, user_id = excluded.user_id, occurred_at = excluded.occurred_at`.execute(
      db,
    );
    await refreshDerived(db, { contactIds: [c1, c2] });
    await expectSameSample(db);

    // Plans and their coming true: scheduled rows, then some of them done (the calendar's scheduled -> held path).
    await sql`update activities set outcome = 'scheduled'
      where external_id like 'eq-%' and right(external_id, 1) in ('3', '7')`.execute(db);
    await refreshDerived(db, { contactIds: [c1, c2] });
    await expectSameSample(db);
    await sql`update activities set outcome = 'held' where external_id like 'eq-%7' and type = 'meeting'`.execute(
      db,
    );
    await refreshDerived(db, { contactIds: [c1, c2] });
    await expectSameSample(db);
    await expectRollupsMatchRebuild(db);
    // The logged time category is in the count tables' key (0038): set, changed and cleared, they follow.
    await sql`update activities set time_category = case when id % 3 = 0 then 'admin' when id % 3 = 1 then 'selling'
      else null end where id % 11 = 0`.execute(db);
    // So are a duration, one under 10 s (exactly 10 is not) and typed in (0042); a note alone moves nothing.
    await sql`update activities set duration_seconds = case when id % 3 = 0 then 9 when id % 3 = 1 then 10 end,
      logged_via = case when id % 2 = 0 then 'quick_log' when id % 5 = 0 then 'api' else 'import' end
      where id % 13 = 0`.execute(db);
    await sql`update activities set note = 'seen' where id % 17 = 0`.execute(db);
    await expectSameSample(db);
    await expectRollupsMatchRebuild(db);

    await sql`delete from activities where external_id like 'eq-%' and right(external_id, 1) in ('2', '5')`.execute(
      db,
    );
    await sql`delete from activities where id in (select id from activities order by id limit 50)`.execute(
      db,
    );
    await refreshDerived(db, { all: true });
    await expectSameSample(db);
    await expectRollupsMatchRebuild(db);
  }, 240_000);

  it('stays equal after deals are created, closed, changed and deleted', async () => {
    const db = ctx.db;
    const [a, b] = [await firstRep(db), await firstRep(db, 1)];
    // Deals in two currencies, with and without owner, lead source and type, closing on both sides of local
    // midnight and of the clock change, some still open.
    await sql`insert into opportunities (external_id, name, owner_id, pipeline_id, stage_id, status, amount_minor,
        currency, type, lead_source, created_at, closed_at)
      select 'eq-deal-' || g, 'Deal ' || g, case when g % 7 = 0 then null when g % 2 = 0 then ${a}::bigint else ${b}::bigint end,
        t.pipeline_id, t.stage_id, (array['won', 'lost', 'open'])[1 + g % 3], 1000 * g,
        case when g % 5 = 0 then 'EUR' else 'USD' end, (array['new_business', 'upsell', 'renewal'])[1 + g % 3],
        case when g % 4 = 0 then null else 'web' end,
        timestamptz '2026-07-15T03:30:00Z' + g * interval '1 day',
        case when g % 3 = 2 then null else timestamptz '2026-10-28T03:59:00Z' + g * interval '3 hours 1 minute' end
      from generate_series(1, 60) g, (select pipeline_id, stage_id from opportunities order by id limit 1) t`.execute(
      db,
    );
    await expectSameSample(db);
    await expectRollupsMatchRebuild(db);

    // Deals won, lost, reopened, repriced, moved to another owner and close day, and deleted.
    await sql`update opportunities set status = 'lost', amount_minor = amount_minor + 1
      where external_id like 'eq-deal-%' and right(external_id, 1) in ('1', '3')`.execute(db);
    await sql`update opportunities set status = 'won', closed_at = timestamptz '2026-11-01T05:30:00Z', owner_id = ${b}
      where external_id like 'eq-deal-%' and right(external_id, 1) = '2'`.execute(db);
    await sql`update opportunities set status = 'open', closed_at = null
      where external_id like 'eq-deal-%' and right(external_id, 1) = '4'`.execute(db);
    await sql`delete from opportunities where external_id like 'eq-deal-%' and right(external_id, 1) in ('5', '6')`.execute(
      db,
    );
    await expectSameSample(db);
    await expectSame(db, { ...WHOLE, groupBy: 'rep', grain: 'week' });
    await expectRollupsMatchRebuild(db);
  }, 240_000);

  it('stays equal when a lead is converted after its touches', async () => {
    const db = ctx.db;
    const rep = await firstRep(db, 2);
    const c = await contact(db);
    const l = await lead(db, { ownerId: rep, createdAt: '2026-10-26T14:00:00Z' });
    await sql`insert into activities (type, direction, outcome, user_id, lead_id, contact_id, occurred_at)
      values ('call', 'outbound', 'connected', ${rep}, ${l}, null, '2026-10-27T14:00:00Z'),
        ('email', 'outbound', 'sent', ${rep}, ${l}, null, '2026-10-28T14:00:00Z'),
        ('meeting', 'outbound', 'held', ${rep}, null, ${c}, '2026-10-29T14:00:00Z')`.execute(db);
    await refreshDerived(db, { leadIds: [l], contactIds: [c] });
    await expectSameSample(db);
    // The lead and the contact become one person: unique contacts and new prospects drop by one.
    await sql`update leads set converted_contact_id = ${c}, status = 'converted' where id = ${l}`.execute(db);
    await refreshDerived(db, { leadIds: [l] });
    await expectSameSample(db);
    await expectRollupsMatchRebuild(db);
  }, 120_000);

  it('falls back to raw rows after a zone change until the rebuild job has run', async () => {
    const db = ctx.db;
    await updateSettings(db, { timeZone: 'Europe/Berlin' });
    // Written under the old zone's days: the rebuild must refile them.
    const rep = await firstRep(db);
    await sql`insert into activities (type, direction, outcome, user_id, occurred_at)
      values ('call', 'outbound', 'connected', ${rep}, '2026-11-02T23:30:00Z')`.execute(db);
    expect(await getRollupTimeZone(db)).not.toBe('Europe/Berlin');
    await expectSameSample(db);
    const lines: string[] = [];
    const r = await runJobOnce(db, rollupRebuildJob, NOW, (line) => lines.push(line));
    expect(r.ran && r.summary).toMatch(/rebuilt for Europe\/Berlin/);
    expect(lines.at(-1)).toMatch(/\d+\/\d+ months/);
    expect(await getRollupTimeZone(db)).toBe('Europe/Berlin');
    await expectSameSample(db);
    await expectSame(db, { ...WHOLE, groupBy: 'rep', grain: 'week' });
    await expectRollupsMatchRebuild(db);
    // Nothing to do once the zones agree.
    const again = await runJobOnce(db, rollupRebuildJob, NOW);
    expect(again.ran && again.summary).toBe('');
  }, 120_000);
});
