import { canSeeOwner, type Viewer } from '../../domain/access/viewer.ts';
import type { Db } from '../../store/db.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { PersonRef } from '../records/common.ts';

/** Imported tables with an owner, and the column that holds it. */
const OWNER_COLUMN = {
  opportunities: 'owner_id',
  leads: 'owner_id',
  contacts: 'owner_id',
  activities: 'user_id',
} as const;
export type OwnedImportTable = keyof typeof OWNER_COLUMN;

/** Current owners of rows a batch would update, by external id (rows that do not exist yet are absent). */
export type ExistingOwners = ReadonlyMap<string, number | null>;

/** Reason given for a row that already exists and belongs to someone the importer may not see. */
export const OUTSIDE_TEAMS = 'row belongs to a rep outside your teams';

/**
 * Loads, in one query per batch, who owns the rows the batch matches by external id. Viewers who see every
 * row (admins, the CLI) skip the query: nothing could be refused.
 */
export async function loadExistingOwners(
  tx: Db,
  viewer: Viewer,
  table: OwnedImportTable,
  externalIds: readonly string[],
): Promise<ExistingOwners> {
  if (viewer.visibleUserIds === null || externalIds.length === 0) return new Map();
  const column = OWNER_COLUMN[table];
  const rows = await tx
    .selectFrom(table)
    .select(['external_id', `${column} as owner`])
    .where('external_id', 'in', [...new Set(externalIds)])
    .execute();
  return new Map(rows.map((r) => [r.external_id!, r.owner]));
}

/** The error for a row whose (new) owner the viewer may not see; the staged importer words it the same way. */
export function ownerOutsideTeams(owner: PersonRef | null): FieldError {
  return owner
    ? {
        field: owner.email ? 'ownerEmail' : 'owner',
        value: owner.email ?? owner.name ?? '',
        reason: `rep '${owner.email ?? owner.name}' is outside your teams`,
        rule: 'outside_scope',
      }
    : {
        field: 'owner',
        reason: 'a row without an owner is outside what you may import',
        rule: 'outside_scope',
      };
}

/**
 * The API's row-level rule applied to one imported row: the viewer may write a row only when they could read
 * it (canSeeOwner) both as it is in the store and as the file would leave it. Managers: their subtree and
 * unassigned rows; reps: their own; admins and the system: everything. `ownerId` undefined = the owner did not
 * resolve (that error is already reported).
 */
export function rowAccessErrors(
  viewer: Viewer,
  row: { externalId: string; owner: PersonRef | null; ownerId: number | null | undefined },
  existing: ExistingOwners,
): FieldError[] {
  if (viewer.visibleUserIds === null) return [];
  const errors: FieldError[] = [];
  if (existing.has(row.externalId) && !canSeeOwner(viewer, existing.get(row.externalId) ?? null))
    errors.push({ field: 'externalId', value: row.externalId, reason: OUTSIDE_TEAMS, rule: 'outside_scope' });
  if (row.ownerId !== undefined && !canSeeOwner(viewer, row.ownerId)) {
    errors.push(ownerOutsideTeams(row.owner));
  }
  return errors;
}
