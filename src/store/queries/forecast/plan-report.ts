import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays, daysBetween } from '../../../domain/calendar/local-date.ts';
import { parsePeriod, type Period } from '../../../domain/calendar/period.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import { scopeKey, type ForecastScope } from '../../../domain/forecast/scope.ts';
import type { FunnelStage } from '../../../domain/planning/funnel.ts';
import type { FunnelCounts } from '../../../domain/planning/observed.ts';
import { planFunnel, type Plan, type PlanRequest } from '../../../domain/planning/plan.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { observedFunnel } from './observed-funnel.ts';
import { resolveScope } from './resolve-scope.ts';

/** Default look-back for observed conversion rates. */
export const PLAN_LOOKBACK_DAYS = 180;

export interface PlanReportRequest extends PlanRequest {
  periodKey: string;
  scope: ForecastScope;
  now: Date;
  lookbackDays?: number;
  /** Replace the observed funnel with these stages (e.g. a planning assumption); observed deal size still used unless given. */
  stages?: FunnelStage[] | null;
  avgDealSize?: number | null;
}

export interface PlanReport {
  period: Period;
  scope: { key: string; name: string };
  currency: string;
  lookbackDays: number;
  observed: FunnelCounts;
  /** 'observed' or 'given' (stages sent by the caller). */
  rates: 'observed' | 'given';
  avgDealSize: number;
  plan: Plan;
}

/** The funnel planner for a scope and period: observed (or given) rates, the reverse funnel and the what-ifs. */
export async function planReport(db: Db, viewer: Viewer, req: PlanReportRequest): Promise<PlanReport> {
  const settings = await getSettings(db);
  const period = parsePeriod(req.periodKey, settings);
  const { scope, name } = await resolveScope(db, viewer, req.scope);
  const lookbackDays = req.lookbackDays ?? PLAN_LOOKBACK_DAYS;
  // The look-back is whole local days, as every metric counts them: the lookbackDays days before today.
  const today = instantToLocal(req.now, settings.timeZone).date;
  const window = { from: addDays(today, -lookbackDays), to: addDays(today, -1) };
  const observed = await observedFunnel(db, scope, window, daysBetween(period.start, period.end));
  const funnel = {
    stages: req.stages ?? observed.funnel.stages,
    avgDealSize: req.avgDealSize ?? observed.funnel.avgDealSize,
    topPerPeriod: observed.funnel.topPerPeriod,
  };
  return {
    period,
    scope: { key: scopeKey(req.scope), name },
    currency: settings.currency,
    lookbackDays,
    observed: observed.counts,
    rates: req.stages ? 'given' : 'observed',
    avgDealSize: funnel.avgDealSize,
    plan: planFunnel(funnel, req),
  };
}
