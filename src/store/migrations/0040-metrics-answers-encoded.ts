import { sql, type Kysely } from 'kysely';

/*
 * Stored metrics answers, ready to send (issue 12; docs/performance.md, "Stored metrics answers"). NOT NUMBERED:
 * the lead gives it its number when merging.
 *
 * metrics_results rows (0023) gain the answer's brotli bytes beside its gzip ones, both made once when the answer
 * is kept, and its entity tag (a hash of the JSON text: the same numbers give the same tag at any data version, so
 * a browser's If-None-Match is answered 304 after a write that did not change them). Kept answers are disposable
 * (computed again on the next request), so the rows are emptied rather than back-filled.
 *
 * metrics_result_aliases names, per data version, which kept answer a viewer's request resolves to: the request as
 * the viewer sent it (user, role, the parsed query; alias_key) maps to request_key, the hash of the resolved
 * period and scope that keys metrics_results. Everything the resolution reads (the settings for the period, users
 * and teams for the viewer's access and the team filter's sub-teams) moves the data version, so an alias holds for
 * exactly its version; it lets a repeated request check the version, the viewer's scope and fetch the bytes in one
 * statement instead of reading the settings and teams first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from metrics_results`.execute(db);
  await sql`alter table metrics_results add column report_br bytea not null, add column etag text not null`.execute(
    db,
  );
  await sql`create table metrics_result_aliases (
    data_version bigint not null,
    alias_key text not null,
    request_key text not null,
    created_at timestamptz not null default now(),
    primary key (data_version, alias_key)
  )`.execute(db);
}
