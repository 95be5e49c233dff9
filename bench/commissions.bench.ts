/**
 * Benchmark: computing a quarter's commission statements for 200 reps and 30,000 won deals (issue 17,
 * docs/commissions.md "Performance"). Runs on a PostgreSQL COPY of the 200-rep workspace, never on the original:
 *   createdb -T big200 mycopy && COMMISSIONS_BENCH_URL=postgres://.../mycopy npm run bench -- commissions
 * Prepares the copy once (idempotent): migrates it, adds synthetic won deals so the quarter holds 30,000 (one
 * INSERT ... SELECT), a split on every tenth deal, one accelerator plan, and an assignment for 200 active reps.
 * Then times runCommissions for the quarter (load + compute + replace drafts in one transaction) three times and
 * reports best and median, with the loading split out (buildStatementInputs alone).
 * Usage: node bench/commissions.bench.ts [--period=2026-Q3] [--deals=30000] [--runs=3]
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../src/domain/access/viewer.ts';
import type { PlanRules } from '../src/domain/commissions/types.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { computeStatement } from '../src/domain/commissions/compute-statement.ts';
import { buildStatementInputs } from '../src/store/queries/commissions/build-inputs.ts';
import { commissionPeriod } from '../src/store/queries/commissions/commission-period.ts';
import { createAssignment, createCommissionPlan } from '../src/store/queries/commissions/plans.ts';
import { runCommissions } from '../src/store/queries/commissions/run.ts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const PERIOD = arg('period', '2026-Q3');
const DEALS = Number(arg('deals', '30000'));
const RUNS = Number(arg('runs', '3'));
const REPS = 200;

const RULES: PlanRules = {
  currency: 'USD',
  period: 'quarter',
  creditOn: 'close',
  tierMode: 'marginal',
  tiers: [
    { fromPct: 0, rateBp: 0 },
    { fromPct: 50, rateBp: 1000 },
    { fromPct: 100, rateBp: 1500 },
  ],
  typeRates: { renewal: 300 },
  attainmentTypes: ['new_business', 'upsell'],
  capMinor: null,
  bonuses: [{ label: 'Quarter at 120%', atPct: 120, amountMinor: 500_000 }],
  spifs: [],
  draw: null,
  ramp: true,
  rollUp: false,
  clawbackDays: 90,
};

async function prepare(db: Db): Promise<{ reps: number; won: number }> {
  const period = await commissionPeriod(db, PERIOD);
  const settings = await db.selectFrom('settings').select('time_zone').executeTakeFirstOrThrow();
  const reps = (
    await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'rep')
      .where('active', '=', true)
      .orderBy('id')
      .limit(REPS)
      .execute()
  ).map((r) => r.id);
  const inQuarter = sql`o.status = 'won' and (o.closed_at at time zone ${settings.time_zone})::date >= ${period.start}::date
    and (o.closed_at at time zone ${settings.time_zone})::date < ${period.end}::date`;
  const count = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from opportunities o where ${inQuarter}`.execute(db))
        .rows[0]!.n,
    );
  const missing = DEALS - (await count());
  if (missing > 0) {
    // Synthetic won deals copied from the quarter's real ones (pipeline, stage, type, product), new owners among
    // the 200 reps and close dates spread over the quarter: one statement.
    await sql`
      with t as (
        select row_number() over (order by o.id) - 1 as k, o.pipeline_id, o.stage_id, o.type, o.product, o.account_id
        from opportunities o where ${inQuarter}
      ), n as (select count(*) as c from t)
      insert into opportunities (name, owner_id, pipeline_id, stage_id, status, amount_minor, currency, type, product,
                                 created_at, closed_at, account_id)
      select 'Bench deal ' || g, (${sql.val(reps)}::bigint[])[1 + (g % ${reps.length})], t.pipeline_id, t.stage_id,
             'won', 100000 + (g * 7919) % 2000000, 'USD', t.type, t.product,
             ${period.start}::timestamp - interval '30 days',
             (${period.start}::timestamp + ((g::bigint * 104729) % ((${period.end}::date - ${period.start}::date) * 86400)) * interval '1 second') at time zone ${settings.time_zone},
             t.account_id
      from generate_series(1, ${missing}) g cross join n join t on t.k = g % n.c`.execute(db);
    // A 60/40 split on every tenth synthetic deal, between its owner and the next rep.
    await sql`
      insert into opportunity_splits (opportunity_id, user_id, share_bp)
      select o.id, u.user_id, u.share_bp from opportunities o
      cross join lateral (values (o.owner_id, 6000),
        ((${sql.val(reps)}::bigint[])[1 + ((array_position(${sql.val(reps)}::bigint[], o.owner_id)) % ${reps.length})], 4000)) u(user_id, share_bp)
      where o.name like 'Bench deal %' and o.id % 10 = 0
      on conflict do nothing`.execute(db);
  }
  let plan = await db
    .selectFrom('commission_plans')
    .select('id')
    .where('name', '=', 'Bench quarter')
    .executeTakeFirst();
  if (!plan) {
    plan = await createCommissionPlan(db, SYSTEM_VIEWER, {
      name: 'Bench quarter',
      effectiveFrom: '2020-01-01',
      rules: RULES,
    });
    for (const [i, userId] of reps.entries()) {
      await createAssignment(db, SYSTEM_VIEWER, {
        userId,
        planId: plan.id,
        effectiveFrom: '2020-01-01',
        // Three target bands so attainments spread over the tiers.
        targetMinor: [15_000_000, 25_000_000, 40_000_000][i % 3]!,
      });
    }
  }
  return { reps: reps.length, won: await count() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const url = process.env.COMMISSIONS_BENCH_URL;
  if (!url) {
    console.log('COMMISSIONS_BENCH_URL is not set (a copy of the 200-rep database): skipped.');
    return;
  }
  if (new URL(url).pathname === '/big200')
    throw new Error('refusing to write the shared big200 database: use a copy');
  const db = await openDb({ kind: 'postgres', url });
  try {
    await migrateToLatest(db);
    const { reps, won } = await prepare(db);
    const loadTimes: number[] = [];
    const computeTimes: number[] = [];
    const runTimes: number[] = [];
    let last = null as Awaited<ReturnType<typeof runCommissions>> | null;
    let credited = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const { inputs } = await buildStatementInputs(db, { periodKey: PERIOD });
      loadTimes.push(performance.now() - t);
      credited = inputs.reduce((n, s) => n + s.deals.length, 0);
      t = performance.now();
      for (const input of inputs) computeStatement(input);
      computeTimes.push(performance.now() - t);
      t = performance.now();
      last = await runCommissions(db, SYSTEM_VIEWER, PERIOD);
      runTimes.push(performance.now() - t);
    }
    const lines = await sql<{ n: number }>`
      select count(*) as n from commission_statement_lines l join commission_statements s on s.id = l.statement_id
      where s.period_key = ${PERIOD}`.execute(db);
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.log(`period ${PERIOD}: ${won} won deals in the quarter, ${reps} reps on the plan`);
    console.log(`statements ${last?.statements}, credited deal rows ${credited}, lines ${lines.rows[0]!.n}`);
    console.log(
      `load (buildStatementInputs): best ${ms(Math.min(...loadTimes))}, median ${ms(median(loadTimes))}`,
    );
    console.log(
      `compute (computeStatement x ${last?.statements}): best ${ms(Math.min(...computeTimes))}, median ${ms(median(computeTimes))}`,
    );
    console.log(
      `full run (load + compute + write): best ${ms(Math.min(...runTimes))}, median ${ms(median(runTimes))}`,
    );
    console.log(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, load average ${loadavg()[0]!.toFixed(2)}, node ${process.version}`,
    );
  } finally {
    await db.destroy();
  }
}

await main();
