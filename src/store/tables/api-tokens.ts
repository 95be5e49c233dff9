import type { Role } from '../../domain/access/viewer.ts';
import { API_TOKEN_PREFIX, hashSecret } from '../../domain/access/secrets.ts';
import { needsTouch } from '../../domain/access/session-policy.ts';
import { newSecret } from './new-secret.ts';
import type { Db } from '../db.ts';
import type { TokenScope } from './auth.ts';

/** An API token as listed to admins (never the secret). */
export interface ApiToken {
  id: number;
  name: string;
  hint: string;
  scope: TokenScope;
  createdBy: number;
  createdByEmail: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Whom a valid bearer token acts as. */
export interface TokenHolder {
  tokenId: number;
  scope: TokenScope;
  userId: number;
  role: Role;
}

/** Creates a token acting as `createdBy`; returns the secret, which is shown once and never stored. */
export async function createApiToken(
  db: Db,
  input: { name: string; scope: TokenScope; createdBy: number },
): Promise<{ id: number; token: string; hint: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const hint = token.slice(-4);
  const { id } = await db
    .insertInto('api_tokens')
    .values({
      name: input.name,
      scope: input.scope,
      created_by: input.createdBy,
      token_hash: hashSecret(token),
      hint,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, token, hint };
}

/**
 * The holder of a bearer token, or null when unknown, revoked or its creator is inactive. Updates last_used_at
 * at most once a minute.
 */
export async function findApiToken(db: Db, token: string, now: Date): Promise<TokenHolder | null> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.created_by')
    .select(['t.id', 't.scope', 't.last_used_at', 'u.id as user_id', 'u.role'])
    .where('t.token_hash', '=', hashSecret(token))
    .where('t.revoked_at', 'is', null)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (needsTouch(row.last_used_at, now)) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { tokenId: row.id, scope: row.scope, userId: row.user_id, role: row.role };
}

/** Every token, newest first. */
export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.name',
      't.hint',
      't.scope',
      't.created_by',
      'u.email',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
    ])
    .orderBy('t.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    hint: r.hint,
    scope: r.scope,
    createdBy: r.created_by,
    createdByEmail: r.email,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a token; returns false when there is no such unrevoked token. */
export async function revokeApiToken(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
