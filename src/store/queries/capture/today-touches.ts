import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { instantToLocal, localDateToInstant } from '../../../domain/calendar/zoned.ts';
import type { ActivityType } from '../../schema.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { goalPacing, type GoalPacing } from '../goals/goal-pacing.ts';
import { runMetrics } from '../metrics/run-metrics.ts';

/**
 * The metrics the Today view shows, in display order. Every number is the metrics engine's: touches by type,
 * all touches, and new prospects vs follow-ups (the same definitions goals and leaderboards read).
 */
export const TODAY_METRICS = [
  'calls',
  'emails',
  'linkedin_touches',
  'meetings',
  'activities',
  'new_prospects',
  'follow_ups',
] as const;

/** A next step due today: an activity of the user with outcome 'scheduled' on today's local date. */
export interface ScheduledStep {
  id: number;
  type: ActivityType;
  occurredAt: Date;
  contactId: number | null;
  contactName: string | null;
  note: string | null;
}

export interface TodayReport {
  /** The workspace-local date the report covers. */
  date: string;
  timeZone: string;
  /** Metric id -> count over today, for the user alone. */
  values: Record<(typeof TODAY_METRICS)[number], number>;
  /** The user's personal day-grain goals (micro-goals) with today's pacing. */
  goals: GoalPacing[];
  scheduled: ScheduledStep[];
}

/**
 * One user's day: their touches today (workspace time zone, local day) counted by the metrics engine, their
 * personal day-grain goals paced by goalPacing (which reads the same engine), and their next steps due today.
 * Runs as `viewer` (the user themself), so the counts pass the same access rule as any metric request.
 */
export async function todayReport(
  db: Db,
  viewer: Viewer,
  userId: number,
  now: Date = new Date(),
): Promise<TodayReport> {
  const settings = await getSettings(db);
  const date = instantToLocal(now, settings.timeZone).date;
  const [rows, paced, steps] = await Promise.all([
    runMetrics(
      db,
      viewer,
      { metricIds: [...TODAY_METRICS], from: date, to: date, groupBy: 'rep', filters: { userIds: [userId] } },
      { now },
    ),
    goalPacing(db, viewer, { now, forUserId: userId }),
    db
      .selectFrom('activities as a')
      .leftJoin('contacts as c', 'c.id', 'a.contact_id')
      .select(['a.id', 'a.type', 'a.occurred_at', 'a.contact_id', 'c.name as contact_name', 'a.note'])
      .where('a.user_id', '=', userId)
      .where('a.outcome', '=', 'scheduled')
      .where('a.occurred_at', '>=', localDateToInstant(date, settings.timeZone))
      .where('a.occurred_at', '<', localDateToInstant(addDays(date, 1), settings.timeZone))
      .orderBy('a.occurred_at')
      .orderBy('a.id')
      .limit(200)
      .execute(),
  ]);
  const row = rows.find((r) => r.groupId === userId);
  // All counts: no row (nothing in scope today) reads as zero, as the engine's own empty groups do.
  const values = Object.fromEntries(
    TODAY_METRICS.map((id) => [id, row?.values[id]?.value ?? 0]),
  ) as TodayReport['values'];
  return {
    date,
    timeZone: settings.timeZone,
    values,
    goals: paced.filter(
      (g) => g.goal.grain === 'day' && g.goal.scopeType === 'user' && g.goal.scopeId === userId,
    ),
    scheduled: steps.map((s) => ({
      id: Number(s.id),
      type: s.type,
      occurredAt: new Date(s.occurred_at),
      contactId: s.contact_id === null ? null : Number(s.contact_id),
      contactName: s.contact_name,
      note: s.note,
    })),
  };
}
