import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** A SQL expression, or a column name (quoted as an identifier, `table.column` allowed). */
export type Operand = RawBuilder<unknown> | string;

/**
 * `operand in (v1, v2, ...)` with every value a bound parameter. An empty list matches nothing and reads `false`:
 * `x in ()` is not SQL, and `x in (null)` would be null rather than false under `not`. Callers decide what "no
 * restriction" means (usually by not calling this at all).
 */
export function inList(operand: Operand, values: readonly (string | number)[]): RawBuilder<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`false`;
  const left = typeof operand === 'string' ? sql.ref(operand) : operand;
  return sql<SqlBool>`${left} in (${sql.join(values.map((v) => sql`${v}`))})`;
}

/**
 * A bigint[] parameter sent as one array literal (`col = any(${idArray(ids)})`): one bind parameter however many
 * ids, on both stores, for lists that may run into the thousands (derived-column refreshes).
 */
export function idArray(ids: readonly number[]): RawBuilder<unknown> {
  return sql`${`{${ids.join(',')}}`}::bigint[]`;
}
