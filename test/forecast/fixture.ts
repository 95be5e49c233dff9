import { setProbabilitySource } from '../../src/store/queries/pipelines/probability-sources.ts';
import type { Db } from '../../src/store/db.ts';
import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import { seedUser } from '../support/users.ts';

/** Stage ids of the default pipeline by name. */
export type Stages = Record<
  'Discovery' | 'Qualified' | 'Demo' | 'Trial' | 'Final negotiation' | 'Won' | 'Lost',
  number
>;

export interface ForecastFixture {
  pipelineId: number;
  stages: Stages;
  teamId: number;
  admin: { id: number; email: string; password: string };
  manager: { id: number; email: string; password: string };
  r1: { id: number; email: string; password: string };
  r2: { id: number; email: string; password: string };
  r3: { id: number; email: string; password: string };
  deals: { A: number; B: number; C: number; D: number };
}

/** Inserts an opportunity with its creation history row. */
export async function addDeal(
  db: Db,
  d: {
    owner: number;
    pipelineId: number;
    stageId: number;
    amount: number;
    created: string;
    close: string;
    category?: 'pipeline' | 'best_case' | 'commit';
    forecastAmount?: number | null;
    name?: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('opportunities')
    .values({
      name: d.name ?? `Deal ${d.amount}`,
      owner_id: d.owner,
      pipeline_id: d.pipelineId,
      stage_id: d.stageId,
      amount_minor: d.amount,
      currency: 'USD',
      forecast_category: d.category ?? 'pipeline',
      forecast_amount_minor: d.forecastAmount ?? null,
      expected_close_date: d.close,
      created_at: d.created,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('opportunity_history')
    .values({
      opportunity_id: id,
      changed_at: d.created,
      stage_id: d.stageId,
      amount_minor: d.amount,
      expected_close_date: d.close,
      forecast_category: d.category ?? 'pipeline',
      owner_id: d.owner,
    })
    .execute();
  return id;
}

/** Moves a deal (stage, amount, close date, status) at `at`, recording the history row as an importer would. */
export async function changeDeal(
  db: Db,
  id: number,
  at: string,
  change: { stageId: number; amount?: number; close?: string; status?: 'open' | 'won' | 'lost' },
): Promise<void> {
  const cur = await db.selectFrom('opportunities').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const amount = change.amount ?? cur.amount_minor;
  const close = change.close ?? cur.expected_close_date;
  await db
    .updateTable('opportunities')
    .set({
      stage_id: change.stageId,
      amount_minor: amount,
      expected_close_date: close,
      status: change.status ?? 'open',
      closed_at: change.status && change.status !== 'open' ? at : null,
    })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('opportunity_history')
    .values({
      opportunity_id: id,
      changed_at: at,
      stage_id: change.stageId,
      amount_minor: amount,
      expected_close_date: close,
      forecast_category: cur.forecast_category,
      owner_id: cur.owner_id,
    })
    .execute();
}

/** Adds a won deal: created `cycleDays` before `closed`, first expected to close `slipDays` before it did. */
async function addWon(
  db: Db,
  f: { owner: number; pipelineId: number; stages: Stages },
  closed: string,
  cycleDays: number,
  slipDays: number,
  amount: number,
) {
  const closedMs = Date.parse(`${closed}T12:00:00Z`);
  const created = new Date(closedMs - cycleDays * 86_400_000).toISOString();
  const firstClose = new Date(closedMs - slipDays * 86_400_000).toISOString().slice(0, 10);
  const id = await addDeal(db, {
    owner: f.owner,
    pipelineId: f.pipelineId,
    stageId: f.stages.Trial,
    amount,
    created,
    close: firstClose,
  });
  await changeDeal(db, id, `${closed}T12:00:00Z`, { stageId: f.stages.Won, close: closed, status: 'won' });
  return id;
}

/**
 * The hand-computed world the forecast store tests use (workspace time zone UTC, period 2026-Q4):
 * - team East (manager) with reps r1 and r2; r3 has no team.
 * - Five won deals of 10,000 (r1) closed 2026-06-01..2026-07-20 with cycles 100..140 days and slips 0,5,5,10,30.
 * - D: r1, 30,000 won 2026-10-15 after 75 days, no slip.
 * - Open: A r1 Demo 40% 100,000 closing 2026-11-20, commit with forecast amount 90,000, created 2026-09-22;
 *         B r2 Trial 60% 50,000 closing 2026-12-10, best case, created 2026-10-05;
 *         C r3 Discovery 10% 20,000 closing 2027-01-15, created 2026-10-20.
 * - The pipeline uses its configured probabilities (the hand-computed numbers below are written with them; the
 *   learned ones, the workspace default, are tested in learned-probability.test.ts).
 */
export async function seedForecastWorld(db: Db): Promise<ForecastFixture> {
  const pipelineId = await ensureDefaultPipeline(db);
  await setProbabilitySource(db, pipelineId, 'configured');
  const rows = await db
    .selectFrom('stages')
    .select(['id', 'name'])
    .where('pipeline_id', '=', pipelineId)
    .execute();
  const stages = Object.fromEntries(rows.map((r) => [r.name, r.id])) as Stages;
  const admin = await seedUser(db, { role: 'admin', name: 'Ada Admin' });
  const manager = await seedUser(db, { role: 'manager', name: 'Max Manager' });
  const { id: teamId } = await db
    .insertInto('teams')
    .values({ name: 'East', manager_id: manager.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('users').set({ team_id: teamId }).where('id', '=', manager.id).execute();
  const r1 = await seedUser(db, { role: 'rep', name: 'Rita Rep', teamId });
  const r2 = await seedUser(db, { role: 'rep', name: 'Ravi Rep', teamId });
  const r3 = await seedUser(db, { role: 'rep', name: 'Rosa Rep' });
  const base = { owner: r1.id, pipelineId, stages };
  const history: Array<[string, number, number]> = [
    ['2026-06-01', 100, 0],
    ['2026-06-15', 110, 5],
    ['2026-07-01', 120, 5],
    ['2026-07-10', 130, 10],
    ['2026-07-20', 140, 30],
  ];
  for (const [closed, cycle, slip] of history) await addWon(db, base, closed, cycle, slip, 10_000);
  const D = await addWon(db, base, '2026-10-15', 75, 0, 30_000);
  const A = await addDeal(db, {
    owner: r1.id,
    pipelineId,
    stageId: stages.Discovery,
    amount: 100_000,
    created: '2026-09-22T12:00:00Z',
    close: '2026-11-20',
    category: 'commit',
    forecastAmount: 90_000,
    name: 'Acme',
  });
  await changeDeal(db, A, '2026-10-20T12:00:00Z', { stageId: stages.Demo });
  const B = await addDeal(db, {
    owner: r2.id,
    pipelineId,
    stageId: stages.Trial,
    amount: 50_000,
    created: '2026-10-05T12:00:00Z',
    close: '2026-12-10',
    category: 'best_case',
    name: 'Beta',
  });
  const C = await addDeal(db, {
    owner: r3.id,
    pipelineId,
    stageId: stages.Discovery,
    amount: 20_000,
    created: '2026-10-20T12:00:00Z',
    close: '2027-01-15',
    name: 'Gamma',
  });
  return { pipelineId, stages, teamId, admin, manager, r1, r2, r3, deals: { A, B, C, D } };
}
