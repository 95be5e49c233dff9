/** What a throttle counts: failed sign-ins per email / per IP, bad bearer tokens per IP, token creations. */
export type AuthFailureKind = 'email' | 'ip' | 'token_ip' | 'token_create';

/** How many events of a kind are allowed per key within a sliding window before requests get 429. */
export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * The limits, as data. Per email stops guessing one account's password; per IP (looser, since an office shares
 * one address) stops spraying many accounts; bad bearer tokens per IP stop token guessing; token creations per
 * admin stop a stolen session from minting tokens in bulk.
 */
export const THROTTLE_RULES: Record<AuthFailureKind, ThrottleRule> = {
  email: { limit: 5, windowMs: FIFTEEN_MINUTES },
  ip: { limit: 20, windowMs: FIFTEEN_MINUTES },
  token_ip: { limit: 20, windowMs: FIFTEEN_MINUTES },
  token_create: { limit: 20, windowMs: 60 * 60 * 1000 },
};

/**
 * Seconds until the throttle lifts, or null when the request may proceed: with `count` events in the window,
 * the oldest at `oldest`, the key is blocked until that oldest event leaves the window.
 */
export function retryAfterSeconds(
  rule: ThrottleRule,
  count: number,
  oldest: Date | null,
  now: Date,
): number | null {
  if (count < rule.limit || oldest === null) return null;
  const ms = oldest.getTime() + rule.windowMs - now.getTime();
  return Math.max(1, Math.ceil(ms / 1000));
}
