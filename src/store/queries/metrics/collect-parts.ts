import type { Scope } from '../../../domain/access/scope.ts';
import type { Grain, PeriodCalendar } from '../../../domain/calendar/period.ts';
import { periodContaining } from '../../../domain/calendar/period.ts';
import type { Db } from '../../db.ts';
import { emptyValue } from './compile-aggregate.ts';
import { compileBatch, compileRollupBatch, type Bucketing } from './compile-batch.ts';
import type { SourceBatch } from './plan.ts';
import { isDimension, type GroupBy } from '../../../domain/metrics/query.ts';
import type { SourceContext } from './source-spec.ts';
import { sourceSpec } from './sources/index.ts';

/** A group's key: a rep, team or pipeline id, a dimension's text value, or null (company, "No team", not recorded). */
export type GroupKey = number | string | null;

/** Dimensions whose values are text; every other grouping is by a numeric id. */
const textKeyed = (groupBy: GroupBy) => isDimension(groupBy) && groupBy !== 'pipeline';

/** A slice of the report period: a grain bucket clipped to the period, or the whole period (key ''). */
export interface Bucket {
  /** Period key ('2026-07'), or '' when the query has no grain. */
  key: string;
  start: string;
  /** Exclusive. */
  end: string;
}

/** Part values by group key, bucket key and part key; undefined parts are unavailable for the grouping. */
export interface CollectedParts {
  get(groupId: GroupKey, bucketKey: string, partKey: string): number | null | undefined;
  /** Every group that has at least one fact row (`total` parts, read ungrouped, add none). */
  seenGroups: ReadonlySet<GroupKey>;
}

/** Context values that differ per bucket. */
export type BucketContext = (bucket: Bucket) => Pick<SourceContext, 'businessMinutes' | 'quotaGoals'>;

const toNumber = (v: number | string | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

/**
 * Runs each batch as one grouped SQL query (event sources: once for the whole period, bucketed in SQL; snapshot
 * sources: once per bucket) and indexes the results. Only aggregates travel back, never fact rows.
 */
export async function collectParts(
  db: Db,
  batches: readonly SourceBatch[],
  scope: Scope,
  groupBy: GroupBy,
  buckets: readonly Bucket[],
  base: Omit<SourceContext, 'from' | 'toExclusive' | 'businessMinutes' | 'quotaGoals'>,
  perBucket: BucketContext,
  grain: Grain | null,
  calendar: PeriodCalendar,
): Promise<CollectedParts> {
  const values = new Map<GroupKey, Map<string, Map<string, number | null>>>();
  // Parts of sources whose whole value stands for every group of the dimension (SourceDimensions `total`).
  const totals = new Map<string, Map<string, number | null>>();
  const unavailable = new Set<string>();
  const empty = new Map<string, number | null>();
  const seen = new Set<GroupKey>();
  const keyOf = (v: unknown): GroupKey =>
    v === null || v === undefined ? null : textKeyed(groupBy) ? String(v) : Number(v);
  const whole: Bucket = { key: '', start: buckets[0]!.start, end: buckets[buckets.length - 1]!.end };

  const store = (
    batch: SourceBatch,
    rows: Record<string, unknown>[],
    bucketOf: (row: Record<string, unknown>) => string,
  ) => {
    for (const row of rows) {
      const g = keyOf(row.group_id);
      seen.add(g);
      let byBucket = values.get(g);
      if (!byBucket) values.set(g, (byBucket = new Map()));
      const b = bucketOf(row);
      let parts = byBucket.get(b);
      if (!parts) byBucket.set(b, (parts = new Map()));
      batch.parts.forEach((p, i) => parts.set(p.key, toNumber(row[`p${i}`] as number | string | null)));
    }
  };

  // Queries are independent: on PostgreSQL they run in parallel on the pool (PGlite serialises them anyway).
  const tasks: Promise<void>[] = [];
  for (const batch of batches) {
    for (const p of batch.parts) empty.set(p.key, emptyValue(p.part.aggregate));
    const spec = sourceSpec(batch.source);
    const bucketing: Bucketing = grain ? { grain, calendar } : { grain: null };
    if (isDimension(groupBy) && spec.dimensions?.[groupBy] === 'total') {
      tasks.push(...collectTotals(db, batch, scope, buckets, base, perBucket, totals));
      continue;
    }
    if (spec.mode === 'event') {
      const ctx: SourceContext = { ...base, from: whole.start, toExclusive: whole.end, ...perBucket(whole) };
      const query = batch.rollup
        ? compileRollupBatch(batch.rollup, batch, ctx, scope, groupBy, bucketing)
        : compileBatch(spec, batch, ctx, scope, groupBy, bucketing);
      if (!query) {
        for (const p of batch.parts) unavailable.add(p.key);
        continue;
      }
      tasks.push(
        query
          .execute(db)
          .then((r) =>
            store(batch, r.rows, (row) =>
              grain ? periodContaining(String(row.bucket), grain, calendar).key : '',
            ),
          ),
      );
    } else {
      for (const bucket of buckets) {
        const ctx: SourceContext = {
          ...base,
          from: bucket.start,
          toExclusive: bucket.end,
          ...perBucket(bucket),
        };
        const query = compileBatch(spec, batch, ctx, scope, groupBy, { grain: null });
        if (!query) {
          for (const p of batch.parts) unavailable.add(p.key);
          break;
        }
        tasks.push(query.execute(db).then((r) => store(batch, r.rows, () => bucket.key)));
      }
    }
  }
  await Promise.all(tasks);

  return {
    seenGroups: seen,
    get(groupId, bucketKey, key) {
      if (unavailable.has(key)) return undefined;
      const total = totals.get(bucketKey)?.get(key);
      if (total !== undefined) return total;
      const v = values.get(groupId)?.get(bucketKey)?.get(key);
      return v === undefined ? empty.get(key) : v;
    },
  };
}

/**
 * Reads a snapshot batch whose source has no split by the dimension but whose whole value is every group's
 * denominator: once per bucket for the company, in the same scope (so a rep's share divides by their own time).
 */
function collectTotals(
  db: Db,
  batch: SourceBatch,
  scope: Scope,
  buckets: readonly Bucket[],
  base: Omit<SourceContext, 'from' | 'toExclusive' | 'businessMinutes' | 'quotaGoals'>,
  perBucket: BucketContext,
  totals: Map<string, Map<string, number | null>>,
): Promise<void>[] {
  const spec = sourceSpec(batch.source);
  if (spec.mode !== 'snapshot') throw new Error(`Source ${spec.name}: only snapshot sources may be totals`);
  return buckets.map(async (bucket) => {
    const ctx: SourceContext = { ...base, from: bucket.start, toExclusive: bucket.end, ...perBucket(bucket) };
    const query = compileBatch(spec, batch, ctx, scope, 'company', { grain: null });
    if (!query) throw new Error(`Source ${spec.name} cannot be read for the company`);
    const r = await query.execute(db);
    const row = r.rows[0];
    let parts = totals.get(bucket.key);
    if (!parts) totals.set(bucket.key, (parts = new Map()));
    for (const [i, p] of batch.parts.entries()) {
      parts.set(p.key, row ? toNumber(row[`p${i}`] as number | string | null) : emptyValue(p.part.aggregate));
    }
  });
}
