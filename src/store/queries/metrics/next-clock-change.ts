import { sql } from 'kysely';
import { periodsBetween, type Period, type PeriodCalendar } from '../../../domain/calendar/period.ts';
import { localDateToInstant } from '../../../domain/calendar/zoned.ts';
import type { MetricDefinition, MetricSource } from '../../../domain/metrics/definition.ts';
import { assertNever } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { nextRateChange } from '../money/currencies-without-rate.ts';

/** What the engine reads of the clock for a request: its zone, calendar and the instant it takes as now. */
export interface ClockContext {
  timeZone: string;
  calendar: PeriodCalendar;
  now: Date;
  grain: Period['grain'] | null;
}

/** Local-midnight instants of every bucket boundary of the periods, after `now`. */
function boundariesAfter(periods: readonly Period[], c: ClockContext): Date[] {
  const out: Date[] = [];
  for (const p of periods) {
    const ends = [p.end];
    if (c.grain && c.grain !== 'custom')
      for (const b of periodsBetween(p.start, p.end, c.grain, c.calendar)) ends.push(b.end);
    for (const d of ends) {
      const at = localDateToInstant(d, c.timeZone);
      if (at > c.now) out.push(at);
    }
  }
  return out;
}

async function firstInstant(q: Promise<{ rows: { at: Date | string | null }[] }>): Promise<Date[]> {
  const at = (await q).rows[0]?.at;
  return at === null || at === undefined ? [] : [new Date(at)];
}

/**
 * The first instant after `c.now` at which the clock alone (no write) could change the answer of `defs` over
 * `periods`, or null when nothing the engine computes reads the clock. A stored answer is served until then:
 * - leads: a lead without a response is decided once its SLA deadline passes (sources/leads.ts sla_decided);
 * - the pipeline open at a bucket's end is today's until that end, then rebuilt from history (pipeline-at-date.ts);
 * - forecast snapshots count once their quarter has ended (sources/forecast-snapshots.ts);
 * - open deals convert by today's exchange rate: the next stored rate's first day (money/currencies-without-rate.ts);
 * - working time loads the calendar years around the current one (run-metrics.ts): the next new year, to be safe.
 * Every other source reads only stored rows and the request's dates.
 */
export async function nextClockChange(
  db: Db,
  defs: readonly MetricDefinition[],
  periods: readonly Period[],
  c: ClockContext,
): Promise<Date | null> {
  const sources = new Set<MetricSource>(defs.flatMap((d) => Object.values(d.parts).map((p) => p.source)));
  const now = c.now.toISOString();
  const candidates: Date[] = [];
  for (const source of sources) {
    switch (source) {
      case 'leads':
        candidates.push(
          ...(await firstInstant(
            sql<{ at: Date | null }>`select min(sla_deadline_at) as at from leads
              where first_response_at is null and sla_deadline_at > ${now}::timestamptz`.execute(db),
          )),
        );
        break;
      case 'opportunities_open_at_end':
        candidates.push(...boundariesAfter(periods, c));
        candidates.push(...[await nextRateChange(db, c.timeZone, c.now)].filter((d) => d !== null));
        break;
      case 'opportunities_created':
      case 'customers':
      case 'customer_subscriptions':
        // Open deals, and the MRR of a period still running, convert by today's exchange rate.
        candidates.push(...[await nextRateChange(db, c.timeZone, c.now)].filter((d) => d !== null));
        break;
      case 'forecast_snapshots':
        candidates.push(
          ...(await firstInstant(
            sql<{ at: Date | null }>`select min(e) as at from (
                select (period_end::timestamp at time zone ${c.timeZone}) as e from forecast_snapshots) s
              where e > ${now}::timestamptz`.execute(db),
          )),
        );
        break;
      case 'working_time':
        candidates.push(new Date(Date.UTC(c.now.getUTCFullYear() + 1, 0, 1)));
        break;
      case 'activities':
      case 'opportunities_closed':
      case 'goals':
      case 'costs':
      case 'stage_history':
      case 'lead_assignments':
      case 'reps':
      case 'commission_statements':
        break;
      default:
        assertNever(source);
    }
  }
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}
