import type { Db } from '../store/db.ts';
import { claimDueDeliveries, recordAttempt } from '../store/queries/alerts/deliveries.ts';
import { DEFAULT_RETRY_POLICY, nextRetryDelayMs, type RetryPolicy } from './backoff.ts';
import { fetchSender, type WebhookSender } from './sender.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signPayload } from './signature.ts';

/** Knobs for one dispatch pass; everything has a default. */
export interface DispatchOptions {
  send?: WebhookSender;
  policy?: RetryPolicy;
  /** Deliveries claimed per pass. */
  batchSize?: number;
  /** How long a claimed delivery stays invisible to other dispatchers. */
  leaseMs?: number;
}

/** Counts from one pass, for the job log. */
export interface DispatchSummary {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every due delivery once: signs `${timestamp}.${body}` with the endpoint's secret, and on a non-2xx answer
 * or a network error schedules the next attempt by the retry policy (or marks the delivery failed).
 * `now` is the clock: tests pass it explicitly instead of sleeping.
 */
export async function dispatchWebhooks(
  db: Db,
  now: Date,
  opts: DispatchOptions = {},
): Promise<DispatchSummary> {
  const send = opts.send ?? fetchSender;
  const policy = opts.policy ?? DEFAULT_RETRY_POLICY;
  const claimed = await claimDueDeliveries(db, now, opts.batchSize ?? 20, opts.leaseMs ?? 60_000);
  const summary: DispatchSummary = { delivered: 0, retrying: 0, failed: 0 };
  const timestamp = Math.floor(now.getTime() / 1000);
  // Sent in parallel: jobs run inside the runner's lock transaction, which on PGlite holds the only connection, so
  // a pass must take one timeout at most, not one per dead endpoint.
  const results = await Promise.all(
    claimed.map((d) =>
      send(
        d.url,
        {
          'Content-Type': 'application/json',
          'User-Agent': 'Pacesetter-Webhooks/1',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signPayload(d.secret, timestamp, d.body),
          'X-Pacesetter-Event': d.event,
          'X-Pacesetter-Delivery': String(d.id),
        },
        d.body,
      ),
    ),
  );
  for (const [i, d] of claimed.entries()) {
    const result = results[i]!;
    const delivered = result.status !== null && result.status >= 200 && result.status < 300;
    const delay = delivered ? null : nextRetryDelayMs(d.attempts + 1, policy);
    await recordAttempt(db, d.id, {
      at: now,
      statusCode: result.status,
      error: delivered ? null : (result.error ?? `HTTP ${result.status}`),
      delivered,
      retryAt: delay === null ? null : new Date(now.getTime() + delay),
    });
    if (delivered) summary.delivered += 1;
    else if (delay === null) summary.failed += 1;
    else summary.retrying += 1;
  }
  return summary;
}
