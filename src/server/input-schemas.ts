import { z } from 'zod';
import { PERIOD_YEARS } from '../domain/calendar/period.ts';
import { ID_TEXT } from '../domain/id-text.ts';

/*
 * Parameter schemas shared by routes, so one rule holds everywhere. Ids: rows are keyed by PostgreSQL bigint
 * but read into JavaScript numbers, so an id is a positive integer up to Number.MAX_SAFE_INTEGER (2^53 - 1);
 * anything larger could not name a row exactly and, past 2^63 - 1, made PostgreSQL fail the query.
 */

/** Whether a text of digits is an id a row can have (1 .. 2^53 - 1). */
function isIdText(text: string): boolean {
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0;
}

/**
 * A row id in a path or query string: digits without a leading zero, 1 .. 2^53 - 1. '01', '1%00', '+1', ' 1',
 * '-1', '1e3', '0x10', full-width digits and 2^64 are 400s: one spelling per row, so ids cannot be probed by
 * variants and nothing past a bigint reaches PostgreSQL (z.coerce.number() took all of those).
 */
export const IdField = z
  .string()
  .regex(ID_TEXT, 'a positive integer without leading zeros')
  .transform(Number)
  .refine(Number.isSafeInteger, {
    message: `at most ${Number.MAX_SAFE_INTEGER}`,
    params: { rule: 'too_large', limit: Number.MAX_SAFE_INTEGER },
  });

/** A comma-separated id list in a query string (`team=1,2`). */
export const IdListField = z
  .string()
  .max(2000)
  .regex(/^\d+(,\d+)*$/, 'comma-separated ids')
  .refine((s) => s.split(',').every(isIdText), {
    message: `ids are 1 to ${Number.MAX_SAFE_INTEGER}`,
    params: { rule: 'too_large', limit: Number.MAX_SAFE_INTEGER },
  });

/** Whom a forecast or plan is for: 'company', 'team:ID' or 'rep:ID' with an id in range. */
export const ScopeField = z
  .string()
  .max(40)
  .regex(/^(company|team:\d+|rep:\d+)$/)
  .refine((s) => s === 'company' || isIdText(s.slice(s.indexOf(':') + 1)), {
    message: `ids are 1 to ${Number.MAX_SAFE_INTEGER}`,
    params: { rule: 'too_large', limit: Number.MAX_SAFE_INTEGER },
  })
  .describe("'company', 'team:ID' or 'rep:ID'");

/** Whether an ISO date or timestamp text starts with a year in PERIOD_YEARS. */
function inYears(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= PERIOD_YEARS.min && year <= PERIOD_YEARS.max;
}
const YEARS_REASON = {
  message: `years ${PERIOD_YEARS.min}-${PERIOD_YEARS.max} only`,
  params: { rule: 'year_range' },
};

/** A calendar date (YYYY-MM-DD) in the years reports cover; PostgreSQL has no year 0. */
export const LocalDateField = z.iso.date().refine(inYears, YEARS_REASON);

/** An ISO timestamp with offset, in the same years. */
export const InstantField = z.iso.datetime({ offset: true }).refine(inYears, YEARS_REASON);
