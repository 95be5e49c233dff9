import { z } from 'zod';
import { PROBABILITY_SOURCES } from '../../../domain/forecast/compute.ts';

/** A stage in API responses; probability in percent. */
export const StageSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  probabilityPct: z.number(),
  isWon: z.boolean(),
  isLost: z.boolean(),
});

/** A stage with its calibration: configured probability beside the observed and learned rates (percent). */
export const CalibratedStageSchema = StageSchema.extend({
  observedPct: z
    .number()
    .nullable()
    .describe('won share of the days closed deals spent in the stage, last 365 days; null: none closed'),
  dealWonSharePct: z.number().nullable().describe('won share of those deals, each counted once'),
  closedDeals: z.number().int().describe('deals that were in the stage and closed in the last 365 days'),
  learnedPct: z
    .number()
    .nullable()
    .describe('observed shrunk toward configured by 20 pseudo-deals (what learned forecasts use)'),
});

/** A pipeline with its stages in order. */
export const PipelineSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  isDefault: z.boolean(),
  probabilitySource: z
    .enum(PROBABILITY_SOURCES)
    .describe("stage probabilities the forecast uses for the pipeline's deals: configured or learned"),
  stages: z.array(CalibratedStageSchema),
});
