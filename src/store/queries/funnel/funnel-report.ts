import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import type { Period } from '../../../domain/calendar/period.ts';
import type { LeadFunnelStep, StageStep } from '../../../domain/funnel/funnel.ts';
import type { MetricFilters } from '../../../domain/metrics/query.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { ensureDefaultPipeline } from '../../tables/pipelines.ts';
import { getSettings } from '../../tables/settings.ts';
import { resolveScope } from '../metrics/scope.ts';
import { leadFunnelSteps } from './lead-funnel.ts';
import { stageFunnel } from './stage-funnel.ts';

/** What GET /api/funnel returns and `pacesetter funnel --json` prints. */
export interface FunnelReport {
  period: { key: string; from: string; to: string };
  pipeline: { id: number; name: string };
  stages: StageStep[];
  leads: LeadFunnelStep[];
}

/** The stage funnel of one pipeline (default: the default pipeline) and the lead funnel, for a period. */
export async function funnelReport(
  db: Db,
  viewer: Viewer,
  req: { period: Period; pipelineId?: number | null; filters?: MetricFilters },
): Promise<FunnelReport> {
  const settings = await getSettings(db);
  const pipelineId = req.pipelineId ?? (await ensureDefaultPipeline(db));
  const pipeline = await db
    .selectFrom('pipelines')
    .select(['id', 'name'])
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  if (!pipeline) {
    throw new AppError('not_found', `No pipeline ${pipelineId}`, [
      { field: 'pipeline', value: String(pipelineId), reason: 'no such pipeline', rule: 'not_found' },
    ]);
  }
  // The funnel is an aggregate: open to everyone, with a rep filter narrowed to what the viewer may see.
  const scope = await resolveScope(db, viewer, 'company', req.filters);
  const range = { from: req.period.start, toExclusive: req.period.end, timeZone: settings.timeZone };
  return {
    period: { key: req.period.key, from: req.period.start, to: addDays(req.period.end, -1) },
    pipeline,
    stages: await stageFunnel(db, pipeline.id, range, scope),
    leads: await leadFunnelSteps(db, range, scope),
  };
}
