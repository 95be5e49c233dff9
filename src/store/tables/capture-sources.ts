import type { Selectable } from 'kysely';
import { hashSecret, safeEqual } from '../../domain/access/secrets.ts';
import { SourceMapping } from '../../domain/capture/source-mapping.ts';
import type { Db } from '../db.ts';
import type { CaptureSourcesTable } from './capture.ts';
import { newSecret } from './new-secret.ts';

/** Prefix of inbound webhook tokens, so a leaked one is recognisable. */
export const CAPTURE_TOKEN_PREFIX = 'psw_';

/** An inbound webhook source as admins see it (never the token). */
export interface CaptureSource {
  id: number;
  name: string;
  mapping: SourceMapping;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

function toSource(row: Selectable<CaptureSourcesTable>): CaptureSource {
  return {
    id: row.id,
    name: row.name,
    // Stored mappings were validated on the way in; parsing again fills defaults added since.
    mapping: SourceMapping.parse(row.mapping),
    active: row.active,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCaptureSources(db: Db): Promise<CaptureSource[]> {
  return (await db.selectFrom('capture_sources').selectAll().orderBy('name').execute()).map(toSource);
}

export async function getCaptureSource(db: Db, name: string): Promise<CaptureSource | null> {
  const row = await db.selectFrom('capture_sources').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toSource(row) : null;
}

/** Creates a source; returns it with its token, which is shown once and stored only as a hash. */
export async function createCaptureSource(
  db: Db,
  input: { name: string; mapping: SourceMapping; createdBy: number | null },
): Promise<{ source: CaptureSource; token: string } | null> {
  const token = newSecret(CAPTURE_TOKEN_PREFIX);
  const row = await db
    .insertInto('capture_sources')
    .values({
      name: input.name,
      mapping: JSON.stringify(input.mapping),
      token_hash: hashSecret(token),
      created_by: input.createdBy,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? { source: toSource(row), token } : null;
}

/** Changes a source's mapping or switch, and with rotateToken issues a new token (the old one stops working). */
export async function updateCaptureSource(
  db: Db,
  name: string,
  change: {
    mapping?: SourceMapping | undefined;
    active?: boolean | undefined;
    rotateToken?: boolean | undefined;
  },
): Promise<{ source: CaptureSource; token: string | null } | null> {
  const token = change.rotateToken ? newSecret(CAPTURE_TOKEN_PREFIX) : null;
  const row = await db
    .updateTable('capture_sources')
    .set({
      updated_at: new Date(),
      ...(change.mapping === undefined ? {} : { mapping: JSON.stringify(change.mapping) }),
      ...(change.active === undefined ? {} : { active: change.active }),
      ...(token === null ? {} : { token_hash: hashSecret(token) }),
    })
    .where('name', '=', name)
    .returningAll()
    .executeTakeFirst();
  return row ? { source: toSource(row), token } : null;
}

export async function deleteCaptureSource(db: Db, name: string): Promise<boolean> {
  const r = await db.deleteFrom('capture_sources').where('name', '=', name).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * The active source a delivery names, when its token matches; null otherwise, whichever of the two failed, so
 * a caller cannot learn which source names exist.
 */
export async function sourceForDelivery(db: Db, name: string, token: string): Promise<CaptureSource | null> {
  const row = await db
    .selectFrom('capture_sources')
    .selectAll()
    .where('name', '=', name)
    .where('active', '=', true)
    .executeTakeFirst();
  // Hash and compare even when the name is unknown, so both failures take the same time.
  const matches = safeEqual(hashSecret(token), row?.token_hash ?? hashSecret(`${CAPTURE_TOKEN_PREFIX}none`));
  return row && matches ? toSource(row) : null;
}
