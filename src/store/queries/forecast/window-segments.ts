import { sql, type RawBuilder } from 'kysely';

/**
 * A backtest's checkpoints each read the rows of a table closed in a window [from, at) before them (365 or 730
 * days), and the windows of one request overlap most of their length: joining every window with the table reads
 * each row about as many times as there are checkpoints. The windows' bounds, sorted, cut time into segments; a
 * row falls in exactly one (`width_bucket` over the bounds), and window i is the run of segments [lo, hi). So a
 * query aggregates each row once per segment and then adds the segments of each window: for counts and exact
 * `numeric` sums that gives the same values as aggregating each window's rows directly.
 *
 * Returns the CTEs `c(from_at, at, i)` (the windows, i 1-based), `b(b)` (the sorted bounds, one array) and
 * `cw(i, lo, hi)` (each window's segments), to be followed by `, seg as (...)` reading
 * `width_bucket(<instant>, b.b)` for rows with `<instant> >= b.b[1] and <instant> < b.b[array_length(b.b, 1)]`.
 */
export function windowSegmentsCtes(from: readonly Date[], at: readonly Date[]): RawBuilder<unknown> {
  const iso = (ds: readonly Date[]) => sql.val(ds.map((d) => d.toISOString()));
  return sql`c as (
      select * from unnest(${iso(from)}::timestamptz[], ${iso(at)}::timestamptz[]) with ordinality c(from_at, at, i)
    ), b as (
      select array_agg(x order by x) as b from (select from_at as x from c union select at from c) bounds
    ), cw as (
      select c.i, width_bucket(c.from_at, b.b) as lo, width_bucket(c.at, b.b) as hi from c, b
    )`;
}

/** The start of the `days`-long window that ends at each instant (a checkpoint's look-back). */
export function windowStarts(ats: readonly Date[], days: number): Date[] {
  return ats.map((at) => new Date(at.getTime() - days * 86_400_000));
}

/** work_mem for the segment aggregates (see executeWithWorkMem): their hash tables take about 30 MB at 200 reps. */
export const FORECAST_AGGREGATE_WORK_MEM_MB = 64;
