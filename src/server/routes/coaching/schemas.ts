import { z } from 'zod';
import { IdField } from '../../input-schemas.ts';

/** Zod schemas shared by the coaching routes (scorecards, benchmarks, quadrants). */

export const ScorecardMetricSchema = z.object({
  metricId: z.string().min(1).max(100),
  kind: z.enum(['leading', 'lagging']),
  benchmark: z.number().describe('what a fully ramped rep should reach in one calendar month'),
  weight: z.number(),
});

export const ScorecardSchema = z.object({
  id: z.number().int(),
  salesRole: z.string().nullable().describe('null = the default card'),
  name: z.string(),
  metrics: z.array(ScorecardMetricSchema),
});

export const ScorecardBody = z.object({
  salesRole: z.string().trim().min(1).max(60).nullable(),
  name: z.string().trim().min(1).max(100),
  metrics: z.array(ScorecardMetricSchema).max(30),
});

/** Who a rep row of the scorecard and benchmark reports is, and which card scored them. */
export const RepOnScorecard = z.object({
  userId: z.number().int(),
  name: z.string(),
  teamId: z.number().int().nullable(),
  salesRole: z.string().nullable(),
  scorecardId: z.number().int(),
});

export const PeriodSchema = z.object({
  key: z.string(),
  grain: z.string(),
  start: z.string(),
  end: z.string(),
});

export const ScoredMetricSchema = z.object({
  metricId: z.string(),
  kind: z.enum(['leading', 'lagging']),
  weight: z.number(),
  value: z.number().nullable(),
  benchmark: z.number().describe('monthly benchmark pro-rated to the bucket and the ramp'),
  ratio: z.number().nullable().describe('value vs benchmark, capped at 2; null = left out of the score'),
});

export const QuadrantSchema = z.enum([
  'rising_star',
  'falling_star',
  'improving_laggard',
  'declining_laggard',
]);

export const ThresholdsSchema = z.object({
  levelPercentile: z.number().min(0).max(100),
  trendSlope: z.number(),
  minPeriods: z.number().int().min(2).max(24),
});

/** Optional team and rep filters of the report routes. */
export const RepFilterQuery = {
  teamId: IdField.optional(),
  userId: IdField.optional(),
};
