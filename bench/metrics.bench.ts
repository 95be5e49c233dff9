/**
 * Benchmark: the quarter dashboard (every registered metric, by rep; then by team, and by rep with a monthly grain)
 * over generated data: 300,000 activities, 20,000 opportunities with ~3 history rows each, 10,000 leads, 40 reps
 * in 5 teams, customers and costs. PGlite in memory always; PostgreSQL too when DATABASE_URL is set (private database,
 * dropped afterwards). Prints the best and median of 3 runs each.
 * Usage: node bench/metrics.bench.ts [activities=300000] [opportunities=20000]
 */
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { MetricQuery } from '../src/domain/metrics/query.ts';
import { metricIds } from '../src/domain/metrics/registry.ts';
import type { Db } from '../src/store/db.ts';
import { runMetrics } from '../src/store/queries/metrics/run-metrics.ts';
import { ensureDefaultPipeline } from '../src/store/tables/pipelines.ts';
import { forEachBenchStore } from './support/bench-stores.ts';

const ACTIVITIES = Number(process.argv[2] ?? 300_000);
const OPPORTUNITIES = Number(process.argv[3] ?? 20_000);
const NOW = new Date('2027-01-15T12:00:00Z');

/** Generates the data set in SQL (deterministic: setseed), one statement at a time for PGlite. */
async function generate(db: Db): Promise<void> {
  const pipelineId = await ensureDefaultPipeline(db);
  const steps = [
    sql`select setseed(0.42)`,
    sql`insert into teams (name) select 'Team ' || g from generate_series(1, 5) g`,
    sql`insert into users (name, email, role, team_id)
        select 'Rep ' || g, 'rep' || g || '@bench.test', 'rep', (select min(id) from teams) + (g % 5) from generate_series(1, 40) g`,
    sql`insert into accounts (name) select 'Account ' || g from generate_series(1, 2000) g`,
    sql`insert into contacts (name, account_id) select 'Contact ' || g, (select min(id) from accounts) + (g % 2000) from generate_series(1, 20000) g`,
    sql`insert into activities (type, direction, outcome, duration_seconds, user_id, contact_id, account_id, occurred_at)
        select (array['call','call','call','email','email','meeting','linkedin'])[1 + floor(random() * 7)::int],
          case when random() < 0.1 then 'inbound' else 'outbound' end,
          (array['connected','no_answer','voicemail','held','no_show','sent'])[1 + floor(random() * 6)::int],
          (60 + random() * 1800)::int,
          (select min(id) from users) + floor(random() * 40)::int,
          (select min(id) from contacts) + c, (select min(id) from accounts) + (c % 2000),
          timestamptz '2026-01-01' + random() * interval '365 days'
        from (select g, floor(random() * 20000)::int as c from generate_series(1, ${ACTIVITIES}) g) x`,
    sql`insert into opportunities (name, owner_id, pipeline_id, stage_id, status, amount_minor, currency, type, created_at, closed_at)
        select 'Deal ' || g, (select min(id) from users) + floor(random() * 40)::int, ${pipelineId},
          (select id from stages where pipeline_id = ${pipelineId} and position = 1),
          'open', (1000 + floor(random() * 50000)::int) * 100, 'USD',
          (array['new_business','new_business','upsell','renewal'])[1 + floor(random() * 4)::int],
          timestamptz '2025-10-01' + random() * interval '450 days', null
        from generate_series(1, ${OPPORTUNITIES}) g`,
    // History: every deal enters stage 1, ~70% reach stage 2..5 later, ~60% of those close (half won).
    sql`insert into opportunity_history (opportunity_id, changed_at, stage_id, amount_minor, owner_id)
        select o.id, o.created_at, o.stage_id, o.amount_minor, o.owner_id from opportunities o`,
    sql`insert into opportunity_history (opportunity_id, changed_at, stage_id, amount_minor, owner_id)
        select x.id, x.created_at + (5 + random() * 40) * interval '1 day', s.id, x.amount_minor, x.owner_id
        from (select o.*, 2 + floor(random() * 4)::int as pos from opportunities o where random() < 0.7) x
        join stages s on s.pipeline_id = ${pipelineId} and s.position = x.pos`,
    sql`insert into opportunity_history (opportunity_id, changed_at, stage_id, amount_minor, owner_id)
        select x.opportunity_id, x.changed_at + (5 + random() * 60) * interval '1 day', s.id, x.amount_minor, x.owner_id
        from (select h.*, case when random() < 0.5 then 'Won' else 'Lost' end as outcome
          from (select distinct on (opportunity_id) * from opportunity_history order by opportunity_id, changed_at desc) h
          where random() < 0.6) x
        join stages s on s.pipeline_id = ${pipelineId} and s.name = x.outcome`,
    sql`update opportunities o set stage_id = h.stage_id, status = case when s.is_won then 'won' when s.is_lost then 'lost' else 'open' end,
          closed_at = case when s.is_won or s.is_lost then h.changed_at end
        from (select distinct on (opportunity_id) * from opportunity_history order by opportunity_id, changed_at desc) h
        join stages s on s.id = h.stage_id
        where h.opportunity_id = o.id`,
    sql`insert into leads (name, owner_id, source, created_at, mql_at, sql_at)
        select 'Lead ' || g, (select min(id) from users) + floor(random() * 40)::int,
          (array['Web','Referral','Event'])[1 + floor(random() * 3)::int], t,
          case when random() < 0.4 then t + interval '2 days' end, case when random() < 0.2 then t + interval '5 days' end
        from (select g, timestamptz '2026-01-01' + random() * interval '365 days' as t from generate_series(1, ${Math.round(ACTIVITIES / 30)}) g) x`,
    sql`insert into activities (type, direction, outcome, user_id, lead_id, occurred_at)
        select 'call', 'outbound', 'connected', l.owner_id, l.id, l.created_at + random() * interval '3 days'
        from leads l where random() < 0.8`,
    sql`insert into customers (name, acquired_by, started_at, ended_at)
        select 'Customer ' || g, (select min(id) from users) + floor(random() * 40)::int, d,
          case when random() < 0.2 then d + (30 + floor(random() * 300)::int) end
        from (select g, date '2025-01-01' + floor(random() * 700)::int as d from generate_series(1, 2000) g) x`,
    sql`insert into subscriptions (customer_id, start_date, end_date, mrr_minor, currency)
        select id, started_at, ended_at, (100 + floor(random() * 2000)::int) * 100, 'USD' from customers`,
    sql`insert into acquisition_costs (period_start, period_end, amount_minor, currency, team_id)
        select date '2026-01-01' + (g * interval '1 month'), (date '2026-01-01' + ((g + 1) * interval '1 month'))::date - 1,
          5000000, 'USD', (select min(id) from teams) + (g % 5) from generate_series(0, 11) g`,
    sql`insert into goals (name, metric_id, scope_type, scope_id, grain, period_key, target)
        select 'Quota', 'won_revenue', 'user', id, 'quarter', '2026-Q3', 15000000 from users`,
    // Derived columns written directly (refreshDerived has its own benchmark): first touch per person, and a
    // response time for the leads that were called.
    sql`update activities set is_new_prospect = true where id in (
        select distinct on (coalesce(contact_id * 2, lead_id * 2 + 1)) id from activities
        where (direction = 'outbound' or type = 'meeting') and (contact_id is not null or lead_id is not null)
        order by coalesce(contact_id * 2, lead_id * 2 + 1), occurred_at, id)`,
    sql`update leads l set first_response_at = a.first, first_touch_at = a.first,
          response_business_minutes = floor(random() * 600)::int
        from (select lead_id, min(occurred_at) as first from activities where lead_id is not null group by lead_id) a
        where a.lead_id = l.id`,
    sql`analyze`,
  ];
  for (const s of steps) await s.execute(db);
}

async function time(label: string, db: Db, q: MetricQuery): Promise<void> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    rows = (await runMetrics(db, SYSTEM_VIEWER, q, { now: NOW })).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(46)} best ${times[0]!.toFixed(0).padStart(6)} ms  median ${times[1]!.toFixed(0).padStart(6)} ms  (${rows} rows)`,
  );
}

async function run(db: Db, store: string): Promise<void> {
  console.log(`${store}: generating ${ACTIVITIES} activities, ${OPPORTUNITIES} opportunities`);
  const t = performance.now();
  await generate(db);
  const counts = await sql<{ a: number; o: number; h: number; l: number }>`select
    (select count(*) from activities) as a, (select count(*) from opportunities) as o,
    (select count(*) from opportunity_history) as h, (select count(*) from leads) as l`.execute(db);
  console.log(
    `  generated in ${((performance.now() - t) / 1000).toFixed(1)} s: ${JSON.stringify(counts.rows[0])}`,
  );
  const all = metricIds();
  const quarter = { metricIds: all, from: '2026-07-01', to: '2026-09-30' };
  await time(`all ${all.length} metrics, quarter, by rep`, db, { ...quarter, groupBy: 'rep' });
  await time('all metrics, quarter, by team', db, { ...quarter, groupBy: 'team' });
  await time('all metrics, quarter, by rep, monthly buckets', db, {
    ...quarter,
    groupBy: 'rep',
    grain: 'month',
  });
  await time('activity metrics only, quarter, by rep', db, {
    ...quarter,
    groupBy: 'rep',
    metricIds: [
      'calls',
      'emails',
      'meetings',
      'activities',
      'unique_contacts',
      'new_prospects',
      'follow_ups',
      'connect_rate',
    ],
  });
}

await forEachBenchStore('bench_metrics', (db, store) => run(db, store));
