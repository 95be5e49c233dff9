import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { Db } from '../../db.ts';
import { asBuffer, METRICS_CODE_FINGERPRINT } from './stored-results.ts';

/*
 * A repeated metrics request in one statement (docs/performance.md, "Stored metrics answers"): the data version,
 * the viewer's request resolved to the answer kept for its scope (metrics_result_aliases), the answer's life at
 * this instant and its bytes in the encoding asked for. Without it a stored answer took the version, the settings
 * (for the period), the teams (for a team filter's sub-teams) and the row, one statement each.
 */

/**
 * The key of a request as the viewer sent it: the code's fingerprint, who asks (user, role and the users they may
 * see: what their scope is resolved from) and the parsed query. At one data version it resolves to one stored
 * answer, since everything resolving it reads (settings, users, teams) moves the version. Only a request whose
 * viewer was checked at that version is recorded under it (viewerUnchanged), never one resolved from an older
 * state. The visible users are in the key because the access code (store/access) that lists them is not in the
 * fingerprint: a deploy that changes whom a manager sees must not find the alias of the old list. `requestCode`:
 * the fingerprint of the caller's code that turns the query into a report request (a route's parsing and defaults).
 */
export function storedAliasKey(viewer: Viewer, query: unknown, requestCode: string): string {
  const canonical = JSON.stringify([
    METRICS_CODE_FINGERPRINT,
    requestCode,
    viewer.userId,
    viewer.role,
    viewer.visibleUserIds,
    query,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type StoredEncoding = 'br' | 'gzip';

export interface StoredLookup {
  /** The data version the statement saw; null when the version row is missing (nothing is read or kept then). */
  version: string | null;
  /** The kept answer's tag, when the request resolves to an answer that holds now; null otherwise. */
  etag: string | null;
  /** Its bytes in the encoding asked for; null when there is no answer or its tag is one of `known`. */
  bytes: Buffer | null;
}

/**
 * Looks up the kept answer for the viewer's request `aliasKey` at the current data version and instant `now`.
 * `known`: tags whose bytes the caller has (the client's If-None-Match, this process's copy): for those the
 * bytes are not sent, only the tag.
 */
export async function lookUpStoredAnswer(
  db: Db,
  aliasKey: string,
  now: Date,
  encoding: StoredEncoding,
  known: readonly string[],
): Promise<StoredLookup> {
  const at = now.toISOString();
  // Tags are base64url (no comma), so a comma-joined text stands for the list on both stores.
  const r = await sql<{ version: string; etag: string | null; bytes: Uint8Array | null }>`
    select v.version::text as version, r.etag,
      case when r.etag = any(string_to_array(${known.join(',')}, ',')) then null
        when ${encoding} = 'br' then r.report_br else r.report_gzip end as bytes
    from metrics_data_version v
    left join metrics_result_aliases a on a.data_version = v.version and a.alias_key = ${aliasKey}
    left join metrics_results r on r.data_version = a.data_version and r.request_key = a.request_key
      and r.as_of <= ${at}::timestamptz and (r.valid_until is null or r.valid_until > ${at}::timestamptz)`.execute(
    db,
  );
  const row = r.rows[0];
  if (!row) return { version: null, etag: null, bytes: null };
  return { version: row.version, etag: row.etag, bytes: row.bytes === null ? null : asBuffer(row.bytes) };
}
