import { z } from 'zod';

const Rate = z.number().nullable();

const ThresholdEffectSchema = z.object({
  threshold: z.number(),
  passed: z.number().int(),
  passRate: Rate,
  winsCaught: z.number().int(),
  recall: Rate,
  precision: Rate,
  opportunityRate: Rate,
});

/** The calibration report (src/domain/lead-calibration/report.ts), as GET /api/scoring/calibration returns it. */
export const CalibrationReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  ruleSetVersion: z.number().int(),
  leads: z.number().int(),
  bands: z.array(
    z.object({
      from: z.number().nullable(),
      to: z.number().nullable(),
      leads: z.number().int(),
      opportunities: z.number().int(),
      wins: z.number().int(),
      opportunityRate: Rate,
      winRate: Rate,
    }),
  ),
  thresholds: z.object({
    mql: ThresholdEffectSchema,
    sql: ThresholdEffectSchema,
    proposed: ThresholdEffectSchema.nullable(),
  }),
  curve: z.array(ThresholdEffectSchema),
  model: z
    .object({
      trainedOn: z.number().int(),
      heldOut: z.number().int(),
      rulesAuc: Rate,
      modelAuc: Rate,
      converged: z.boolean(),
      rules: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          points: z.number(),
          weight: z.number(),
          impliedPoints: z.number(),
        }),
      ),
    })
    .nullable(),
});
