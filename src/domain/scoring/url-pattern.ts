/**
 * URL patterns of engagement rules: a glob where `*` stands for any text (also none) and everything else is
 * literal, matched against the whole URL without regard to letter case. `*\/pricing*` matches
 * `https://example.com/pricing?plan=pro`. The store turns the same pattern into an ILIKE pattern.
 */
export function urlPatternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

/** The pattern as an ILIKE pattern (escape character `\`): `%` and `_` in the pattern are literal. */
export function urlPatternToLike(pattern: string): string {
  return pattern.replace(/[\\%_]/g, '\\$&').replace(/\*/g, '%');
}

export function urlMatches(pattern: string, url: string | null): boolean {
  return url !== null && urlPatternToRegExp(pattern).test(url);
}
