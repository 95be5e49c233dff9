/**
 * Wraps a Latin code (a period key like 2026-Q4, a currency) in Unicode's first-strong isolate, FSI ... PDI:
 * the plain-text form of <bdi>, for a value inside a translated sentence that t() returns as a string. Without
 * it a right-to-left sentence reorders the code's parts ("Q4-2026" in Hebrew); in a left-to-right one it is
 * invisible.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`;
}
