import type { MetricValue } from '../metrics/definition.ts';
import { ratioValue } from '../metrics/derive.ts';

/** One stage of the opportunity funnel: of the opportunities that entered it in the period, how many moved on. */
export interface StageStep {
  stageId: number;
  name: string;
  position: number;
  /** Opportunities that entered the stage in the period. */
  entered: number;
  /** Of those, how many later entered a later stage (or won). */
  advanced: number;
  /** Of those, how many were eventually won. */
  won: number;
  /** advanced / entered. */
  conversion: MetricValue;
  /** won / entered. */
  winRate: MetricValue;
  /** Days between entering the stage and leaving it, over entries that have left it. */
  avgDays: number | null;
  medianDays: number | null;
}

/** The lead funnel steps, in order. */
export const LEAD_STEPS = ['lead', 'mql', 'sql', 'opportunity', 'won'] as const;
export type LeadStep = (typeof LEAD_STEPS)[number];

/** One step of the lead funnel for the leads created in the period. */
export interface LeadFunnelStep {
  step: LeadStep;
  count: number;
  /** count / previous step's count (null for the first step). */
  fromPrevious: MetricValue | null;
  /** count / leads. */
  fromLeads: MetricValue;
}

/** Adds the step-to-step conversions to the raw lead counts (each step's count includes the later steps). */
export function leadFunnel(counts: Record<LeadStep, number>): LeadFunnelStep[] {
  return LEAD_STEPS.map((step, i) => {
    const prev = i > 0 ? LEAD_STEPS[i - 1] : undefined;
    return {
      step,
      count: counts[step],
      fromPrevious: prev ? ratioValue(counts[step], counts[prev]) : null,
      fromLeads: ratioValue(counts[step], counts.lead),
    };
  });
}

/** Adds the ratios to raw stage counts. */
export function stageStep(raw: Omit<StageStep, 'conversion' | 'winRate'>): StageStep {
  return {
    ...raw,
    conversion: ratioValue(raw.advanced, raw.entered),
    winRate: ratioValue(raw.won, raw.entered),
  };
}
