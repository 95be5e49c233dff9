import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import type { RepProfile } from '../../../domain/coaching/rep-score.ts';
import type { BucketDates } from '../../../domain/coaching/rep-score.ts';
import { scorecardFor, type Scorecard } from '../../../domain/coaching/scorecard.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import {
  periodsBetween,
  type Grain,
  type Period,
  type PeriodCalendar,
} from '../../../domain/calendar/period.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';

/** A rep as coaching needs them: name, team, sales role and ramp. */
export interface CoachedRep extends RepProfile {
  userId: number;
  name: string;
  teamId: number | null;
  salesRole: string | null;
}

/** The reps with these ids (for rows the metrics engine returned). */
export async function coachedReps(db: Db, ids: readonly number[]): Promise<Map<number, CoachedRep>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'team_id', 'sales_role', 'hire_date', 'ramp_months'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        userId: r.id,
        name: r.name,
        teamId: r.team_id,
        salesRole: r.sales_role,
        hireDate: r.hire_date,
        rampMonths: Number(r.ramp_months),
      },
    ]),
  );
}

/** Throws forbidden when the viewer asks for a rep outside what they may see (a rep: anyone but themselves). */
export function checkRepVisible(viewer: Viewer, userId: number | undefined): void {
  if (userId !== undefined && !canSeeOwner(viewer, userId)) {
    throw new AppError('forbidden', 'You may not see this rep', [
      { field: 'userId', value: String(userId), reason: 'outside the reps you may see' },
    ]);
  }
}

/** The scorecard of a rep; throws a plain error if the workspace has none (the migration seeds a default). */
export function cardOf(cards: readonly Scorecard[], rep: CoachedRep | undefined): Scorecard {
  const card = scorecardFor(cards, rep?.salesRole ?? null);
  if (!card) throw new AppError('not_found', 'No default scorecard: an admin must create one');
  return card;
}

/** Every metric any scorecard uses (one metrics engine call covers every rep's card). */
export function cardMetricIds(cards: readonly Scorecard[]): string[] {
  return [...new Set(cards.flatMap((c) => c.metrics.map((m) => m.metricId)))];
}

/** The buckets of a period at a grain, clipped to the period as the metrics engine clips them. */
export function bucketsOf(
  period: Period,
  grain: Grain | null,
  periodCal: PeriodCalendar,
): (BucketDates & { key: string | null })[] {
  if (!grain) return [{ key: null, start: period.start, end: period.end }];
  return periodsBetween(period.start, period.end, grain, periodCal).map((p) => ({
    key: p.key,
    start: p.start < period.start ? period.start : p.start,
    end: p.end > period.end ? period.end : p.end,
  }));
}

/** Inclusive last date of a period (what a MetricQuery's `to` wants). */
export function lastDay(p: Period): string {
  return addDays(p.end, -1);
}
