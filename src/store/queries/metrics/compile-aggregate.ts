import { sql } from 'kysely';
import type { Aggregate, Condition } from '../../../domain/metrics/definition.ts';
import { assertNever } from '../../../errors.ts';
import type { Fragment } from './source-spec.ts';

/** Public column name -> SQL expression of one source. */
export type ColumnMap = Readonly<Record<string, Fragment>>;

function column(columns: ColumnMap, name: string): Fragment {
  const c = columns[name];
  // Definitions are checked against the sources by a test; reaching this is a programming error.
  if (!c) throw new Error(`Unknown column '${name}' for this metric source`);
  return c;
}

/** One condition as a SQL boolean expression with bound values. */
export function compileCondition(columns: ColumnMap, cond: Condition): Fragment {
  const c = column(columns, cond.column);
  switch (cond.op) {
    case 'eq':
      return sql`${c} = ${cond.value}`;
    case 'in':
      return sql`${c} in (${sql.join(cond.values.map((v) => sql`${v}`))})`;
    case 'not_in':
      // A missing value is "not in" any list.
      return sql`coalesce(${c}::text, '') not in (${sql.join(cond.values.map((v) => sql`${v}`))})`;
    case 'not_null':
      return sql`${c} is not null`;
    case 'is_true':
      return sql`${c} is true`;
    case 'is_false':
      return sql`${c} is false`;
    default:
      return assertNever(cond, 'condition');
  }
}

function filterClause(columns: ColumnMap, where: readonly Condition[] | undefined): Fragment {
  if (!where || where.length === 0) return sql``;
  return sql` filter (where ${sql.join(
    where.map((w) => compileCondition(columns, w)),
    sql` and `,
  )})`;
}

/**
 * The FILTER clause of `where` over `columns`, or null when a condition names a column the map lacks (a rollup
 * that cannot see that column cannot answer the part).
 */
export function filterClauseIfKnown(
  columns: ColumnMap,
  where: readonly Condition[] | undefined,
): Fragment | null {
  if (where?.some((w) => !columns[w.column])) return null;
  return filterClause(columns, where);
}

/** One aggregate as SQL; counts and sums of no rows are 0, means and percentiles of no rows are null. */
export function compileAggregate(columns: ColumnMap, agg: Aggregate): Fragment {
  const f = filterClause(columns, agg.where);
  switch (agg.fn) {
    case 'count':
      return sql`count(*)${f}`;
    case 'count_distinct':
      return sql`count(distinct ${column(columns, agg.column)})${f}`;
    case 'sum':
      return sql`coalesce(sum(${column(columns, agg.column)})${f}, 0)`;
    case 'mean':
      return sql`avg(${column(columns, agg.column)})${f}`;
    case 'percentile':
      return sql`percentile_cont(${sql.lit(agg.fraction)}) within group (order by ${column(columns, agg.column)})${f}`;
    default:
      return assertNever(agg, 'aggregate');
  }
}

/** The value a group gets from an aggregate when it has no rows at all. */
export function emptyValue(agg: Aggregate): number | null {
  switch (agg.fn) {
    case 'count':
    case 'count_distinct':
    case 'sum':
      return 0;
    case 'mean':
    case 'percentile':
      return null;
    default:
      return assertNever(agg, 'aggregate');
  }
}
