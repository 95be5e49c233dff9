import { sql } from 'kysely';
import type { Db } from '../../db.ts';
import { FORECAST_MODEL_FINGERPRINT } from './model-fingerprint.ts';

/*
 * The stored live forecast (migration 0018): one report per scope, period and as-of day, keyed by the data version
 * it was computed from (stored-checkpoints.ts explains the version). Nothing is cached in the process, so every
 * server and the CLI share the rows and none serves numbers a write has made stale unless asked to: the newest row
 * of a key whatever its version (readNewestLiveResult) is what a page that accepts a stale answer shows, labelled,
 * while the current one is computed. So a key's row of an older version stays until the key is stored again.
 */

/** Where a stored report sits. */
export interface LiveResultKey {
  /** storedScopeKey(scope): a team's key carries a hash of its members. */
  scopeKey: string;
  periodKey: string;
  /** The workspace's local day of the as-of instant (YYYY-MM-DD). */
  asOfDay: string;
}

/** Rows older than this are removed when new ones are written (the as-of day moves on daily anyway). */
const KEEP_DAYS = 7;

/** Everything besides the data, the scope, the period and the day that decides the report, as one key. */
export function liveOptionsKey(o: {
  seed?: number;
  iterations: number;
  methods?: readonly string[];
  lookbackDays?: number;
  judgementNewPipeline?: boolean;
  probabilities?: string;
  cycleAge?: string;
  withTrackRecord: boolean;
  withDeals?: boolean;
}): string {
  return [
    FORECAST_MODEL_FINGERPRINT,
    // Without a seed, the default one is derived from scope, period and as-of day, all three in the key.
    `seed=${o.seed ?? 'default'}`,
    `iterations=${o.iterations}`,
    `methods=${o.methods ? o.methods.join(',') : 'all'}`,
    `lookback=${o.lookbackDays ?? 'default'}`,
    `callWithNewPipeline=${o.judgementNewPipeline ?? false}`,
    `probabilities=${o.probabilities ?? 'settings'}`,
    `cycleAge=${o.cycleAge ?? 'default'}`,
    `trackRecord=${o.withTrackRecord}`,
    `deals=${o.withDeals ?? true}`,
  ].join(';');
}

/** The stored report (as its JSON value) for `key` at `version`, or null. */
export async function readLiveResult(
  db: Db,
  version: string,
  optionsKey: string,
  key: LiveResultKey,
): Promise<unknown> {
  const r = await sql<{ report: unknown }>`
    select report from forecast_live_results
    where data_version = ${version}::bigint and options_key = ${optionsKey} and scope_key = ${key.scopeKey}
      and period_key = ${key.periodKey} and as_of_day = ${key.asOfDay}::date`.execute(db);
  const report = r.rows[0]?.report;
  if (report === undefined) return null;
  // The json column comes back parsed from PostgreSQL; keep a string parser-independent.
  return typeof report === 'string' ? (JSON.parse(report) as unknown) : report;
}

/**
 * The stored report for the key at `version` if there is one, else the newest one of another data version, with the
 * version it was computed from, or null. A version other than `version` is a stale answer.
 */
export async function readNewestLiveResult(
  db: Db,
  version: string,
  optionsKey: string,
  key: LiveResultKey,
): Promise<{ report: unknown; version: string } | null> {
  const r = await sql<{ report: unknown; data_version: string }>`
    select report, data_version::text as data_version from forecast_live_results
    where options_key = ${optionsKey} and scope_key = ${key.scopeKey} and period_key = ${key.periodKey}
      and as_of_day = ${key.asOfDay}::date
    order by data_version = ${version}::bigint desc, created_at desc, data_version desc
    limit 1`.execute(db);
  const row = r.rows[0];
  if (row === undefined) return null;
  const report = typeof row.report === 'string' ? (JSON.parse(row.report) as unknown) : row.report;
  return { report, version: row.data_version };
}

/**
 * Stores a report computed at `version` (a concurrent writer of the same row wins, the report being the same), and
 * removes the key's rows of older versions (those of other keys stay, as their keys' stale answers, until their key
 * is stored again) and rows older than KEEP_DAYS. A report JSON cannot hold exactly (a non-finite
 * number) is not stored, so it is computed again next time.
 */
export async function writeLiveResult(
  db: Db,
  version: string,
  optionsKey: string,
  key: LiveResultKey,
  report: unknown,
): Promise<void> {
  let exact = true;
  const json = JSON.stringify(report, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) exact = false;
    return v;
  });
  if (exact) {
    await sql`
      insert into forecast_live_results (data_version, options_key, scope_key, period_key, as_of_day, report)
      values (${version}::bigint, ${optionsKey}, ${key.scopeKey}, ${key.periodKey}, ${key.asOfDay}::date,
        ${json}::json)
      on conflict do nothing`.execute(db);
  }
  await sql`
    delete from forecast_live_results
    where (data_version < ${version}::bigint and options_key = ${optionsKey} and scope_key = ${key.scopeKey}
        and period_key = ${key.periodKey} and as_of_day = ${key.asOfDay}::date)
      or created_at < now() - make_interval(days => ${KEEP_DAYS})`.execute(db);
}

/** A background computation's claim expires after this long (its process died): another may take it over. */
const CLAIM_SECONDS = 300;

/** The name of one computation: the key at one data version (equal strings, the same answer). */
export function liveRefreshKey(version: string, optionsKey: string, key: LiveResultKey): string {
  return [version, optionsKey, key.scopeKey, key.periodKey, key.asOfDay].join('|');
}

/**
 * Claims the computation `refreshKey` for a background refresh (migration 0024); false when another request or
 * process holds a claim on it younger than CLAIM_SECONDS. Inside a transaction the claim is seen by others only at
 * commit (a second claimant waits for it there, then finds the answer stored).
 */
export async function claimLiveRefresh(db: Db, refreshKey: string): Promise<boolean> {
  const r = await sql<{ refresh_key: string }>`
    insert into forecast_live_refreshes (refresh_key) values (${refreshKey})
    on conflict (refresh_key) do update set claimed_at = now()
      where forecast_live_refreshes.claimed_at < now() - make_interval(secs => ${CLAIM_SECONDS})
    returning refresh_key`.execute(db);
  return r.rows.length > 0;
}

/** Gives a claim up (and any claim long expired). */
export async function releaseLiveRefresh(db: Db, refreshKey: string): Promise<void> {
  await sql`
    delete from forecast_live_refreshes
    where refresh_key = ${refreshKey} or claimed_at < now() - make_interval(secs => ${CLAIM_SECONDS})`.execute(
    db,
  );
}
