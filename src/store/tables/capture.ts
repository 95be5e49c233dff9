import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

/** An inbound webhook source (0031); `mapping` holds a SourceMapping (src/domain/capture/source-mapping.ts). */
export interface CaptureSourcesTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  mapping: unknown;
  active: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The workspace's email capture settings (0031): one row, id 1. */
export interface CaptureSettingsTable {
  id: Generated<number>;
  email_address: string | null;
  allowed_domains: Generated<string[]>;
  updated_at: UpdatedAt;
}

/** A message the SMTP receiver accepted (0031); the primary key is the claim across server processes. */
export interface CaptureEmailMessagesTable {
  message_id: string;
  thread_key: string;
  received_at: CreatedAt;
  sender: string;
  user_id: number | null;
  subject: string | null;
  status: 'logged' | 'unmatched';
  reason: string | null;
  activity_ids: Generated<number[]>;
}
