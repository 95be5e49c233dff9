import { z } from 'zod';
import { ErrorCodes, ErrorRules } from '../errors.ts';

/** The parts of a rule-carrying detail every detail schema shares (error bodies, import rejects). */
export const RuleFields = {
  rule: z
    .enum(ErrorRules)
    .optional()
    .describe('the recurring reason by name, for clients that translate it; absent for one-off reasons'),
  limit: z
    .union([z.number(), z.string()])
    .optional()
    .describe('the bound of too_long/too_short/too_large/too_small/too_many/too_few'),
  allowed: z
    .array(z.string())
    .optional()
    .describe('the values one_of accepts (invalid_type: the type expected)'),
};

/** One located problem: where (file, line, field), the value, why in English, and the rule by name. */
export const ErrorDetailSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  field: z.string().optional(),
  value: z.string().optional(),
  reason: z.string().describe('English, for people reading logs and scripts'),
  ...RuleFields,
});

/** The uniform error body of every endpoint (src/server/error-handler.ts; docs/security.md#error-responses). */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum([...ErrorCodes, 'internal']).describe('stable; clients translate by it'),
      message: z.string().describe('English headline'),
      details: z.array(ErrorDetailSchema),
    }),
  })
  .meta({ id: 'ErrorBody' });
