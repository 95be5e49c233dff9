/** Retry policy for webhook deliveries: exponential back-off without jitter, so schedules are predictable. */
export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseDelayMs: number;
  /** Longest delay between two attempts. */
  maxDelayMs: number;
  /** Attempts before a delivery is marked failed for good. */
  maxAttempts: number;
}

/** 30 s, 1 m, 2 m, 4 m, 8 m, 16 m, 32 m between attempts; the 8th failure gives up (about 63 minutes in all). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
};

/** Delay before the next attempt after `failedAttempts` failures (1-based), or null when it is time to give up. */
export function nextRetryDelayMs(
  failedAttempts: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | null {
  if (failedAttempts >= policy.maxAttempts) return null;
  return Math.min(policy.baseDelayMs * 2 ** (failedAttempts - 1), policy.maxDelayMs);
}
