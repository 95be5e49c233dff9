import { sql } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { Grain, PeriodCalendar } from '../../../domain/calendar/period.ts';
import type { GroupBy } from '../../../domain/metrics/query.ts';
import { assertNever } from '../../../errors.ts';
import { inList } from '../../sql/lists.ts';
import { bucketStart, inRange } from './bucket-sql.ts';
import { compileAggregate } from './compile-aggregate.ts';
import type { PlannedPart, SourceBatch } from './plan.ts';
import {
  defaultTimeColumn,
  type Fragment,
  type RollupSpec,
  type SourceContext,
  type SourceSpec,
  type TimeColumn,
} from './source-spec.ts';

/** What grouping and scoping read: a source's columns or a rollup's. */
type Grouped = Pick<SourceSpec, 'owner' | 'team' | 'filterColumns' | 'dimensions'>;

/**
 * One row of a compiled batch: the group (an id, or a dimension's text value), the bucket's first date (or null),
 * and p0..pN in part order.
 */
export type BatchRow = { group_id: number | string | null; bucket: string | null } & Record<
  string,
  number | string | null
>;

/** The group key expression (and a join it needs), or null when the source (or rollup) has none for the grouping. */
function groupExpr(spec: Grouped, groupBy: GroupBy): { expr: Fragment; join: Fragment | null } | null {
  const plain = (expr: Fragment | null) => (expr ? { expr, join: null } : null);
  switch (groupBy) {
    case 'rep':
      return plain(spec.owner);
    case 'team':
      return plain(spec.team);
    case 'company':
      return plain(sql`null::bigint`);
    case 'lead_source':
    case 'deal_type':
    case 'pipeline':
    case 'product':
    case 'time_category': {
      // `total` parts are read ungrouped by the caller (collect-parts.ts): here they have no expression.
      const how = spec.dimensions?.[groupBy];
      if (how === undefined || how === 'total') return null;
      return 'expr' in how && 'join' in how ? how : plain(how);
    }
    default:
      return assertNever(groupBy, 'group');
  }
}

/** Scope restrictions (access, team, rep, pipeline, type, lead source) as conditions; null = cannot apply. */
function scopeConditions(spec: Grouped, scope: Scope, groupBy: GroupBy): Fragment[] | null {
  const out: Fragment[] = [];
  if (scope.ownerIds !== null) {
    if (!spec.owner) return null;
    out.push(inList(spec.owner, scope.ownerIds));
  }
  if (groupBy === 'rep' && spec.owner) out.push(sql`${spec.owner} is not null`);
  if (scope.teamIds !== null) out.push(inList(spec.team, scope.teamIds));
  const f = spec.filterColumns;
  if (scope.pipelineIds && f.pipeline) out.push(inList(f.pipeline, scope.pipelineIds));
  if (scope.opportunityTypes && f.opportunityType) {
    out.push(inList(f.opportunityType, scope.opportunityTypes));
  }
  if (scope.leadSources && f.leadSource) out.push(inList(f.leadSource, scope.leadSources));
  if (scope.responseBuckets && f.responseBucket) out.push(inList(f.responseBucket, scope.responseBuckets));
  return out;
}

/** How a batch is bucketed: by a time column, grain and the workspace calendar (event sources) or not at all. */
export type Bucketing = { grain: null } | { grain: Grain; calendar: PeriodCalendar };

/**
 * Compiles a batch of parts of one source into a single grouped query over the context's range, or null when the
 * source cannot answer for this grouping (e.g. costs have no rep). Event sources are bucketed by their time column
 * when a grain is given; snapshot sources are read per bucket by the caller.
 */
export function compileBatch(
  spec: SourceSpec,
  batch: SourceBatch,
  ctx: SourceContext,
  scope: Scope,
  groupBy: GroupBy,
  bucketing: Bucketing,
) {
  const group = groupExpr(spec, groupBy);
  const scoped = scopeConditions(spec, scope, groupBy);
  if (!group || !scoped) return null;
  const columns = spec.columns(ctx);
  const where = [...spec.where(ctx), ...scoped];
  let bucket: Fragment = sql`null::date`;
  if (spec.mode === 'event') {
    const name = batch.timeColumn ?? defaultTimeColumn(spec);
    const col = name === undefined ? undefined : spec.timeColumns[name];
    if (!col) throw new Error(`Source ${spec.name} has no time column ${String(name)}`);
    where.push(inRange(col, ctx));
    if (bucketing.grain) bucket = bucketStart(col, ctx.timeZone, bucketing.grain, bucketing.calendar);
  }
  const aggregates = batch.parts.map(
    (p: PlannedPart, i) => sql`${compileAggregate(columns, p.part.aggregate)} as ${sql.id(`p${i}`)}`,
  );
  const whereSql = where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  return sql<BatchRow>`select ${group.expr} as group_id, ${bucket} as bucket, ${sql.join(aggregates)}
    from ${spec.from(ctx)} ${group.join ?? sql``} ${whereSql}
    group by 1, 2`;
}

/** The rollup rows of the range: whole periods by their first date, or the runs the rollup picks itself. */
function rollupRange(
  rollup: RollupSpec,
  ctx: SourceContext,
  bucketing: Bucketing,
  day: TimeColumn,
): Fragment[] {
  if (!rollup.runs) return [inRange(day, ctx)];
  const range = { from: ctx.from, toExclusive: ctx.toExclusive, grain: bucketing.grain };
  const runs = rollup.runs(bucketing.grain ? { ...range, calendar: bucketing.calendar } : range);
  if (!runs) throw new Error(`Rollup ${rollup.name} cannot answer ${ctx.from}..${ctx.toExclusive}`);
  return runs;
}

/**
 * Compiles a batch that a rollup answers (see choose-rollup.ts): the same grouped query shape as compileBatch, over
 * the rollup's rows in the range (whole periods of the rollup), bucketed by the first date of each row's period.
 */
export function compileRollupBatch(
  rollup: RollupSpec,
  batch: SourceBatch,
  ctx: SourceContext,
  scope: Scope,
  groupBy: GroupBy,
  bucketing: Bucketing,
) {
  const group = groupExpr(rollup, groupBy);
  const scoped = scopeConditions(rollup, scope, groupBy);
  if (!group || !scoped) return null;
  const day = { expr: rollup.periodStart, type: 'date' as const };
  const where = [...rollupRange(rollup, ctx, bucketing, day), ...scoped];
  const bucket = bucketing.grain
    ? bucketStart(day, ctx.timeZone, bucketing.grain, bucketing.calendar)
    : sql`null::date`;
  const aggregates = batch.parts.map((p: PlannedPart, i) => {
    const agg = rollup.aggregate(p.part.aggregate);
    if (!agg) throw new Error(`Rollup ${rollup.name} cannot answer ${p.key}`);
    return sql`${agg} as ${sql.id(`p${i}`)}`;
  });
  return sql<BatchRow>`select ${group.expr} as group_id, ${bucket} as bucket, ${sql.join(aggregates)}
    from ${rollup.from(ctx)} ${group.join ?? sql``} where ${sql.join(where, sql` and `)}
    group by 1, 2`;
}
