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

/** A problem located in user input: the row, field or parameter it concerns. */
export interface ErrorDetail {
  file?: string;
  line?: number;
  field?: string;
  value?: string;
  reason: string;
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
