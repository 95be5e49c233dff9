import type { Scope } from '../../../domain/access/scope.ts';
import type { Grain } from '../../../domain/calendar/period.ts';
import { periodContaining } from '../../../domain/calendar/period.ts';
import type { Db } from '../../db.ts';
import { emptyValue } from './compile-aggregate.ts';
import { compileBatch, compileRollupBatch } from './compile-batch.ts';
import type { SourceBatch } from './plan.ts';
import type { GroupBy } from '../../../domain/metrics/query.ts';
import type { SourceContext } from './source-spec.ts';
import { sourceSpec } from './sources/index.ts';

/** A slice of the report period: a grain bucket clipped to the period, or the whole period (key ''). */
export interface Bucket {
  /** Period key ('2026-07'), or '' when the query has no grain. */
  key: string;
  start: string;
  /** Exclusive. */
  end: string;
}

/** Part values by group id, bucket key and part key; undefined parts are unavailable for the grouping. */
export interface CollectedParts {
  get(groupId: number | null, bucketKey: string, partKey: string): number | null | undefined;
  /** Every group that has at least one fact row. */
  seenGroups: ReadonlySet<number | null>;
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
  fiscalYearStartMonth: number,
): Promise<CollectedParts> {
  const values = new Map<number | null, Map<string, Map<string, number | null>>>();
  const unavailable = new Set<string>();
  const empty = new Map<string, number | null>();
  const seen = new Set<number | null>();
  const whole: Bucket = { key: '', start: buckets[0]!.start, end: buckets[buckets.length - 1]!.end };

  const store = (
    batch: SourceBatch,
    rows: Record<string, unknown>[],
    bucketOf: (row: Record<string, unknown>) => string,
  ) => {
    for (const row of rows) {
      const g = toNumber(row.group_id as number | null);
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
    const bucketing = { grain, fiscalYearStartMonth };
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
              grain ? periodContaining(String(row.bucket), grain, fiscalYearStartMonth).key : '',
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
        const query = compileBatch(spec, batch, ctx, scope, groupBy, { grain: null, fiscalYearStartMonth });
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
      const v = values.get(groupId)?.get(bucketKey)?.get(key);
      return v === undefined ? empty.get(key) : v;
    },
  };
}
