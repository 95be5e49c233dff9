/** Largest Monte Carlo seed (the API and CLI accept 0..2^31-1). */
export const MAX_SEED = 2 ** 31 - 1;

/** 32-bit FNV-1a over the UTF-16 code units of `text`: tiny, dependency-free, the same on every machine. */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The Monte Carlo seed used when none is given: a stable hash of the scope key, the period key and the local
 * as-of day (workspace time zone). A page reloaded during the day shows the same range; the next day's pipeline
 * gets a fresh draw.
 */
export function defaultSeed(scopeKey: string, periodKey: string, asOfDate: string): number {
  return fnv1a32(`${scopeKey}|${periodKey}|${asOfDate}`) & MAX_SEED;
}
