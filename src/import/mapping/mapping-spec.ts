import { z } from 'zod';
import { ENTITIES } from './entities.ts';

/** How one of our fields is read: column(s), value map, unit, default. A plain string is shorthand for `{ column }`. */
export const FieldSourceSchema = z.union([
  z.string().min(1),
  z
    .object({
      /** Header of the column; several = take the first non-empty one (header variants across exports). */
      column: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
      /** Several columns joined with a space (e.g. a due date and a due time). */
      join: z.array(z.string().min(1)).min(2).optional(),
      /** Their value -> our value, matched case-insensitively and trimmed; unmapped values pass through. */
      values: z.record(z.string(), z.string()).optional(),
      /** Used for a non-empty value that the value map does not list (default: pass the value through). */
      otherwise: z.string().optional(),
      /** Unit of a plain-number duration. */
      unit: z.enum(['seconds', 'minutes', 'milliseconds']).optional(),
      /** Used when the cell is empty or the column is absent. */
      default: z.string().optional(),
    })
    .strict()
    .refine((v) => v.column !== undefined || v.join !== undefined || v.default !== undefined, {
      message: 'give column, join or default',
    }),
]);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

/** A complete mapping: the built-in ones are written as this data, and `--map file.json` is parsed into it. */
export const MappingSpecSchema = z
  .object({
    /** Names the source; prefixes external ids ('pipedrive:100') so two CRMs never collide. */
    source: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _')
      .default('custom'),
    entity: z.enum(ENTITIES),
    /** Human label, e.g. 'Salesforce Opportunity report'. */
    label: z.string().optional(),
    /** CSV field delimiter (default ','). */
    delimiter: z.string().min(1).max(2).default(','),
    /** Date formats tried in order: tokens YYYY MM M DD D HH H hh h mm ss A; e.g. 'M/D/YYYY', 'YYYY-MM-DD HH:mm'. */
    dateFormat: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .default(['YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD HH:mm', 'YYYY-MM-DD']),
    /** IANA zone of naive timestamps; default: the workspace time zone. */
    timeZone: z.string().optional(),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    /** Currency of amounts when the file has no currency column; default: the workspace currency. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
      .optional(),
    /** Our field -> where it comes from. */
    fields: z.record(z.string(), FieldSourceSchema),
    /** Headers that identify this export for auto-detection (all must be present). */
    detect: z.array(z.string()).optional(),
    /** Our fields hashed into a stable external id when the file has no id column. */
    externalIdFrom: z.array(z.string()).optional(),
  })
  .strict();

/** A parsed, validated mapping. */
export type MappingSpec = z.infer<typeof MappingSpecSchema>;
/** What a mapping author writes (defaults may be left out). */
export type MappingSpecInput = z.input<typeof MappingSpecSchema>;
