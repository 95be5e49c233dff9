/**
 * Benchmark: goals capability over generated data: 40 reps in 5 teams, 200,000 activities on 20,000 deals and their
 * contacts, 20,000 leads (5,000 in the last two weeks, a third of them never answered), a weekly calls goal per rep
 * and a monthly goal per team. Times the SLA check (first run raising every alert with its outbox rows, then the
 * idempotent re-run), cadence gaps, goal pacing, leaderboards and the badge job. PGlite in memory always;
 * PostgreSQL too when DATABASE_URL is set (private database, dropped afterwards). Best and median of 3 runs.
 * Usage: node bench/goals.bench.ts [activities=200000]
 */
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { Db } from '../src/store/db.ts';
import { checkLeadSla } from '../src/store/queries/alerts/check-lead-sla.ts';
import { createWebhookEndpoint } from '../src/store/queries/alerts/webhook-endpoints.ts';
import { cadenceGaps } from '../src/store/queries/cadence/cadence-gaps.ts';
import { awardBadges } from '../src/store/queries/goals/award-badges.ts';
import { goalPacing } from '../src/store/queries/goals/goal-pacing.ts';
import { leaderboard } from '../src/store/queries/leaderboard/leaderboard.ts';
import { ensureDefaultPipeline } from '../src/store/tables/pipelines.ts';
import { forEachBenchStore } from './support/bench-stores.ts';

const ACTIVITIES = Number(process.argv[2] ?? 200_000);
const NOW = new Date('2026-11-24T15:00:00Z');

/** Generates the data set in SQL (deterministic: setseed), one statement at a time for PGlite. */
async function generate(db: Db): Promise<void> {
  const pipelineId = await ensureDefaultPipeline(db);
  const steps = [
    sql`select setseed(0.42)`,
    sql`insert into users (name, email, role) select 'Manager ' || g, 'm' || g || '@bench.test', 'manager' from generate_series(1, 5) g`,
    sql`insert into teams (name, manager_id) select 'Team ' || g, (select min(id) from users) + g - 1 from generate_series(1, 5) g`,
    sql`insert into users (name, email, role, team_id)
        select 'Rep ' || g, 'rep' || g || '@bench.test', 'rep', (select min(id) from teams) + (g % 5) from generate_series(1, 40) g`,
    sql`insert into contacts (name) select 'Contact ' || g from generate_series(1, 20000) g`,
    sql`insert into opportunities (name, owner_id, pipeline_id, stage_id, amount_minor, currency, contact_id, created_at)
        select 'Deal ' || g, (select min(id) from users where role = 'rep') + floor(random() * 40)::int, ${pipelineId},
          (select id from stages where pipeline_id = ${pipelineId} and position = 3), 500000, 'USD',
          (select min(id) from contacts) + g - 1, timestamptz '2026-06-01' + random() * interval '170 days'
        from generate_series(1, 20000) g`,
    sql`insert into activities (type, direction, outcome, user_id, opportunity_id, contact_id, occurred_at)
        select (array['call','call','email','email','meeting','linkedin'])[t],
          case when random() < 0.1 then 'inbound' else 'outbound' end,
          case when t = 5 then 'held' else 'sent' end,
          o.owner_id, case when random() < 0.8 then o.id end, o.contact_id,
          o.created_at + random() * (${NOW.toISOString()}::timestamptz - o.created_at)
        from (select floor(random() * 20000)::int as k, 1 + floor(random() * 6)::int as t
              from generate_series(1, ${ACTIVITIES}) g) x
        join opportunities o on o.id = (select min(id) from opportunities) + x.k`,
    sql`insert into leads (name, owner_id, created_at, first_response_at, first_touch_at)
        select 'Lead ' || g, (select min(id) from users where role = 'rep') + floor(random() * 40)::int, t,
          case when random() < 0.66 then t + random() * interval '3 hours' end,
          null
        from (select g, case when g <= 5000 then ${NOW.toISOString()}::timestamptz - random() * interval '14 days'
                             else timestamptz '2026-01-01' + random() * interval '300 days' end as t
              from generate_series(1, 20000) g) x`,
    sql`insert into activities (type, direction, user_id, lead_id, occurred_at)
        select 'call', 'outbound', owner_id, id, first_response_at from leads where first_response_at is not null`,
    sql`insert into goals (name, metric_id, scope_type, scope_id, grain, target)
        select 'Weekly calls', 'calls', 'user', id, 'week', 40 from users where role = 'rep'`,
    sql`insert into goals (name, metric_id, scope_type, scope_id, grain, target)
        select 'Team meetings', 'meetings_held', 'team', id, 'month', 120 from teams`,
    sql`analyze`,
  ];
  for (const s of steps) await s.execute(db);
  await createWebhookEndpoint(db, { url: 'http://127.0.0.1:9/hook', secret: 'bench-secret-0123456789' });
}

async function time(label: string, fn: () => Promise<string>, runs = 3): Promise<void> {
  const times: number[] = [];
  let note = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    note = await fn();
    times.push(performance.now() - t);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `  ${label.padEnd(44)} best ${sorted[0]!.toFixed(0).padStart(6)} ms  median ${median.toFixed(0).padStart(6)} ms  (${note})`,
  );
}

async function run(db: Db, store: string): Promise<void> {
  console.log(`${store}: generating ${ACTIVITIES} activities, 20000 deals, 20000 leads`);
  const t = performance.now();
  await generate(db);
  console.log(`  generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await time(
    'SLA check, first run (raises every alert)',
    async () => {
      const s = await checkLeadSla(db, NOW);
      return `${s.candidates} candidates, ${s.raised} alerts, ${s.deliveries} deliveries`;
    },
    1,
  );
  await time('SLA check, re-run (nothing new)', async () => {
    const s = await checkLeadSla(db, NOW);
    return `${s.candidates} candidates, ${s.raised} alerts`;
  });
  await time('cadence gaps (all reps)', async () => {
    const g = await cadenceGaps(db, SYSTEM_VIEWER, { now: NOW, limit: 500 });
    return `${g.silentDeals.length} silent deals, ${g.underAttemptedLeads.length} leads`;
  });
  await time('goal pacing (40 rep + 5 team goals)', async () => {
    const p = await goalPacing(db, SYSTEM_VIEWER, { now: NOW });
    return `${p.length} goals`;
  });
  await time('leaderboard: calls, month, reps', async () => {
    const b = await leaderboard(db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'reps',
      metricId: 'calls',
      now: NOW,
    });
    return `${b.lines.length} lines`;
  });
  await time('leaderboard: weighted 3 metrics, month, teams', async () => {
    const b = await leaderboard(db, SYSTEM_VIEWER, {
      periodKey: '2026-11',
      board: 'teams',
      weights: { calls: 1, meetings_held: 2, lead_response_time_p50: 1 },
      now: NOW,
    });
    return `${b.lines.length} lines`;
  });
  await time(
    'badges job (26 weeks x 40 reps + bests)',
    async () => {
      const s = await awardBadges(db, NOW);
      return `${s.awarded} awarded`;
    },
    2,
  );
}

await forEachBenchStore('bench_goals', (db, store) => run(db, store));
