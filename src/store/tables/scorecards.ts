import type { ColumnType, Generated } from 'kysely';
import { sql } from 'kysely';
import {
  BUILT_IN_DEFAULT_ID,
  DEFAULT_SCORECARD_METRICS,
  type Scorecard,
  type ScorecardMetric,
} from '../../domain/coaching/scorecard.ts';
import { scorecardProblems } from '../../domain/coaching/scorecard-check.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';

/** scorecards (0026): one per sales role, null role = the default card. */
export interface ScorecardsTable {
  id: Generated<number>;
  sales_role: string | null;
  name: string;
  metrics: ColumnType<ScorecardMetric[], string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

type Row = { id: number; sales_role: string | null; name: string; metrics: unknown };

function toScorecard(r: Row): Scorecard {
  // jsonb comes back parsed on both stores; a text driver setting would hand a string.
  const metrics = (typeof r.metrics === 'string' ? JSON.parse(r.metrics) : r.metrics) as ScorecardMetric[];
  return { id: r.id, salesRole: r.sales_role, name: r.name, metrics };
}

/**
 * Every scorecard, the default first. Migration 0026 stores the default; a store emptied since (demo --reset
 * truncates every data table) gets the built-in one with id 0 until an admin saves it (PUT .../scorecards/0).
 */
export async function listScorecards(db: Db): Promise<Scorecard[]> {
  const rows = await db
    .selectFrom('scorecards')
    .select(['id', 'sales_role', 'name', 'metrics'])
    .orderBy(sql`sales_role is not null`)
    .orderBy('sales_role')
    .execute();
  const cards = rows.map(toScorecard);
  if (cards.some((c) => c.salesRole === null)) return cards;
  return [
    { id: BUILT_IN_DEFAULT_ID, salesRole: null, name: 'Default', metrics: [...DEFAULT_SCORECARD_METRICS] },
    ...cards,
  ];
}

/** What an admin sends to change a scorecard. */
export interface ScorecardInput {
  salesRole: string | null;
  name: string;
  metrics: ScorecardMetric[];
}

function check(input: ScorecardInput): void {
  const problems = scorecardProblems(input.metrics);
  if (problems.length > 0) throw new AppError('validation', 'Invalid scorecard', problems);
}

async function roleTaken(db: Db, salesRole: string | null, exceptId: number | null): Promise<boolean> {
  let q = db.selectFrom('scorecards').select('id');
  q = salesRole === null ? q.where('sales_role', 'is', null) : q.where('sales_role', '=', salesRole);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/**
 * Replaces scorecard `id` (validated first: nothing is written when any line is wrong). Id 0, the built-in
 * default, is stored as a new card.
 */
export async function updateScorecard(db: Db, id: number, input: ScorecardInput): Promise<Scorecard> {
  if (id === BUILT_IN_DEFAULT_ID) return createScorecard(db, input);
  check(input);
  if (await roleTaken(db, input.salesRole, id)) {
    throw new AppError('conflict', `Another scorecard is for sales role ${input.salesRole ?? '(default)'}`, [
      { field: 'salesRole', value: input.salesRole ?? '', reason: 'already has a scorecard' },
    ]);
  }
  const row = await db
    .updateTable('scorecards')
    .set({
      sales_role: input.salesRole,
      name: input.name,
      metrics: JSON.stringify(input.metrics),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(['id', 'sales_role', 'name', 'metrics'])
    .executeTakeFirst();
  if (!row)
    throw new AppError('not_found', `No scorecard ${id}`, [
      { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
    ]);
  return toScorecard(row);
}

/** Adds a scorecard for a sales role that has none. */
export async function createScorecard(db: Db, input: ScorecardInput): Promise<Scorecard> {
  check(input);
  if (await roleTaken(db, input.salesRole, null)) {
    throw new AppError('conflict', `Sales role ${input.salesRole ?? '(default)'} already has a scorecard`, [
      { field: 'salesRole', value: input.salesRole ?? '', reason: 'already has a scorecard' },
    ]);
  }
  const row = await db
    .insertInto('scorecards')
    .values({ sales_role: input.salesRole, name: input.name, metrics: JSON.stringify(input.metrics) })
    .returning(['id', 'sales_role', 'name', 'metrics'])
    .executeTakeFirstOrThrow();
  return toScorecard(row);
}
