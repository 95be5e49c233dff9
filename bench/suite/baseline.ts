/**
 * The hand-written baseline: bench/baseline/*.sql answer the quarter dashboard (every registry metric by rep) from
 * the raw tables, written from docs/metrics.md and not from the engine. Each file returns (rep_id, metric, value)
 * rows; `:name` placeholders become positional parameters, so the same text runs on PGlite and PostgreSQL.
 *
 * Raw tables only: no rollup (activity_day_counts, opportunity_stage_spans, ...). Stored columns that docs/metrics.md
 * defines a metric by are read as columns (activities.is_new_prospect, leads.response_business_minutes and
 * sla_deadline_at: the derived-column refresh writes them with the rows, and the docs count "flagged touches" and
 * "the stored deadline"); everything a metric's definition spells out (touches, the first held meeting, effective
 * time categories, integrity signals, a deal's follow-ups) is derived in the SQL from the activity rows.
 *
 * Each file lists the same people, the `reps` CTE at its top: active reps, reps employed at some point of the
 * period, and anyone with a locked or paid commission statement of it (a manager on a roll-up plan), as the engine
 * lists every active rep plus whoever has facts of the queried metrics (docs/metrics.md, "Grouping"). A store where
 * someone else has facts (a rep who left before the period still owning deals closed in it) would show as
 * "no such rep" mismatches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompiledQuery } from 'kysely';
import { addDays, daysBetween, isoWeekday } from '../../src/domain/calendar/local-date.ts';
import { localDateToInstant } from '../../src/domain/calendar/zoned.ts';
import type { Db } from '../../src/store/db.ts';
import { resolveHolidays } from '../../src/store/tables/calendar.ts';
import { getSettings } from '../../src/store/tables/settings.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'baseline');

/** The baseline files, read once: name and SQL text. */
export const BASELINE_FILES: { name: string; text: string }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8') }));

/** Replaces `:name` (not `::type`) with `$n`, numbering each distinct name once. */
export function toPositional(text: string, params: Record<string, unknown>): CompiledQuery {
  const order: string[] = [];
  const body = text
    .split('\n')
    .map((line) => line.replace(/--.*$/, '')) // comments may mention parameters
    .join('\n')
    .replace(/(?<!:):([a-z_]+)/g, (_, name: string) => {
      if (!(name in params)) throw new Error(`baseline parameter :${name} is not supplied`);
      let i = order.indexOf(name);
      if (i < 0) i = order.push(name) - 1;
      return `$${i + 1}`;
    });
  return CompiledQuery.raw(
    body,
    order.map((n) => params[n]),
  );
}

/** The parameters of one period: its instants, dates, zone, currency and working minutes of one rep. */
export async function baselineParams(
  db: Db,
  from: string,
  to: string,
  now: Date,
): Promise<Record<string, unknown>> {
  const s = await getSettings(db);
  const years = [Number(from.slice(0, 4)), Number(to.slice(0, 4))] as const;
  const holidays = new Set((await resolveHolidays(db, years[0], years[1])).map((h) => h.date));
  // Business minutes: working weekdays that are not holidays, times the length of the working day (the
  // working window never spans a DST change at these hours, so each day is the same length).
  let days = 0;
  for (let d = from; d <= to; d = addDays(d, 1))
    if (s.workingDays.includes(isoWeekday(d)) && !holidays.has(d)) days += 1;
  const end = addDays(to, 1);
  return {
    from_ts: localDateToInstant(from, s.timeZone),
    to_ts: localDateToInstant(end, s.timeZone),
    from_date: from,
    to_date: to,
    zone: s.timeZone,
    currency: s.currency,
    now,
    working_minutes: days * (s.workEndMinute - s.workStartMinute),
    months: daysBetween(from, end) / 30.4375,
  };
}

/** Runs every baseline file (in parallel: PostgreSQL spreads them over the pool, PGlite queues them). */
export async function runBaseline(
  db: Db,
  params: Record<string, unknown>,
): Promise<Map<string, number | null>> {
  const results = await Promise.all(
    BASELINE_FILES.map(async (f) => {
      try {
        return (
          await db.executeQuery<{ rep_id: number | string; metric: string; value: number | null }>(
            toPositional(f.text, params),
          )
        ).rows;
      } catch (e) {
        throw new Error(`bench/baseline/${f.name}: ${(e as Error).message}`);
      }
    }),
  );
  const out = new Map<string, number | null>();
  for (const rows of results)
    for (const r of rows)
      out.set(`${Number(r.rep_id)}:${r.metric}`, r.value === null ? null : Number(r.value));
  return out;
}
