/*
 * How an id is spelled wherever a person types one (API paths and query strings, CLI arguments): ASCII digits
 * without a leading zero, and a value JavaScript holds exactly (1 .. 2^53 - 1; rows are keyed by PostgreSQL
 * bigint but read into numbers). One spelling per row: '01', '+1', ' 1', '1e3', '0x10', full-width digits and
 * '1%00' are no ids, so ids cannot be probed by variants and nothing past a bigint reaches PostgreSQL.
 */

/** The digits of an id: no sign, space, exponent, leading zero; at most 16 digits (the range check follows). */
export const ID_TEXT = /^[1-9]\d{0,15}$/;

/** The id spelled by `text`, or null when it is not exactly one id's spelling. */
export function idFromText(text: string): number | null {
  if (!ID_TEXT.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/** A whole number >= 0 as typed: ASCII digits, no sign, space, exponent or leading zero ('0' itself is fine). */
export function wholeFromText(text: string): number | null {
  if (!/^(0|[1-9]\d{0,15})$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
