/** Every error a user can cause, in one list; the HTTP status for each lives in server/error-handler.ts. */
export const ErrorCodes = [
  'validation',
  'not_found',
  'unauthenticated',
  'forbidden',
  'csrf',
  'rate_limited',
  'conflict',
  'import_rejected',
  'unavailable',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

/**
 * The recurring reasons a detail can have, named so a client can say them in its reader's language (the web app
 * does; docs/security.md lists them). `reason` stays the English sentence for scripts and logs; a detail whose reason
 * is not one of these has no `rule`. `limit` and `allowed` carry the rule's parameter where it has one.
 */
export const ErrorRules = [
  /** Missing or empty. */
  'required',
  /** The wrong JSON type; `allowed` holds the expected one. */
  'invalid_type',
  'not_a_number',
  'not_whole_number',
  /** Not a date (or date and time) in the expected form. */
  'invalid_date',
  /** Outside the years reports cover (PERIOD_YEARS). */
  'year_range',
  'in_future',
  'invalid_email',
  'invalid_currency',
  /** Does not have the expected form (a pattern). */
  'invalid_format',
  /** Text longer than `limit` characters, or shorter. */
  'too_long',
  'too_short',
  /** A number (or date) above `limit`, or below. */
  'too_large',
  'too_small',
  /** A list with more than `limit` items, or fewer. */
  'too_many',
  'too_few',
  /** Not one of `allowed`. */
  'one_of',
  /** A field the request may not carry. */
  'unknown_field',
  /** The id or name matches no row. */
  'not_found',
  /** Already used by another row. */
  'duplicate',
  /** A row outside what the viewer may see or change. */
  'outside_scope',
] as const;
export type ErrorRule = (typeof ErrorRules)[number];

/** A problem located in user input: the row, field or parameter it concerns. */
export interface ErrorDetail {
  file?: string;
  line?: number;
  field?: string;
  value?: string;
  reason: string;
  rule?: ErrorRule;
  limit?: number | string;
  allowed?: string[];
}

/** An error caused by the user's request or data; internal invariants throw plain Errors instead. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Narrowing helper for exhaustive switches: a new union member fails type checking here. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`);
}
