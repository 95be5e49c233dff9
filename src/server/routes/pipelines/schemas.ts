import { z } from 'zod';

/** A stage in API responses; probability in percent. */
export const StageSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  probabilityPct: z.number(),
  isWon: z.boolean(),
  isLost: z.boolean(),
});

/** A pipeline with its stages in order. */
export const PipelineSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  isDefault: z.boolean(),
  stages: z.array(StageSchema),
});
