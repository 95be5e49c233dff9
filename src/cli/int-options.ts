import { idFromText, wholeFromText } from '../domain/id-text.ts';
import { AppError } from '../errors.ts';

/*
 * The two kinds of whole number the commands take, each parsed one strict way: ids, spelled as the
 * API's IdField takes them (src/domain/id-text.ts), and counts (limits, periods, seeds, sizes), digits only in a
 * range. `option` is what the user typed it as ('--team', '<id>'); the error names it and the value, quoted so a
 * stray space shows.
 */

/** An id argument or flag value, or a validation error naming the option and the value. */
export function idArg(value: string, option: string): number {
  const n = idFromText(value);
  if (n === null)
    throw new AppError('validation', `${option} ${JSON.stringify(value)} is not an id`, [
      {
        field: option,
        value,
        reason: `expected an id: digits from 1 to ${Number.MAX_SAFE_INTEGER}, no sign, spaces or leading zeros`,
      },
    ]);
  return n;
}

/** idArg for an optional flag: undefined when not given. */
export function optionalId(value: string | undefined, option: string): number | undefined {
  return value === undefined ? undefined : idArg(value, option);
}

/** The bounds of a count, inclusive; by default 1 .. 2^53 - 1. */
export interface CountRange {
  min?: number;
  max?: number;
}

/** A whole-number count from `min` to `max`, or a validation error naming the option and the value. */
export function countArg(value: string, option: string, range: CountRange = {}): number {
  const min = range.min ?? 1;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const n = wholeFromText(value);
  if (n === null || n < min || n > max)
    throw new AppError(
      'validation',
      `${option} ${JSON.stringify(value)} is not a whole number from ${min} to ${max}`,
      [{ field: option, value, reason: `expected digits only, from ${min} to ${max}` }],
    );
  return n;
}

/** countArg for an optional flag: undefined when not given. */
export function optionalCount(
  value: string | undefined,
  option: string,
  range: CountRange = {},
): number | undefined {
  return value === undefined ? undefined : countArg(value, option, range);
}
