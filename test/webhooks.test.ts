import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { claimDueDeliveries, enqueueDeliveries } from '../src/store/queries/alerts/deliveries.ts';
import { createWebhookEndpoint } from '../src/store/queries/alerts/webhook-endpoints.ts';
import { dispatchWebhooks } from '../src/webhooks/dispatch.ts';
import { verifySignature } from '../src/webhooks/signature.ts';
import { nextRetryDelayMs } from '../src/webhooks/backoff.ts';
import { describeStores, truncateAll } from './support/stores.ts';

interface Received {
  body: string;
  headers: IncomingMessage['headers'];
}

/** A local receiver that answers 500 to the first `failFirst` requests, then 204. */
function startReceiver(failFirst: number): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.statusCode = received.length <= failFirst ? 500 : 204;
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ server, url: `http://127.0.0.1:${port}/hook`, received });
    });
  });
}

/** Queues one delivery per active endpoint, as an alert transaction would. */
async function enqueue(db: Parameters<typeof claimDueDeliveries>[0], body: string, now: Date) {
  return db
    .transaction()
    .execute((tx) => enqueueDeliveries(tx, 'alert.raised', [{ alertId: null, body }], now));
}

it('back-off doubles from 30 s and gives up after the 8th attempt', () => {
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => nextRetryDelayMs(n))).toEqual([
    30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000,
  ]);
  expect(nextRetryDelayMs(8)).toBeNull();
  expect(nextRetryDelayMs(3, { baseDelayMs: 1000, maxDelayMs: 2500, maxAttempts: 10 })).toBe(2500);
});

describeStores('webhook delivery', (ctx) => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver(2);
  });
  afterAll(async () => {
    await new Promise((r) => receiver.server.close(r));
  });
  beforeEach(async () => {
    await truncateAll(ctx.db);
    receiver.received.length = 0;
  });

  it('retries a failing receiver on the back-off schedule with a valid signature each time', async () => {
    await createWebhookEndpoint(ctx.db, { url: receiver.url, secret: 's3cret' });
    const t0 = new Date('2026-11-23T10:00:00.000Z');
    const body = JSON.stringify({ event: 'alert.raised', alert: { id: 1 } });
    expect(await enqueue(ctx.db, body, t0)).toBe(1);

    expect(await dispatchWebhooks(ctx.db, t0)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let row = await ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_status_code).toBe(500);
    expect(row.next_attempt_at.toISOString()).toBe('2026-11-23T10:00:30.000Z');

    // Not due yet: nothing is sent.
    expect(await dispatchWebhooks(ctx.db, new Date('2026-11-23T10:00:29.000Z'))).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
    expect(receiver.received).toHaveLength(1);

    const t1 = new Date('2026-11-23T10:00:30.000Z');
    expect(await dispatchWebhooks(ctx.db, t1)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    row = await ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.next_attempt_at.toISOString()).toBe('2026-11-23T10:01:30.000Z');

    const t2 = new Date('2026-11-23T10:01:30.000Z');
    expect(await dispatchWebhooks(ctx.db, t2)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    row = await ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('delivered');
    expect(row.attempts).toBe(3);
    expect(row.last_status_code).toBe(204);
    expect(row.delivered_at?.toISOString()).toBe(t2.toISOString());

    expect(receiver.received).toHaveLength(3);
    const times = [t0, t1, t2].map((t) => String(t.getTime() / 1000));
    receiver.received.forEach((r, i) => {
      expect(r.body).toBe(body);
      expect(r.headers['x-pacesetter-timestamp']).toBe(times[i]);
      const sig = String(r.headers['x-pacesetter-signature']);
      expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifySignature('s3cret', Number(times[i]), body, sig)).toBe(true);
      expect(verifySignature('wrong', Number(times[i]), body, sig)).toBe(false);
    });

    // Delivered rows are never sent again.
    expect(await dispatchWebhooks(ctx.db, new Date('2026-11-23T12:00:00.000Z'))).toEqual({
      delivered: 0,
      retrying: 0,
      failed: 0,
    });
  });

  it('marks a delivery failed after the maximum attempts and records the network error', async () => {
    // Port 9 on localhost is closed: every attempt is a connection error.
    await createWebhookEndpoint(ctx.db, { url: 'http://127.0.0.1:9/hook', secret: 'x' });
    const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 3 };
    let t = new Date('2026-11-23T10:00:00.000Z');
    await enqueue(ctx.db, '{}', t);
    const results = [];
    for (let i = 0; i < 3; i++) {
      results.push(await dispatchWebhooks(ctx.db, t, { policy }));
      const row = await ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
      t = row.next_attempt_at;
    }
    expect(results.map((r) => [r.retrying, r.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const row = await ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.last_status_code).toBeNull();
    expect(row.last_error).toBeTruthy();
    // 1 s then 2 s after the first attempt at 10:00:00.
    expect(row.last_attempt_at?.toISOString()).toBe('2026-11-23T10:00:03.000Z');
  });

  it('a claimed delivery is invisible to a second dispatcher until its lease ends', async () => {
    await createWebhookEndpoint(ctx.db, { url: receiver.url, secret: 's' });
    await createWebhookEndpoint(ctx.db, { url: receiver.url, secret: 's', active: false });
    const t0 = new Date('2026-11-23T10:00:00.000Z');
    // Only the active endpoint gets a delivery.
    expect(await enqueue(ctx.db, '{"a":1}', t0)).toBe(1);
    const first = await claimDueDeliveries(ctx.db, t0, 10, 60_000);
    const second = await claimDueDeliveries(ctx.db, t0, 10, 60_000);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    const afterLease = await claimDueDeliveries(ctx.db, new Date(t0.getTime() + 60_000), 10, 60_000);
    expect(afterLease.map((d) => d.id)).toEqual(first.map((d) => d.id));
  });
});
