import { COMPANY_SCOPE, ownersScope, type Scope } from '../../../domain/access/scope.ts';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { previousPeriod, type PeriodCalendar } from '../../../domain/calendar/period.ts';
import { instantToLocal, localDateToInstant } from '../../../domain/calendar/zoned.ts';
import type { StageComparison } from '../../../domain/coaching/funnel-diagnosis.ts';
import { DEFAULT_STALLED_DAYS } from '../../../domain/coaching/pipeline-changes.ts';
import {
  funnelWindowStart,
  HOT_WINDOW_DAYS,
  hottestDeals,
  movedWithoutRate,
  packPeriod,
  PACK_LIST_LIMIT,
  weakestConversion,
  type HotDeal,
  type WeakestConversion,
} from '../../../domain/meeting-pack/meeting-pack.ts';
import type { Db } from '../../db.ts';
import { defaultPipelineFunnel } from '../../tables/pipelines.ts';
import { getSettingsWithRollupZone } from '../../tables/settings.ts';
import { stageFunnel } from '../funnel/stage-funnel.ts';
import { rateNotice } from '../money/listed-amounts.ts';
import { goalPacing, type GoalPacing } from '../goals/goal-pacing.ts';
import { leaderboard, type LeaderboardLine } from '../leaderboard/leaderboard.ts';
import { runMetricsInScope } from '../metrics/run-metrics.ts';
import { dealWindows, stalledDeals, wonDeals, type PackDeal } from './pack-deals.ts';
import { resolvePackSubject, type PackSubject } from './pack-subject.ts';

/** The team KPIs of the pack, each this period and the previous one (all from runMetrics). */
export const PACK_KPIS = [
  'won_revenue',
  'won_count',
  'win_rate',
  'weighted_pipeline',
  'meetings_held',
  'activities',
] as const;

/** What GET /api/meeting-pack returns. */
export interface MeetingPack {
  subject: Pick<PackSubject, 'type' | 'id' | 'name'>;
  period: { key: string; from: string; to: string };
  previousPeriod: { key: string; from: string; to: string };
  /** The instant the pipeline sections describe: the period's end, or now while the period runs. */
  asOf: string;
  currency: string;
  kpis: Array<{ metricId: string; value: number | null; previous: number | null }>;
  goals: GoalPacing[];
  hottest: { windowDays: number; deals: HotDeal[] };
  stalled: { stalledDays: number; total: number; deals: PackDeal[] };
  wins: PackDeal[];
  leaderboard: {
    metricId: string;
    previousPeriod: string;
    lines: LeaderboardLine[];
  };
  /** Currencies of listed deals (or hottest candidates left out) with no rate on their date, and the warning. */
  currenciesWithoutRate: string[];
  warnings: string[];
  funnel: {
    from: string;
    to: string;
    pipeline: { id: number; name: string };
    stages: StageComparison[];
    weakest: WeakestConversion | null;
  };
}

export interface MeetingPackRequest {
  team?: number | 'company' | undefined;
  /** 'YYYY-Www' or 'YYYY-MM'; default the last complete week. */
  period?: string | undefined;
}

const span = (p: { key: string; start: string; end: string }) => ({
  key: p.key,
  from: p.start,
  to: addDays(p.end, -1),
});

/**
 * The sales meeting pack of a team (or the company, for admins) for a week or month (docs/meeting-pack.md). A
 * composition: KPIs through runMetrics, goal pacing, the reps leaderboard with its movement, the stage funnel
 * against the company; the deal lists (hottest, stalled, wins) read the pipeline snapshots the pipeline changes
 * use. Queries run one after another: the embedded store runs one at a time anyway.
 */
export async function meetingPack(
  db: Db,
  viewer: Viewer,
  req: MeetingPackRequest,
  now: Date = new Date(),
): Promise<MeetingPack> {
  const read = await getSettingsWithRollupZone(db);
  const settings = read.settings;
  const tz = settings.timeZone;
  const periodCal: PeriodCalendar = settings;
  const subject = await resolvePackSubject(db, viewer, req.team);
  const today = instantToLocal(now, tz).date;
  const period = packPeriod(req.period, today, periodCal);
  const prev = previousPeriod(period, periodCal);
  const startAt = localDateToInstant(period.start, tz);
  const endAt = localDateToInstant(period.end, tz);
  const asOf = endAt.getTime() < now.getTime() ? endAt : now;
  const lastDay = addDays(period.end, -1);

  const scope: Scope =
    subject.ownerIds === null
      ? COMPANY_SCOPE
      : ownersScope({ type: 'team', id: subject.id as number }, subject.ownerIds);
  const kpiValues = async (from: string, to: string) => {
    const [row] = await runMetricsInScope(
      db,
      scope,
      { metricIds: [...PACK_KPIS], from, to, groupBy: 'company' },
      { now, settings: read },
    );
    return (id: string) => row?.values[id]?.value ?? null;
  };
  const cur = await kpiValues(period.start, lastDay < today ? lastDay : today);
  const before = await kpiValues(prev.start, addDays(prev.end, -1));

  // Goals whose period contains the pack's last day, narrowed to the pack's people. Daily goals are left out:
  // the meeting looks back over a week or month, and a day's goal on its last day (often a Sunday) says nothing.
  const goals = (await goalPacing(db, viewer, { now, periodKey: period.key })).filter(
    ({ goal }) =>
      goal.grain !== 'day' &&
      (subject.type === 'company'
        ? goal.scopeType !== 'user'
        : (goal.scopeType === 'team' && subject.teamIds!.includes(goal.scopeId as number)) ||
          (goal.scopeType === 'user' && subject.ownerIds!.includes(goal.scopeId as number))),
  );

  const windowStart = new Date(asOf.getTime() - HOT_WINDOW_DAYS * 86_400_000);
  const windows = await dealWindows(db, subject.ownerIds, windowStart, asOf, now);
  const stalled = await stalledDeals(db, subject.ownerIds, asOf, DEFAULT_STALLED_DAYS, now, PACK_LIST_LIMIT);
  const wins = await wonDeals(db, subject.ownerIds, startAt, endAt, tz, PACK_LIST_LIMIT);

  const metricId = settings.leaderboardMetrics[0] ?? 'won_revenue';
  const board = await leaderboard(db, viewer, {
    periodKey: period.key,
    board: 'reps',
    metricId,
    teamIds: subject.teamIds ?? undefined,
    now,
  });

  const { pipeline, wonStageIds } = await defaultPipelineFunnel(db);
  const pipelineId = pipeline.id;
  const funnelFrom = funnelWindowStart(period);
  const range = { from: funnelFrom, toExclusive: period.end, timeZone: tz };
  const packSteps = await stageFunnel(db, pipelineId, range, scope);
  const companySteps =
    subject.type === 'company' ? packSteps : await stageFunnel(db, pipelineId, range, COMPANY_SCOPE);
  const funnel = weakestConversion(packSteps, companySteps, wonStageIds);

  return {
    subject: { type: subject.type, id: subject.id, name: subject.name },
    period: span(period),
    previousPeriod: span(prev),
    asOf: asOf.toISOString(),
    currency: settings.currency,
    kpis: PACK_KPIS.map((id) => ({ metricId: id, value: cur(id), previous: before(id) })),
    goals,
    hottest: {
      windowDays: HOT_WINDOW_DAYS,
      deals: hottestDeals(windows, PACK_LIST_LIMIT),
    },
    stalled: { stalledDays: DEFAULT_STALLED_DAYS, ...stalled },
    wins,
    leaderboard: { metricId, previousPeriod: board.previousPeriod.key, lines: board.lines },
    funnel: { from: funnelFrom, to: lastDay, pipeline, ...funnel },
    // Deals listed (stalled, wins) or left out of the hottest for want of a rate on their date.
    ...rateNotice([...movedWithoutRate(windows), ...stalled.deals, ...wins]),
  };
}
