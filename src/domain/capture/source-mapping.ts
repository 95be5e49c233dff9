import { z } from 'zod';
import {
  ACTIVITY_DIRECTIONS,
  ACTIVITY_OUTCOMES,
  ACTIVITY_TYPES,
  MAX_CAPTURED_PER_REQUEST,
  type CapturedActivity,
} from './captured-activity.ts';

/** A dot path into the sender's JSON: `call.user.email`, `data.0.id` (array index). */
const JsonPath = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, 'a dot path such as call.user.email or items.0.id');

/** The activity fields a source may fill from its payload. */
export const MAPPED_FIELDS = [
  'externalId',
  'type',
  'direction',
  'outcome',
  'durationSeconds',
  'occurredAt',
  'subject',
  'userEmail',
  'contactEmail',
  'contactName',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/**
 * How one inbound webhook source's JSON becomes activities (docs/capture.md, "Inbound webhooks"): where the items
 * are, which path holds each field, how the sender's words for type/outcome/direction translate to ours, and the
 * values to use when the payload has none.
 */
export const SourceMapping = z
  .object({
    /** Path to an array of items; absent: the whole payload is one item. */
    itemsPath: JsonPath.optional(),
    fields: z
      .object({
        externalId: JsonPath,
        occurredAt: JsonPath,
        type: JsonPath.optional(),
        direction: JsonPath.optional(),
        outcome: JsonPath.optional(),
        durationSeconds: JsonPath.optional(),
        subject: JsonPath.optional(),
        userEmail: JsonPath.optional(),
        contactEmail: JsonPath.optional(),
        contactName: JsonPath.optional(),
      })
      .strict(),
    /** Sender's value -> ours, e.g. { outcome: { answered: 'connected', missed: 'no_answer' } }. */
    values: z
      .object({
        type: z.record(z.string(), z.enum(ACTIVITY_TYPES)).optional(),
        direction: z.record(z.string(), z.enum(ACTIVITY_DIRECTIONS)).optional(),
        outcome: z.record(z.string(), z.enum(ACTIVITY_OUTCOMES)).optional(),
      })
      .strict()
      .default({}),
    defaults: z
      .object({
        type: z.enum(ACTIVITY_TYPES).optional(),
        direction: z.enum(ACTIVITY_DIRECTIONS).optional(),
        outcome: z.enum(ACTIVITY_OUTCOMES).optional(),
        userEmail: z.string().trim().email().optional(),
      })
      .strict()
      .default({}),
    /** Unit of the duration the sender sends. */
    durationUnit: z.enum(['seconds', 'minutes', 'milliseconds']).default('seconds'),
  })
  .strict()
  .refine((m) => m.fields.type !== undefined || m.defaults.type !== undefined, {
    message: 'map fields.type or give defaults.type',
    path: ['fields', 'type'],
  })
  .refine((m) => m.fields.userEmail !== undefined || m.defaults.userEmail !== undefined, {
    message: 'map fields.userEmail or give defaults.userEmail (the rep the activities belong to)',
    path: ['fields', 'userEmail'],
  });
export type SourceMapping = z.infer<typeof SourceMapping>;

/** A problem in a delivery, naming the payload path and the activity field it was meant to fill. */
export interface PayloadError {
  field: string;
  reason: string;
  value?: string;
}

/** Reads a dot path; undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const step of path.split('.')) {
    if (Array.isArray(at) && /^\d+$/.test(step)) at = at[Number(step)];
    else if (at !== null && typeof at === 'object' && !Array.isArray(at))
      at = (at as Record<string, unknown>)[step];
    else return undefined;
  }
  return at;
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** An instant from an ISO 8601 string with a zone, or epoch seconds / milliseconds (numbers above 1e11 are ms). */
export function readInstant(v: unknown): Date | null {
  if (typeof v === 'number' && Number.isFinite(v)) return new Date(v > 1e11 ? v : v * 1000);
  if (typeof v === 'string' && ISO_WITH_ZONE.test(v.trim())) {
    const d = new Date(v.trim());
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (typeof v === 'string' && /^\d{9,13}$/.test(v.trim())) return readInstant(Number(v.trim()));
  return null;
}

/**
 * Turns one delivery into captured activities, or every problem found (each naming the item and the payload
 * path). Pure: the store resolves the reps and contacts afterwards, through the same path as POST /api/activities.
 */
export function applyMapping(
  source: string,
  mapping: SourceMapping,
  payload: unknown,
): { items: CapturedActivity[] } | { errors: PayloadError[] } {
  const errors: PayloadError[] = [];
  let raw: unknown[];
  if (mapping.itemsPath === undefined) raw = [payload];
  else {
    const list = readPath(payload, mapping.itemsPath);
    if (!Array.isArray(list))
      return { errors: [{ field: mapping.itemsPath, reason: 'expected an array of items' }] };
    if (list.length === 0) return { errors: [{ field: mapping.itemsPath, reason: 'no items' }] };
    if (list.length > MAX_CAPTURED_PER_REQUEST)
      return {
        errors: [
          { field: mapping.itemsPath, reason: `at most ${MAX_CAPTURED_PER_REQUEST} items per delivery` },
        ],
      };
    raw = list;
  }
  const items = raw.map((item, i): CapturedActivity | null => {
    const at = (field: MappedField) => {
      const path = mapping.fields[field];
      return path === undefined
        ? `(${field})`
        : mapping.itemsPath === undefined
          ? path
          : `${mapping.itemsPath}.${i}.${path}`;
    };
    const fail = (field: MappedField, reason: string, value?: unknown) => {
      errors.push({
        field: `${at(field)}`,
        reason: `${field}: ${reason}`,
        ...(value === undefined
          ? {}
          : { value: String(typeof value === 'object' ? JSON.stringify(value) : value).slice(0, 200) }),
      });
    };
    const get = (field: MappedField): unknown => {
      const path = mapping.fields[field];
      if (path === undefined) return undefined;
      const v = readPath(item, path);
      return v === null || v === '' ? undefined : v;
    };
    const text = (field: MappedField, max: number): string | null => {
      const v = get(field);
      if (v === undefined) return null;
      if (typeof v !== 'string' && typeof v !== 'number') {
        fail(field, 'expected text', v);
        return null;
      }
      const s = String(v).trim();
      if (s.length > max) fail(field, `longer than ${max} characters`);
      return s;
    };
    const translated = <T extends string>(
      field: 'type' | 'direction' | 'outcome',
      allowed: readonly T[],
      map: Record<string, T> | undefined,
      fallback: T | undefined,
    ): T | null => {
      const v = text(field, 200);
      if (v === null) return fallback ?? null;
      const ours = map?.[v] ?? map?.[v.toLowerCase()] ?? (allowed.includes(v as T) ? (v as T) : undefined);
      if (ours === undefined)
        fail(field, `no value map entry for it (expected one of ${allowed.join(', ')})`, v);
      return ours ?? null;
    };
    const externalId = text('externalId', 200);
    if (externalId === null) fail('externalId', 'required');
    const whenRaw = get('occurredAt');
    const occurredAt = readInstant(whenRaw);
    if (occurredAt === null)
      fail(
        'occurredAt',
        whenRaw === undefined ? 'required' : 'expected an ISO 8601 time with a zone or epoch seconds',
        whenRaw,
      );
    const type = translated('type', ACTIVITY_TYPES, mapping.values.type, mapping.defaults.type);
    if (type === null && get('type') === undefined) fail('type', 'required');
    const direction =
      translated('direction', ACTIVITY_DIRECTIONS, mapping.values.direction, mapping.defaults.direction) ??
      'outbound';
    const outcome = translated(
      'outcome',
      ACTIVITY_OUTCOMES,
      mapping.values.outcome,
      mapping.defaults.outcome,
    );
    let durationSeconds: number | null = null;
    const d = get('durationSeconds');
    if (d !== undefined) {
      const n = typeof d === 'number' ? d : typeof d === 'string' && d.trim() !== '' ? Number(d) : NaN;
      if (!Number.isFinite(n) || n < 0) fail('durationSeconds', 'expected a number of at least 0', d);
      else {
        const factor = { seconds: 1, minutes: 60, milliseconds: 0.001 }[mapping.durationUnit];
        durationSeconds = Math.round(n * factor);
        if (durationSeconds > 86_400) fail('durationSeconds', 'longer than a day', d);
      }
    }
    const userEmail = text('userEmail', 320) ?? mapping.defaults.userEmail ?? null;
    if (userEmail === null) fail('userEmail', 'required');
    const contactEmail = text('contactEmail', 320);
    if (contactEmail !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contactEmail))
      fail('contactEmail', 'not an e-mail address', contactEmail);
    if (externalId === null || occurredAt === null || type === null || userEmail === null) return null;
    return {
      externalId: `webhook:${source}:${externalId}`,
      type,
      direction,
      outcome,
      durationSeconds,
      occurredAt,
      subject: text('subject', 500),
      user: { email: userEmail },
      contact: contactEmail === null ? null : { email: contactEmail, name: text('contactName', 200) },
      leadId: null,
      opportunityId: null,
      accountId: null,
    };
  });
  if (errors.length > 0) return { errors };
  return { items: items.filter((x): x is CapturedActivity => x !== null) };
}
