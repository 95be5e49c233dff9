import type { ColumnType, Generated } from 'kysely';

/** Kysely types for the authentication tables of migration 0002. */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  csrf_token: string;
  user_id: number;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export type TokenScope = 'read' | 'write';

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  /** Last four characters of the token, to tell tokens apart in lists. */
  hint: string;
  scope: TokenScope;
  created_by: number;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: number | null;
  actor_token_id: number | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

import type { AuthFailureKind } from '../../domain/access/throttle-policy.ts';

export type { AuthFailureKind };

export interface AuthFailuresTable {
  id: Generated<number>;
  kind: AuthFailureKind;
  key: string;
  at: CreatedAt;
}
