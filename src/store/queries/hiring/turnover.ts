import { SCORE_BANDS, type ScoreBand } from '../../../domain/coaching/hiring.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import type { MetricRow } from '../../../domain/metrics/query.ts';
import type { Db } from '../../db.ts';
import { runMetrics } from '../metrics/run-metrics.ts';
import { hireScorecards } from './predictors.ts';

const METRICS = ['rep_turnover', 'rep_headcount', 'rep_tenure_at_leaving'] as const;

export interface TurnoverRow {
  /** Team id, band key, or null for the whole company. */
  key: string | null;
  name: string;
  leavers: number;
  averageHeadcount: number;
  /** leavers / average headcount (rep_turnover); null with no headcount. */
  turnover: number | null;
  /** Median months from hire to leaving of the period's leavers (rep_tenure_at_leaving). */
  medianTenureMonths: number | null;
}

export type BandKey = ScoreBand | 'no_scorecard';

export interface TurnoverReport {
  from: string;
  to: string;
  company: TurnoverRow;
  byTeam: TurnoverRow[];
  byBand: TurnoverRow[];
}

function toRow(key: string | null, name: string, row: MetricRow | undefined): TurnoverRow {
  const t = row?.values.rep_turnover;
  return {
    key,
    name,
    leavers: t?.numerator ?? 0,
    averageHeadcount: row?.values.rep_headcount?.value ?? 0,
    turnover: t?.value ?? null,
    medianTenureMonths: row?.values.rep_tenure_at_leaving?.value ?? null,
  };
}

/**
 * Rep turnover and tenure at leaving over a date range (docs/coaching.md, "Turnover and tenure"), for the company,
 * by team and by hiring score band; every number is the metrics engine's (rep_turnover, rep_headcount,
 * rep_tenure_at_leaving); a manager's rows count only the reps of their subtree. Bands come from the hires' scorecards in the viewer's hiring
 * reach; reps without one form the 'no_scorecard' band.
 */
export async function turnoverReport(
  db: Db,
  viewer: Viewer,
  range: { from: string; to: string },
): Promise<TurnoverReport> {
  const query = { metricIds: [...METRICS], from: range.from, to: range.to };
  // The engine opens team and company aggregates to everyone; hiring data follow the row rules instead, so a
  // manager's company and team rows count only their subtree's reps (the same reps as their bands).
  const subtree = viewer.visibleUserIds === null ? {} : { filters: { userIds: [...viewer.visibleUserIds] } };
  const [company, teams] = await Promise.all([
    runMetrics(db, viewer, { ...query, groupBy: 'company', ...subtree }),
    runMetrics(db, viewer, { ...query, groupBy: 'team', ...subtree }),
  ]);
  const cards = await hireScorecards(db, viewer);
  const bandOf = new Map(cards.filter((c) => c.band !== null).map((c) => [c.userId, c.band as ScoreBand]));
  let reps = db.selectFrom('users').select('id').where('role', '=', 'rep').where('hire_date', 'is not', null);
  if (viewer.visibleUserIds !== null) reps = reps.where('id', 'in', [-1, ...viewer.visibleUserIds]);
  const repIds = (await reps.execute()).map((r) => Number(r.id));
  const bands: BandKey[] = [...SCORE_BANDS, 'no_scorecard'];
  const byBand: TurnoverRow[] = [];
  for (const band of bands) {
    const ids = repIds.filter((id) => (bandOf.get(id) ?? 'no_scorecard') === band);
    // An empty id list means "no restriction" to the engine, so an empty band is reported as empty here.
    const rows =
      ids.length === 0
        ? []
        : await runMetrics(db, viewer, { ...query, groupBy: 'company', filters: { userIds: ids } });
    byBand.push(toRow(band, band, rows[0]));
  }
  return {
    from: range.from,
    to: range.to,
    company: toRow(null, company[0]?.groupName ?? 'Company', company[0]),
    byTeam: teams.map((r) => toRow(r.groupId === null ? null : String(r.groupId), r.groupName, r)),
    byBand,
  };
}
