import { sql } from 'kysely';
import { DEFAULT_RULE_SET } from '../../domain/scoring/default-rules.ts';
import type { RuleSet, RuleSetDraft, ScoringRule } from '../../domain/scoring/rules.ts';
import type { DbOrTx } from '../derived/people.ts';

/** Versioned scoring rule sets (migration 0021); at most one row is active. */
export interface ScoringRuleSetsTable {
  version: number;
  /** ScoringRule[] as JSON, written only by saveRuleSet from a validated rule set. */
  rules: unknown;
  mql_threshold: number;
  sql_threshold: number;
  demo_request_qualifies: boolean;
  active: boolean;
  created_by: number | null;
  created_at: Date;
}

/** A stored rule set with who made it and when. */
export interface StoredRuleSet extends RuleSet {
  active: boolean;
  createdBy: number | null;
  createdAt: Date;
}

type Row = Pick<
  ScoringRuleSetsTable,
  | 'version'
  | 'rules'
  | 'mql_threshold'
  | 'sql_threshold'
  | 'demo_request_qualifies'
  | 'active'
  | 'created_by'
  | 'created_at'
>;

function toRuleSet(r: Row): StoredRuleSet {
  return {
    version: r.version,
    // Written by saveRuleSet from a rule set that passed the API's schema and validateRuleSet.
    rules: r.rules as ScoringRule[],
    mqlThreshold: r.mql_threshold,
    sqlThreshold: r.sql_threshold,
    demoRequestQualifies: r.demo_request_qualifies,
    active: r.active,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  };
}

/**
 * The active rule set. A store that never had one gets the brief's default set as version 1, stored here (on
 * conflict nothing: two processes asking at once store it once), so every score names a stored version.
 */
export async function getActiveRuleSet(db: DbOrTx): Promise<StoredRuleSet> {
  const found = await db
    .selectFrom('scoring_rule_sets')
    .selectAll()
    .where('active', '=', true)
    .executeTakeFirst();
  if (found) return toRuleSet(found);
  await sql`
    insert into scoring_rule_sets (version, rules, mql_threshold, sql_threshold, demo_request_qualifies, active)
    select 1, ${JSON.stringify(DEFAULT_RULE_SET.rules)}::jsonb, ${DEFAULT_RULE_SET.mqlThreshold},
      ${DEFAULT_RULE_SET.sqlThreshold}, ${DEFAULT_RULE_SET.demoRequestQualifies}, true
    where not exists (select 1 from scoring_rule_sets where active)
    on conflict do nothing`.execute(db);
  const row = await db
    .selectFrom('scoring_rule_sets')
    .selectAll()
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return toRuleSet(row);
}

/** Every version, newest first. */
export async function listRuleSets(db: DbOrTx): Promise<StoredRuleSet[]> {
  await getActiveRuleSet(db);
  const rows = await db.selectFrom('scoring_rule_sets').selectAll().orderBy('version', 'desc').execute();
  return rows.map(toRuleSet);
}

/**
 * Stores `draft` as the next version and makes it the active one (the previous version stays, inactive, for
 * the scores and status changes that name it). Versions are numbered under a transaction-scoped advisory lock,
 * so two admins saving at once get consecutive versions. Call inside a transaction.
 */
export async function saveRuleSet(
  tx: DbOrTx,
  draft: RuleSetDraft,
  createdBy: number | null,
): Promise<StoredRuleSet> {
  await sql`select pg_advisory_xact_lock(hashtext('scoring_rule_sets'))`.execute(tx);
  await getActiveRuleSet(tx);
  const next = await sql<{
    v: number;
  }>`select coalesce(max(version), 0) + 1 as v from scoring_rule_sets`.execute(tx);
  const version = Number(next.rows[0]?.v);
  await tx.updateTable('scoring_rule_sets').set({ active: false }).where('active', '=', true).execute();
  const row = await tx
    .insertInto('scoring_rule_sets')
    .values({
      version,
      rules: JSON.stringify(draft.rules),
      mql_threshold: draft.mqlThreshold,
      sql_threshold: draft.sqlThreshold,
      demo_request_qualifies: draft.demoRequestQualifies,
      active: true,
      created_by: createdBy,
      created_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRuleSet(row);
}
