import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import type { Database } from '../../schema.ts';

/** A delivery claimed for one attempt, with what is needed to send it. */
export interface ClaimedDelivery {
  id: number;
  endpointId: number;
  url: string;
  secret: string;
  event: string;
  body: string;
  /** Attempts made before this one. */
  attempts: number;
}

/**
 * Queues one delivery per active endpoint for each event, due now, in one statement per 1,000 events. Must run in
 * the transaction that created the events (the outbox pattern), so an event is never stored without its
 * deliveries or the other way round. Returns the number of deliveries queued.
 */
export async function enqueueDeliveries(
  tx: Transaction<Database>,
  event: string,
  items: ReadonlyArray<{ alertId: number | null; body: string }>,
  now: Date,
): Promise<number> {
  let queued = 0;
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const r = await sql`
      insert into webhook_deliveries (endpoint_id, event, alert_id, body, next_attempt_at)
      select e.id, ${event}, v.alert_id, v.body, ${now.toISOString()}::timestamptz
      from webhook_endpoints e
      cross join unnest(${sql.val(chunk.map((c) => c.alertId))}::bigint[], ${sql.val(chunk.map((c) => c.body))}::text[])
        as v(alert_id, body)
      where e.active
      on conflict (endpoint_id, alert_id) do nothing`.execute(tx);
    queued += Number(r.numAffectedRows ?? 0);
  }
  return queued;
}

/**
 * Claims up to `limit` due deliveries with FOR UPDATE SKIP LOCKED and pushes their next attempt `leaseMs` ahead,
 * so a second dispatcher (another process) skips them now and only retries them if this one dies mid-send.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select(['d.id', 'd.endpoint_id', 'e.url', 'e.secret', 'd.event', 'd.body', 'd.attempts'])
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where('e.active', '=', true)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(limit)
      .forUpdate('d')
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await tx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      url: r.url,
      secret: r.secret,
      event: r.event,
      body: r.body,
      attempts: r.attempts,
    }));
  });
}

/** What happened to one attempt, and when to try again (null = never). */
export interface AttemptOutcome {
  at: Date;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  retryAt: Date | null;
}

/** Records an attempt: delivered, scheduled for retry, or failed for good. */
export async function recordAttempt(db: Db, deliveryId: number, outcome: AttemptOutcome): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_attempt_at: outcome.at,
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
      status: outcome.delivered ? 'delivered' : outcome.retryAt ? 'pending' : 'failed',
      delivered_at: outcome.delivered ? outcome.at : null,
      next_attempt_at: outcome.retryAt ?? outcome.at,
    }))
    .where('id', '=', deliveryId)
    .execute();
}

/** Delivery rows for an alert (for the API and tests). */
export async function listDeliveries(db: Db, alertId: number) {
  return db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'endpoint_id',
      'event',
      'status',
      'attempts',
      'next_attempt_at',
      'last_attempt_at',
      'last_status_code',
      'last_error',
      'delivered_at',
    ])
    .where('alert_id', '=', alertId)
    .orderBy('id')
    .execute();
}
