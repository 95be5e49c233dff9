import type { SelectQueryBuilder } from 'kysely';

/** Which slice of a record list to return. */
export interface PageRequest {
  limit: number;
  offset: number;
}

/** One slice of a record list, with the total number of rows the filter matches. */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * Runs the page query (already ordered) and the count over the same filtered query side by side, so lists show
 * "n of total" without a second round trip.
 */
export async function fetchPage<DB, TB extends keyof DB, Row, Filtered, T>(
  ordered: SelectQueryBuilder<DB, TB, Row>,
  filtered: SelectQueryBuilder<DB, TB, Filtered>,
  page: PageRequest,
  toRecord: (row: Row) => T,
): Promise<Page<T>> {
  const [rows, count] = await Promise.all([
    ordered.limit(page.limit).offset(page.offset).execute(),
    // The generic builder cannot infer the selection's type, so name it.
    filtered
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$castTo<{ n: number }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toRecord), total: Number(count.n) };
}

/**
 * Walks every matching row in id order, batch by batch (keyset paging, so exports stay cheap however far they
 * get). `fetchAfter` returns at most `batchSize` rows with an id above the given one, ordered by id.
 */
export async function* iterateById<Row extends { id: number }, T>(
  fetchAfter: (afterId: number) => Promise<Row[]>,
  toRecord: (row: Row) => T,
  batchSize: number,
): AsyncGenerator<T[]> {
  let afterId = 0;
  for (;;) {
    const rows = await fetchAfter(afterId);
    if (rows.length === 0) return;
    yield rows.map(toRecord);
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}
