import type { Selectable } from 'kysely';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Db } from '../db.ts';
import type { RoutingRulesTable } from './routing.ts';

/** A routing rule as stored: its own reps and optionally a team whose members are eligible too. */
export interface RoutingRuleRecord {
  id: number;
  name: string;
  position: number;
  active: boolean;
  countries: string[] | null;
  regions: string[] | null;
  industries: string[] | null;
  minCompanySize: number | null;
  maxCompanySize: number | null;
  accountIds: number[] | null;
  repIds: number[];
  teamId: number | null;
}

export type RoutingRuleInput = Omit<RoutingRuleRecord, 'id'>;

const emptyToNull = <T>(xs: T[] | null | undefined): T[] | null => (xs && xs.length > 0 ? xs : null);

export function toRoutingRule(row: Selectable<RoutingRulesTable>): RoutingRuleRecord {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active,
    countries: row.countries,
    regions: row.regions,
    industries: row.industries,
    minCompanySize: row.min_company_size,
    maxCompanySize: row.max_company_size,
    accountIds: row.account_ids === null ? null : row.account_ids.map(Number),
    repIds: row.rep_ids.map(Number),
    teamId: row.team_id,
  };
}

export async function listRoutingRules(db: Db): Promise<RoutingRuleRecord[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map(toRoutingRule);
}

export async function getRoutingRule(db: Db, id: number): Promise<RoutingRuleRecord> {
  const row = await db.selectFrom('routing_rules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Routing rule ${id} not found`);
  return toRoutingRule(row);
}

/** Checks the rule's references and ranges, collecting every problem so the user fixes them in one pass. */
async function checkRule(db: Db, input: RoutingRuleInput): Promise<void> {
  const details: ErrorDetail[] = [];
  if (input.name.trim() === '')
    details.push({ field: 'name', reason: 'must not be empty', rule: 'required' });
  if (
    input.minCompanySize !== null &&
    input.maxCompanySize !== null &&
    input.minCompanySize > input.maxCompanySize
  )
    details.push({ field: 'maxCompanySize', reason: 'must be at least minCompanySize' });
  for (const c of input.countries ?? [])
    if (!/^[A-Z]{2}$/.test(c))
      details.push({ field: 'countries', value: c, reason: 'not an ISO 3166-1 alpha-2 code' });
  if (input.repIds.length > 0) {
    const found = await db.selectFrom('users').select('id').where('id', 'in', input.repIds).execute();
    const ids = new Set(found.map((r) => r.id));
    for (const id of input.repIds)
      if (!ids.has(id))
        details.push({ field: 'repIds', value: String(id), reason: 'no such user', rule: 'not_found' });
  }
  if (input.teamId !== null) {
    const team = await db.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst();
    if (!team)
      details.push({
        field: 'teamId',
        value: String(input.teamId),
        reason: 'no such team',
        rule: 'not_found',
      });
  }
  if (input.accountIds && input.accountIds.length > 0) {
    const found = await db.selectFrom('accounts').select('id').where('id', 'in', input.accountIds).execute();
    const ids = new Set(found.map((r) => r.id));
    for (const id of input.accountIds)
      if (!ids.has(id))
        details.push({
          field: 'accountIds',
          value: String(id),
          reason: 'no such account',
          rule: 'not_found',
        });
  }
  if (input.repIds.length === 0 && input.teamId === null)
    details.push({ field: 'repIds', reason: 'a rule needs reps or a team' });
  if (details.length > 0) throw new AppError('validation', 'Invalid routing rule', details);
}

function toRow(input: RoutingRuleInput) {
  return {
    name: input.name.trim(),
    position: input.position,
    active: input.active,
    countries: emptyToNull(input.countries),
    regions: emptyToNull(input.regions),
    industries: emptyToNull(input.industries),
    min_company_size: input.minCompanySize,
    max_company_size: input.maxCompanySize,
    account_ids: emptyToNull(input.accountIds),
    rep_ids: [...new Set(input.repIds)],
    team_id: input.teamId,
  };
}

export async function createRoutingRule(db: Db, input: RoutingRuleInput): Promise<RoutingRuleRecord> {
  await checkRule(db, input);
  const row = await db
    .insertInto('routing_rules')
    .values(toRow(input))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRoutingRule(row);
}

export async function updateRoutingRule(
  db: Db,
  id: number,
  patch: Partial<RoutingRuleInput>,
): Promise<RoutingRuleRecord> {
  const current = await getRoutingRule(db, id);
  const { id: _id, ...base } = current;
  const next: RoutingRuleInput = { ...base, ...patch };
  await checkRule(db, next);
  const row = await db
    .updateTable('routing_rules')
    .set({ ...toRow(next), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRoutingRule(row);
}

export async function deleteRoutingRule(db: Db, id: number): Promise<void> {
  const r = await db.deleteFrom('routing_rules').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new AppError('not_found', `Routing rule ${id} not found`);
}
