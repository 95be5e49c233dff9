import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { RuleSet } from '../../../domain/scoring/rules.ts';
import type { DbOrTx } from '../../derived/people.ts';
import { idArray } from '../../sql/lists.ts';
import { executeWithWorkMem } from '../../sql/work-mem.ts';
import { scoreSelect } from './score-sql.ts';

/** Statuses of leads still in play: scored by a re-score, and (new, working, mql) promoted by thresholds. */
export const OPEN_LEAD_STATUSES = ['new', 'working', 'mql', 'sql'] as const;

/** Which leads to score: given ids (any status), or the open leads with ids in (afterId, throughId]. */
export type ScoreTarget = { leadIds: readonly number[] } | { openAfterId: number; throughId: number };

export interface ScoreOutcome {
  scored: number;
  /** Leads moved to mql or sql (each recorded in lead_status_changes). */
  promoted: number;
}

/** The target as a condition on lead_events `e`, so each batch reads only its leads' events (by index). */
function eventWhere(target: ScoreTarget): RawBuilder<SqlBool> {
  if ('leadIds' in target) return sql<SqlBool>`e.lead_id = any(${idArray(target.leadIds)})`;
  return sql<SqlBool>`e.lead_id > ${target.openAfterId} and e.lead_id <= ${target.throughId}`;
}

function targetWhere(target: ScoreTarget): RawBuilder<SqlBool> {
  if ('leadIds' in target) return sql<SqlBool>`l.id = any(${idArray(target.leadIds)})`;
  return sql<SqlBool>`l.id > ${target.openAfterId} and l.id <= ${target.throughId}
    and l.status in ('new', 'working', 'mql', 'sql')`;
}

/**
 * Scores the target leads with `rs` at `asOf` in two set-based statements, inside the caller's transaction:
 * 1. upserts lead_scores from the compiled rule set (score-sql.ts);
 * 2. promotes new/working leads at the MQL threshold to mql and new/working/mql leads at the SQL threshold (or
 *    with a demo request, when it qualifies) to sql, setting mql_at / sql_at to `asOf` where not set (a lead
 *    that jumps to sql gets mql_at too, so mql_at <= sql_at as the metrics' reached_mql assumes), and records
 *    each change with its score, rule version and reason. Never demotes (thresholds.ts's promotion()).
 */
export async function scoreLeads(
  tx: DbOrTx,
  rs: RuleSet,
  asOf: Date,
  target: ScoreTarget,
): Promise<ScoreOutcome> {
  if ('leadIds' in target && target.leadIds.length === 0) return { scored: 0, promoted: 0 };
  const where = targetWhere(target);
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const scored = await upsertLeadScores(tx, rs, asOf, where, eventWhere(target));
  const promoted = await sql`
    with cand as (
      select l.id, l.status as from_status, s.score,
        case
          when s.score >= ${rs.sqlThreshold} then 'sql'
          when s.demo_requested and ${rs.demoRequestQualifies} then 'sql'
          when s.score >= ${rs.mqlThreshold} and l.status in ('new', 'working') then 'mql'
        end as to_status,
        case when s.score < ${rs.sqlThreshold} and s.demo_requested and ${rs.demoRequestQualifies}
          then 'demo_request' else 'score' end as reason
      from leads l join lead_scores s on s.lead_id = l.id
      where ${where} and l.status in ('new', 'working', 'mql')
    ),
    moved as (
      update leads l set
        status = c.to_status,
        mql_at = coalesce(l.mql_at, ${at}),
        sql_at = case when c.to_status = 'sql' then coalesce(l.sql_at, ${at}) else l.sql_at end,
        updated_at = now()
      from cand c
      where l.id = c.id and c.to_status is not null
      returning l.id, c.from_status, c.to_status, c.score, c.reason
    )
    insert into lead_status_changes (lead_id, from_status, to_status, changed_at, score, rule_set_version, reason)
    select id, from_status, to_status, ${at}, score, ${rs.version}, reason from moved`.execute(tx);
  return { scored, promoted: Number(promoted.numAffectedRows ?? 0) };
}

/**
 * Stores the scores of the leads `where` picks (alias `l`) with `rs` at `asOf`: one INSERT ... SELECT from the
 * compiled rule set, replacing each lead's previous score. No status changes (scoreLeads adds those). Returns
 * how many leads were scored.
 */
export async function upsertLeadScores(
  tx: DbOrTx,
  rs: RuleSet,
  asOf: Date,
  where: RawBuilder<SqlBool>,
  events: RawBuilder<SqlBool> = sql<SqlBool>`true`,
): Promise<number> {
  const at = sql`${asOf.toISOString()}::timestamptz`;
  // Room to hash the per-lead, per-rule aggregates of a batch instead of sorting them on disk (PostgreSQL's 4 MB).
  const up = await executeWithWorkMem(
    tx,
    32,
    sql`
    insert into lead_scores (lead_id, rule_set_version, fit, engagement, score, why, demo_requested, computed_at)
    select s.lead_id, ${rs.version}, s.fit, s.engagement, s.score, s.why, s.demo_requested, ${at}
    from (${scoreSelect(rs, asOf, where, events)}) s
    on conflict (lead_id) do update set
      rule_set_version = excluded.rule_set_version, fit = excluded.fit, engagement = excluded.engagement,
      score = excluded.score, why = excluded.why, demo_requested = excluded.demo_requested,
      computed_at = excluded.computed_at`,
  );
  return Number(up.numAffectedRows ?? 0);
}

/**
 * The upper lead id of the next batch of open leads after `afterId` (at most `limit` leads), or null when none
 * is left. Batches are id ranges so a re-score can commit each one with its cursor.
 */
export async function nextOpenBatch(db: DbOrTx, afterId: number, limit: number): Promise<number | null> {
  const r = await sql<{ through: number | null }>`
    select max(id) as through from (
      select id from leads where id > ${afterId} and status in ('new', 'working', 'mql', 'sql')
      order by id limit ${limit}) b`.execute(db);
  const through = r.rows[0]?.through;
  return through === null || through === undefined ? null : Number(through);
}

/** How many open leads there are (a re-score's total). */
export async function countOpenLeads(db: DbOrTx): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from leads where status in ('new', 'working', 'mql', 'sql')`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
