import type { Generated } from 'kysely';
import type { DbOrTx } from '../derived/people.ts';

export type RescoreStatus = 'pending' | 'running' | 'done' | 'superseded';

/** Background re-scores of the open leads (migration 0021), worked through by the scoring-rescore job. */
export interface ScoringRescoresTable {
  id: Generated<number>;
  rule_set_version: number;
  status: Generated<RescoreStatus>;
  leads_total: number | null;
  leads_done: Generated<number>;
  /** The cursor: every open lead with a smaller or equal id is done. */
  after_lead_id: Generated<number>;
  promoted: Generated<number>;
  requested_by: number | null;
  requested_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface Rescore {
  id: number;
  ruleSetVersion: number;
  status: RescoreStatus;
  leadsTotal: number | null;
  leadsDone: number;
  promoted: number;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

type Row = {
  id: number;
  rule_set_version: number;
  status: RescoreStatus;
  leads_total: number | null;
  leads_done: number;
  promoted: number;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

export function toRescore(r: Row): Rescore {
  return {
    id: Number(r.id),
    ruleSetVersion: r.rule_set_version,
    status: r.status,
    leadsTotal: r.leads_total,
    leadsDone: Number(r.leads_done),
    promoted: Number(r.promoted),
    requestedAt: new Date(r.requested_at),
    startedAt: r.started_at === null ? null : new Date(r.started_at),
    finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
  };
}

/** Queues a re-score of the open leads for a rule-set version; the job picks it up. */
export async function enqueueRescore(
  tx: DbOrTx,
  ruleSetVersion: number,
  requestedBy: number | null,
  /** When it was asked for; the database clock by default (a job passes its own `now`). */
  requestedAt?: Date,
): Promise<Rescore> {
  const row = await tx
    .insertInto('scoring_rescores')
    .values({
      rule_set_version: ruleSetVersion,
      requested_by: requestedBy,
      ...(requestedAt ? { requested_at: requestedAt } : {}),
      leads_total: null,
      started_at: null,
      finished_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRescore(row);
}

export async function getRescore(db: DbOrTx, id: number): Promise<Rescore | null> {
  const row = await db.selectFrom('scoring_rescores').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRescore(row) : null;
}

/** The latest re-scores, newest first. */
export async function listRescores(db: DbOrTx, limit = 20): Promise<Rescore[]> {
  const rows = await db
    .selectFrom('scoring_rescores')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRescore);
}
