import { sql } from 'kysely';
import {
  CRITERION_KEYS_FIXED,
  firstYearLastDay,
  onFivePointScale,
  scoreBand,
  scoreCandidate,
  spearman,
  type Correlation,
  type ScoreBand,
} from '../../../domain/coaching/hiring.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays, daysBetween, fromDayNumber } from '../../../domain/calendar/local-date.ts';
import { localDayNumber } from '../../../domain/calendar/zoned.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { runMetrics } from '../metrics/run-metrics.ts';
import { hiringReach, openingInReach } from './access.ts';

/** A hire needs this many days of their first year behind them before their results count. */
export const MIN_OBSERVED_DAYS = 90;

export interface HireScorecard {
  userId: number;
  name: string;
  candidateId: number;
  openingId: number;
  openingName: string;
  hireDate: string;
  rampMonths: number;
  /** First day no longer employed, or null. */
  leftOn: string | null;
  /** Weighted score and per-criterion-key scores, on the 1..5 scale. */
  total: number | null;
  band: ScoreBand | null;
  scores: Record<string, number | null>;
}

export interface HireResult extends HireScorecard {
  /** The first year as far as it has passed (hire_date to the earlier of a year later and today, or leaving). */
  firstYearFrom: string;
  firstYearTo: string;
  daysObserved: number;
  fullYear: boolean;
  /** quota_attainment and won_revenue from the metrics engine over the first year. */
  quotaAttainment: number | null;
  wonRevenue: number | null;
  counted: boolean;
}

export interface Predictor extends Correlation {
  key: string;
}

export interface PredictorsReport {
  asOf: string;
  minObservedDays: number;
  hires: HireResult[];
  predictors: Predictor[];
}

/**
 * The scorecards of hired candidates linked to their users (openings within the viewer's reach and users the
 * viewer may see). Criterion scores are keyed by kind (role_fit, past_achievement, acumen, culture_fit) or
 * `custom:<name>` and mapped to the 1..5 scale; an opening with two criteria of one kind averages them.
 */
export async function hireScorecards(db: Db, viewer: Viewer): Promise<HireScorecard[]> {
  const reach = await hiringReach(db, viewer);
  const rows = await sql<{
    candidate_id: number;
    opening_id: number;
    opening_name: string;
    scale_min: number;
    scale_max: number;
    user_id: number;
    name: string;
    hire_date: string | null;
    ramp_months: number;
    left_on: string | null;
  }>`select c.id as candidate_id, o.id as opening_id, o.name as opening_name, o.scale_min, o.scale_max,
      u.id as user_id, u.name, u.hire_date, u.ramp_months, u.left_on
    from hiring_candidates c join hiring_openings o on o.id = c.opening_id join users u on u.id = c.hired_user_id
    where ${openingInReach(reach)} order by u.name, u.id`.execute(db);
  const visible = rows.rows.filter(
    (r) =>
      r.hire_date !== null &&
      (viewer.visibleUserIds === null || viewer.visibleUserIds.includes(Number(r.user_id))),
  );
  if (visible.length === 0) return [];
  const candidateIds = visible.map((r) => Number(r.candidate_id));
  const openingIds = [...new Set(visible.map((r) => Number(r.opening_id)))];
  const criteria = await db
    .selectFrom('hiring_criteria')
    .selectAll()
    .where('opening_id', 'in', openingIds)
    .execute();
  const scores = await db
    .selectFrom('hiring_scores')
    .select(['candidate_id', 'criterion_id', 'interviewer_id', 'score'])
    .where('candidate_id', 'in', candidateIds)
    .execute();
  return visible.map((r) => {
    const scale = { min: r.scale_min, max: r.scale_max };
    const own = criteria.filter((c) => Number(c.opening_id) === Number(r.opening_id));
    const card = scoreCandidate(
      own.map((c) => ({ id: Number(c.id), weight: c.weight })),
      scores
        .filter((s) => Number(s.candidate_id) === Number(r.candidate_id))
        .map((s) => ({
          criterionId: Number(s.criterion_id),
          interviewerId: Number(s.interviewer_id),
          score: s.score,
        })),
    );
    const byKey = new Map<string, number[]>();
    own.forEach((c) => {
      const mean = card.criteria.find((x) => x.criterionId === Number(c.id))?.mean ?? null;
      const key = c.kind === 'custom' ? `custom:${c.name}` : c.kind;
      if (mean !== null) byKey.set(key, [...(byKey.get(key) ?? []), onFivePointScale(mean, scale)]);
      else if (!byKey.has(key)) byKey.set(key, []);
    });
    const scoresOut: Record<string, number | null> = {};
    for (const [key, vals] of byKey)
      scoresOut[key] = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null;
    return {
      userId: Number(r.user_id),
      name: r.name,
      candidateId: Number(r.candidate_id),
      openingId: Number(r.opening_id),
      openingName: r.opening_name,
      hireDate: r.hire_date as string,
      rampMonths: r.ramp_months,
      total: card.total === null ? null : onFivePointScale(card.total, scale),
      band: card.total === null ? null : scoreBand(card.total, scale),
      scores: scoresOut,
      leftOn: r.left_on,
    };
  });
}

/**
 * Which hiring criteria predicted success (docs/coaching.md): each hire's scorecard beside their first-year
 * quota attainment and won revenue from the metrics engine (quota goals of ramp months are the reduced ramp
 * quotas, so attainment is ramp-aware), and per criterion key the Spearman correlation between the criterion's
 * score and first-year attainment, over hires with at least MIN_OBSERVED_DAYS of their first year behind them.
 */
export async function hiringPredictors(db: Db, viewer: Viewer, now: Date): Promise<PredictorsReport> {
  const settings = await getSettings(db);
  const today = fromDayNumber(localDayNumber(now.getTime(), settings.timeZone));
  const cards = await hireScorecards(db, viewer);
  const hires: HireResult[] = [];
  for (const card of cards) {
    const yearEnd = firstYearLastDay(card.hireDate);
    const left = card.leftOn;
    let to = yearEnd < today ? yearEnd : today;
    if (left !== null && addDays(left, -1) < to) to = addDays(left, -1);
    const daysObserved = to >= card.hireDate ? daysBetween(card.hireDate, to) + 1 : 0;
    let quotaAttainment: number | null = null;
    let wonRevenue: number | null = null;
    if (daysObserved > 0) {
      const rows = await runMetrics(db, viewer, {
        metricIds: ['quota_attainment', 'won_revenue'],
        from: card.hireDate,
        to,
        groupBy: 'rep',
        filters: { userIds: [card.userId] },
      });
      const row = rows.find((r) => r.groupId === card.userId);
      quotaAttainment = row?.values.quota_attainment?.value ?? null;
      wonRevenue = row?.values.won_revenue?.value ?? null;
    }
    hires.push({
      ...card,
      firstYearFrom: card.hireDate,
      firstYearTo: to,
      daysObserved,
      fullYear: to === yearEnd,
      quotaAttainment,
      wonRevenue,
      counted: daysObserved >= MIN_OBSERVED_DAYS && quotaAttainment !== null && card.total !== null,
    });
  }
  const counted = hires.filter((h) => h.counted);
  const keys = [
    ...CRITERION_KEYS_FIXED,
    ...[
      ...new Set(counted.flatMap((h) => Object.keys(h.scores)).filter((k) => k.startsWith('custom:'))),
    ].sort(),
  ];
  const predictors: Predictor[] = keys.map((key) => ({
    key,
    ...spearman(
      counted.map((h) => [key === 'total' ? h.total : (h.scores[key] ?? null), h.quotaAttainment] as const),
    ),
  }));
  return { asOf: today, minObservedDays: MIN_OBSERVED_DAYS, hires, predictors };
}
