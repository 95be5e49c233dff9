import { z } from 'zod';
import { IMPORT_ENCODINGS } from '../../../import/csv/decode-text.ts';
import { ENTITIES } from '../../../import/mapping/entities.ts';
import { BUILT_IN_SOURCES } from '../../../import/mappings/index.ts';
import { RuleFields } from '../../error-body.ts';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Query of POST /api/imports: the same switches as the CLI. */
export const CreateImportQuery = z.object({
  source: z.enum(BUILT_IN_SOURCES).optional(),
  entity: z.enum(ENTITIES).optional(),
  skipInvalid: flag,
  createMissing: flag,
  fileName: z
    .string()
    .max(300)
    // A NUL or other control character cannot be stored and has no place in a file name.
    .refine((name) => ![...name].some((c) => c.charCodeAt(0) < 0x20), 'no control characters')
    .optional(),
  /** Encoding of the file's bytes (default utf-8; a byte-order mark wins). */
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
});

const FieldErrorSchema = z.object({
  field: z.string(),
  value: z.string().optional(),
  reason: z.string(),
  ...RuleFields,
});

/** A rejected row: original cells by header, line and every reason. */
export const RejectSchema = z.object({
  line: z.number().int(),
  columns: z.array(z.string()),
  values: z.record(z.string(), z.string()),
  errors: z.array(FieldErrorSchema),
});

/** What POST /api/imports returns. */
export const ImportSummarySchema = z.object({
  importId: z.number().int(),
  source: z.string(),
  entity: z.enum(ENTITIES),
  mapping: z.string(),
  fileName: z.string(),
  status: z.literal('succeeded'),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  seconds: z.number(),
  rowsPerSecond: z.number(),
  rejects: z.array(RejectSchema),
});

/** One import run in the history list. */
export const ImportRunSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  entity: z.string(),
  fileName: z.string(),
  status: z.enum(['running', 'succeeded', 'rejected', 'failed']),
  rowsTotal: z.number().int(),
  rowsImported: z.number().int(),
  rowsCreated: z.number().int(),
  rowsUpdated: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsRejected: z.number().int(),
  error: z.string().nullable(),
  startedBy: z.number().int().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
