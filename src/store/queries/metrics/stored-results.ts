import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { Period } from '../../../domain/calendar/period.ts';
import { codeFingerprint } from '../../code-fingerprint.ts';
import type { Db } from '../../db.ts';

/*
 * Stored metrics answers (migration 0023): a whole report per canonical request and resolved scope, keyed by the
 * metrics data version it was computed from, with its gzip and brotli bytes and its entity tag, made once. The rows
 * are the answers: every server and the CLI share them, and none serves numbers a write has made stale (a process
 * keeps at most copies of their bytes by tag, answer-bytes-cache.ts, used only after the row was checked). docs/performance.md, "Stored metrics answers".
 */

/**
 * The code that decides a report's numbers: the metric definitions, calendar, scope rules, money conversion and
 * this engine. Every module report-metrics.ts imports must be under one of these (test/metrics/
 * stored-answers-code-key.test.ts): a kept answer outlives a deploy while the data version stands.
 */
export const METRICS_CODE_SOURCES: readonly string[] = [
  '../../../domain/metrics',
  '../../../domain/calendar',
  '../../../domain/access',
  '../../../domain/money',
  '../../../domain/integrity',
  '.',
  '../money',
  '../pipeline-at-date.ts',
  '../../sql/lists.ts',
  '../../tables/calendar.ts',
  '../../tables/settings.ts',
];
export const METRICS_CODE_FINGERPRINT = codeFingerprint(import.meta.url, METRICS_CODE_SOURCES);

/** Rows of other data versions go when a new one is written; besides, at most this many are kept... */
const MAX_ROWS = 500;
/** ...none older than this... */
const KEEP_HOURS = 24;
/** ...and none larger than this, gzipped (a report of thousands of groups by day is cheaper to compute than to keep). */
const MAX_BYTES = 1024 * 1024;
/** Aliases (viewers' requests naming a kept answer): several viewers of one scope share an answer. */
const MAX_ALIASES = 4 * MAX_ROWS;

/**
 * The data version a snapshot of `db` sees; it changes with every write a metric could read. Null when the version
 * row is missing (its table was emptied and nothing was written since): nothing is stored or read then.
 */
export async function metricsDataVersion(db: Db): Promise<string | null> {
  const r = await sql<{ version: string }>`select version::text as version from metrics_data_version`.execute(
    db,
  );
  return r.rows[0]?.version ?? null;
}

/** What decides a report besides the data and the clock. */
export interface StoredRequest {
  metricIds: readonly string[];
  period: Period;
  groupBy: string;
  grain: string | null;
  comparePrevious: boolean;
  forecastMethod: string | null;
  forecastCheckpoint: string | null;
  /** The scope the viewer's access and the filters resolved to: the owners, teams and filters the engine reads. */
  scope: Scope;
}

/** The storage key of a request: a hash of the code's fingerprint and the canonical request with its scope. */
export function storedRequestKey(r: StoredRequest): string {
  const canonical = JSON.stringify([
    METRICS_CODE_FINGERPRINT,
    r.metricIds,
    [r.period.key, r.period.grain, r.period.start, r.period.end],
    r.groupBy,
    r.grain,
    r.comparePrevious,
    r.forecastMethod,
    r.forecastCheckpoint,
    r.scope.subject,
    r.scope.ownerIds,
    r.scope.teamIds,
    r.scope.pipelineIds,
    r.scope.opportunityTypes,
    r.scope.leadSources,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** A kept answer as read: its tag and both compressions of its JSON text. */
export interface StoredAnswer {
  etag: string;
  gzip: Buffer;
  br: Buffer;
}

/** The stored report for `key` at `version` that holds at instant `now`, or null. */
export async function readStoredReport(
  db: Db,
  version: string,
  key: string,
  now: Date,
): Promise<StoredAnswer | null> {
  const at = now.toISOString();
  const r = await sql<{ etag: string; gzip: Uint8Array; br: Uint8Array }>`
    select etag, report_gzip as gzip, report_br as br from metrics_results
    where data_version = ${version}::bigint and request_key = ${key} and as_of <= ${at}::timestamptz
      and (valid_until is null or valid_until > ${at}::timestamptz)`.execute(db);
  const row = r.rows[0];
  return row ? { etag: row.etag, gzip: asBuffer(row.gzip), br: asBuffer(row.br) } : null;
}

/** PGlite returns a Uint8Array, node-postgres a Buffer: the same bytes either way, not copied. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Stores a report computed at `version` for the instant `asOf`, served until `validUntil` (null: until a write),
 * and, with `aliasKey`, the viewer's request that resolved to it (stored-answer-lookup.ts). A concurrent writer of
 * the same row wins, its report being the same. Rows and aliases of other versions, old rows and the oldest beyond
 * MAX_ROWS are removed. A report over MAX_BYTES gzipped is not stored.
 */
export async function writeStoredReport(
  db: Db,
  version: string,
  key: string,
  asOf: Date,
  validUntil: Date | null,
  answer: StoredAnswer,
  aliasKey: string | null,
): Promise<void> {
  if (answer.gzip.length <= MAX_BYTES) {
    await sql`
      insert into metrics_results (data_version, request_key, as_of, valid_until, report_gzip, report_br, etag)
      values (${version}::bigint, ${key}, ${asOf.toISOString()}::timestamptz,
        ${validUntil ? validUntil.toISOString() : null}::timestamptz, ${answer.gzip}, ${answer.br}, ${answer.etag})
      on conflict do nothing`.execute(db);
    if (aliasKey !== null) await writeStoredAlias(db, version, aliasKey, key);
  }
  await sql`
    delete from metrics_results
    where data_version <> ${version}::bigint or created_at < now() - make_interval(hours => ${KEEP_HOURS})
      or (data_version, request_key) in (select data_version, request_key from metrics_results
        order by created_at desc offset ${MAX_ROWS})`.execute(db);
  await sql`
    delete from metrics_result_aliases
    where data_version <> ${version}::bigint or created_at < now() - make_interval(hours => ${KEEP_HOURS})
      or (data_version, alias_key) in (select data_version, alias_key from metrics_result_aliases
        order by created_at desc offset ${MAX_ALIASES})`.execute(db);
}

/**
 * Records that the viewer's request `aliasKey` resolves, at `version`, to the kept answer `key` (also for an answer
 * kept for another viewer of the same scope, or by the CLI, found by its request key). Only while `version` is
 * still the current one: the viewer was checked after the version was read, so a version unchanged since means
 * the check saw the state of that version (versions only grow).
 */
export async function writeStoredAlias(
  db: Db,
  version: string,
  aliasKey: string,
  key: string,
): Promise<void> {
  await sql`
    insert into metrics_result_aliases (data_version, alias_key, request_key)
    select ${version}::bigint, ${aliasKey}, ${key}
    where exists (select 1 from metrics_data_version where version = ${version}::bigint)
    on conflict do nothing`.execute(db);
}
