import { ownersScope, type Scope } from '../../../domain/access/scope.ts';
import { canSeeOwner, type Viewer } from '../../../domain/access/viewer.ts';
import { currentPeriod } from '../../../domain/calendar/current-period.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import { parsePeriod } from '../../../domain/calendar/period.ts';
import {
  diagnoseFunnel,
  followUpGaps,
  type FunnelDiagnosis,
} from '../../../domain/coaching/funnel-diagnosis.ts';
import { leadResponseTimeP50 } from '../../../domain/metrics/definitions/lead-response-time-p50.ts';
import { lostCount } from '../../../domain/metrics/definitions/lost-count.ts';
import { lostDealsFewFollowUps } from '../../../domain/metrics/definitions/lost-deals-few-follow-ups.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { defaultPipelineFunnel } from '../../tables/pipelines.ts';
import { getSettings } from '../../tables/settings.ts';
import { stageFunnel } from '../funnel/stage-funnel.ts';
import { runMetricsInScope } from '../metrics/run-metrics.ts';
import { withDescendantTeams } from '../metrics/scope.ts';

/** What GET /api/coaching/funnel-diagnosis returns and `pacesetter reps diagnose --json` prints. */
export interface FunnelDiagnosisReport extends FunnelDiagnosis {
  rep: { id: number; name: string };
  /** Whom the rep is compared with: the other members of their team (sub-teams included), or of the company. */
  peers: { kind: 'team' | 'company'; teamId: number | null; teamName: string | null; reps: number };
  period: { key: string; from: string; to: string };
  pipeline: { id: number; name: string };
}

/**
 * The funnel diagnosis of one rep for a period: the stage funnel (stage-funnel.ts) of the rep and of their peers
 * over the default pipeline, and the metrics lost_count, lost_deals_few_follow_ups and lead_response_time_p50 for
 * both through runMetrics. The rep's numbers are row-level data: a rep may only diagnose themself, a manager their
 * subtree. The peers' numbers are an aggregate, open to every signed-in user as the funnel is.
 */
export async function funnelDiagnosis(
  db: Db,
  viewer: Viewer,
  req: { userId: number; period?: string | undefined },
  now: Date = new Date(),
): Promise<FunnelDiagnosisReport> {
  const settings = await getSettings(db);
  const rep = await db
    .selectFrom('users')
    .select(['id', 'name', 'team_id'])
    .where('id', '=', req.userId)
    .executeTakeFirst();
  if (!rep) {
    throw new AppError('not_found', `No user ${req.userId}`, [
      { field: 'userId', value: String(req.userId), reason: 'no such user', rule: 'not_found' },
    ]);
  }
  if (!canSeeOwner(viewer, rep.id)) {
    throw new AppError('forbidden', `You may not read user ${req.userId}'s funnel`, [
      { field: 'userId', value: String(req.userId), reason: 'outside your team', rule: 'outside_scope' },
    ]);
  }
  const period =
    req.period === undefined ? currentPeriod(now, 'quarter', settings) : parsePeriod(req.period, settings);

  const team =
    rep.team_id === null
      ? undefined
      : await db.selectFrom('teams').select(['id', 'name']).where('id', '=', rep.team_id).executeTakeFirst();
  const peerQuery = db.selectFrom('users').select('id').where('id', '!=', rep.id).where('role', '=', 'rep');
  const peerIds = (
    team
      ? await peerQuery.where('team_id', 'in', await withDescendantTeams(db, [team.id])).execute()
      : await peerQuery.execute()
  ).map((u) => u.id);

  const { pipeline, wonStageIds } = await defaultPipelineFunnel(db);
  const pipelineId = pipeline.id;

  const repScope = ownersScope({ type: 'rep', id: rep.id }, [rep.id]);
  const peerScope = ownersScope(team ? { type: 'team', id: team.id } : { type: 'company' }, peerIds);
  const range = { from: period.start, toExclusive: period.end, timeZone: settings.timeZone };
  const metricIds = [lostCount.id, lostDealsFewFollowUps.id, leadResponseTimeP50.id];
  const values = async (scope: Scope) => {
    const [row] = await runMetricsInScope(
      db,
      scope,
      { metricIds, from: period.start, to: addDays(period.end, -1), groupBy: 'company' },
      { now },
    );
    return (id: string) => row?.values[id]?.value ?? null;
  };
  // One after another: the embedded store runs one query at a time anyway.
  const repStages = await stageFunnel(db, pipelineId, range, repScope);
  const peerStages = await stageFunnel(db, pipelineId, range, peerScope);
  const repValue = await values(repScope);
  const peerValue = await values(peerScope);
  const diagnosis = diagnoseFunnel({
    rep: repStages,
    team: peerStages,
    wonStageIds,
    followUps: followUpGaps(
      { lost: repValue(lostCount.id) ?? 0, fewFollowUps: repValue(lostDealsFewFollowUps.id) ?? 0 },
      { lost: peerValue(lostCount.id) ?? 0, fewFollowUps: peerValue(lostDealsFewFollowUps.id) ?? 0 },
      settings.followUpTarget,
    ),
    responseTime: {
      repMinutes: repValue(leadResponseTimeP50.id),
      teamMinutes: peerValue(leadResponseTimeP50.id),
    },
  });
  return {
    ...diagnosis,
    rep: { id: rep.id, name: rep.name },
    peers: {
      kind: team ? 'team' : 'company',
      teamId: team?.id ?? null,
      teamName: team?.name ?? null,
      reps: peerIds.length,
    },
    period: { key: period.key, from: period.start, to: addDays(period.end, -1) },
    pipeline,
  };
}
