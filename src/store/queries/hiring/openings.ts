import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import type { CriterionKind, OpeningStatus } from '../../tables/hiring.ts';
import { hiringReach, openingInReach } from './access.ts';

export interface Criterion {
  id: number;
  name: string;
  kind: CriterionKind;
  weight: number;
  position: number;
}

export interface Opening {
  id: number;
  name: string;
  teamId: number | null;
  teamName: string | null;
  ownerId: number | null;
  scaleMin: number;
  scaleMax: number;
  status: OpeningStatus;
  candidates: number;
  criteria: Criterion[];
}

export interface OpeningInput {
  name: string;
  teamId: number | null;
  ownerId: number | null;
  scaleMin: number;
  scaleMax: number;
  criteria: Array<{ name: string; kind: CriterionKind; weight: number }>;
}

/** The openings the viewer may see, newest first, with their criteria in order. */
export async function listOpenings(db: Db, viewer: Viewer, filter: { id?: number } = {}): Promise<Opening[]> {
  const reach = await hiringReach(db, viewer);
  const rows = await sql<{
    id: number;
    name: string;
    team_id: number | null;
    team_name: string | null;
    owner_id: number | null;
    scale_min: number;
    scale_max: number;
    status: OpeningStatus;
    candidates: number;
  }>`select o.id, o.name, o.team_id, t.name as team_name, o.owner_id, o.scale_min, o.scale_max, o.status,
      (select count(*)::int from hiring_candidates c where c.opening_id = o.id) as candidates
    from hiring_openings o left join teams t on t.id = o.team_id
    where ${openingInReach(reach)} ${filter.id === undefined ? sql`` : sql`and o.id = ${filter.id}`}
    order by o.id desc`.execute(db);
  const ids = rows.rows.map((r) => Number(r.id));
  const criteria =
    ids.length === 0
      ? []
      : await db
          .selectFrom('hiring_criteria')
          .selectAll()
          .where('opening_id', 'in', ids)
          .orderBy('position')
          .orderBy('id')
          .execute();
  return rows.rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    teamId: r.team_id === null ? null : Number(r.team_id),
    teamName: r.team_name,
    ownerId: r.owner_id === null ? null : Number(r.owner_id),
    scaleMin: r.scale_min,
    scaleMax: r.scale_max,
    status: r.status,
    candidates: Number(r.candidates),
    criteria: criteria
      .filter((c) => Number(c.opening_id) === Number(r.id))
      .map((c) => ({ id: Number(c.id), name: c.name, kind: c.kind, weight: c.weight, position: c.position })),
  }));
}

/** One opening within the viewer's reach, or not_found. */
export async function getOpening(db: Db, viewer: Viewer, id: number): Promise<Opening> {
  const [opening] = await listOpenings(db, viewer, { id });
  if (!opening)
    throw new AppError('not_found', 'No such opening', [
      { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
    ]);
  return opening;
}

/**
 * Creates an opening with its criteria in one transaction. A manager may create openings only for teams in
 * their subtree (and owns them); every problem is reported together, nothing is written on error.
 */
export async function createOpening(db: Db, viewer: Viewer, input: OpeningInput): Promise<Opening> {
  const reach = await hiringReach(db, viewer);
  const problems: ErrorDetail[] = [];
  if (input.scaleMax <= input.scaleMin)
    problems.push({ field: 'scaleMax', reason: 'must be above scaleMin' });
  if (input.criteria.length === 0) problems.push({ field: 'criteria', reason: 'at least one criterion' });
  const names = new Set<string>();
  input.criteria.forEach((c, i) => {
    const key = c.name.trim().toLowerCase();
    if (names.has(key))
      problems.push({ field: `criteria[${i}].name`, value: c.name, reason: 'duplicate name' });
    names.add(key);
  });
  if (input.teamId !== null) {
    const team = await db.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst();
    if (!team)
      problems.push({
        field: 'teamId',
        value: String(input.teamId),
        reason: 'no such team',
        rule: 'not_found',
      });
    else if (!reach.all && !reach.teamIds.includes(input.teamId))
      problems.push({ field: 'teamId', value: String(input.teamId), reason: 'not a team you manage' });
  } else if (!reach.all) {
    problems.push({ field: 'teamId', reason: 'required for managers' });
  }
  let ownerId = input.ownerId;
  if (!reach.all) ownerId = reach.userId;
  else if (ownerId !== null) {
    const owner = await db.selectFrom('users').select('role').where('id', '=', ownerId).executeTakeFirst();
    if (!owner || owner.role === 'rep')
      problems.push({ field: 'ownerId', value: String(ownerId), reason: 'must be a manager or admin' });
  }
  if (problems.length > 0) throw new AppError('validation', 'Invalid opening', problems);
  const id = await inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('hiring_openings')
      .values({
        name: input.name,
        team_id: input.teamId,
        owner_id: ownerId,
        scale_min: input.scaleMin,
        scale_max: input.scaleMax,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('hiring_criteria')
      .values(
        input.criteria.map((c, i) => ({
          opening_id: row.id,
          name: c.name.trim(),
          kind: c.kind,
          weight: c.weight,
          position: i + 1,
        })),
      )
      .execute();
    await recordAudit(tx, viewer, {
      action: 'create',
      entity: 'hiring_opening',
      entityId: Number(row.id),
      after: { ...input, ownerId },
    });
    return Number(row.id);
  });
  return getOpening(db, viewer, id);
}

/** Opens or closes an opening within reach. */
export async function setOpeningStatus(
  db: Db,
  viewer: Viewer,
  id: number,
  status: OpeningStatus,
): Promise<Opening> {
  await getOpening(db, viewer, id);
  await db
    .updateTable('hiring_openings')
    .set({ status, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return getOpening(db, viewer, id);
}
