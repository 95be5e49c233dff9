import { z } from 'zod';
import { METHOD_IDS } from '../../../domain/forecast/types.ts';
import { DIMENSIONS, FORECAST_CHECKPOINTS, GROUP_BYS, type GroupBy } from '../../../domain/metrics/query.ts';
import { IdListField } from '../../input-schemas.ts';
import { GRAINS } from '../../../domain/calendar/period.ts';

/** Comma-separated lists in query strings (`ids=calls,win_rate`, `team=1,2`). */
const list = z.string().max(2000).optional();
const idList = IdListField.optional();

/** GET /api/metrics query string. */
export const MetricsQuerySchema = z.object({
  ids: list.describe('metric ids, comma-separated (default: a dashboard set)'),
  group: z
    .enum(GROUP_BYS as [GroupBy, ...GroupBy[]])
    .default('rep')
    .describe(
      `group rows by rep, team, company or a dimension of the facts (${DIMENSIONS.join(', ')}); a metric that ` +
        'cannot be split by the dimension is refused (400): GET /api/metrics/definitions lists its dimensions',
    ),
  period: z
    .string()
    .max(40)
    .optional()
    .describe("period key: '2026-Q3', '2026-11', '2026-W47', 'FY2027', ..."),
  from: z.string().max(10).optional().describe('first local date (YYYY-MM-DD), with to, when no period'),
  to: z.string().max(10).optional().describe('last local date, inclusive'),
  grain: z
    .enum(GRAINS as [string, ...string[]])
    .optional()
    .describe('split into day/week/month/quarter/year buckets'),
  team: idList.describe('team ids (sub-teams included)'),
  rep: idList.describe('user ids'),
  pipeline: idList.describe('pipeline ids (opportunity metrics)'),
  type: z
    .string()
    .regex(/^(new_business|upsell|renewal)(,(new_business|upsell|renewal))*$/)
    .optional()
    .describe('opportunity types (opportunity metrics)'),
  source: list.describe('lead sources (lead and opportunity metrics)'),
  forecastMethod: z
    .enum(METHOD_IDS)
    .optional()
    .describe('forecast_accuracy: the method scored (default stage_weighted)'),
  checkpoint: z
    .enum(FORECAST_CHECKPOINTS)
    .optional()
    .describe('forecast_accuracy: when in the quarter the forecast was made (default start)'),
  compare: z
    .enum(['previous', 'none'])
    .optional()
    .describe('previous: add the previous period and the change'),
});

const PeriodSchema = z.object({ key: z.string(), from: z.string(), to: z.string() });

/** One metric value: ratios carry numerator and denominator so anyone can check them. */
export const ReportValueSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  previous: z.number().nullable().optional(),
  previousNumerator: z.number().optional(),
  previousDenominator: z.number().optional(),
  change: z.number().nullable().optional(),
});

/** GET /api/metrics response. */
export const MetricReportSchema = z.object({
  period: PeriodSchema,
  previousPeriod: PeriodSchema.nullable(),
  currency: z.string(),
  rows: z.array(
    z.object({
      group: z.object({
        type: z.enum(GROUP_BYS as [GroupBy, ...GroupBy[]]),
        id: z
          .number()
          .nullable()
          .describe('rep, team or pipeline id; null for the company, "No team" and text dimensions'),
        name: z.string().describe('the name, or a dimension value ("No lead source" etc. when not recorded)'),
      }),
      period: z.string().nullable(),
      values: z.record(z.string(), ReportValueSchema),
    }),
  ),
});

/** Splits a comma-separated query value. */
export function splitList(s: string | undefined): string[] {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0)
    : [];
}
