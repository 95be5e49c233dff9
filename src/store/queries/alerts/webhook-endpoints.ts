import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { toWebhookEndpoint, type WebhookEndpoint } from '../../tables/alerts.ts';

/** Every webhook endpoint (admin only; secrets are never returned). */
export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute();
  return rows.map(toWebhookEndpoint);
}

/** Adds an endpoint; deliveries start with the next alert. */
export async function createWebhookEndpoint(
  db: Db,
  input: { url: string; secret: string; description?: string | null; active?: boolean },
): Promise<WebhookEndpoint> {
  const row = await db
    .insertInto('webhook_endpoints')
    .values({
      url: input.url,
      secret: input.secret,
      description: input.description ?? null,
      active: input.active ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWebhookEndpoint(row);
}

/** Changes an endpoint's URL, secret, description or active flag. */
export async function updateWebhookEndpoint(
  db: Db,
  id: number,
  patch: { url?: string; secret?: string; description?: string | null; active?: boolean },
): Promise<WebhookEndpoint> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row)
    throw new AppError('not_found', `Webhook endpoint ${id} not found`, [
      { field: 'id', reason: 'no such endpoint', rule: 'not_found' },
    ]);
  return toWebhookEndpoint(row);
}

/** Removes an endpoint and its pending deliveries. */
export async function deleteWebhookEndpoint(db: Db, id: number): Promise<void> {
  const r = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) {
    throw new AppError('not_found', `Webhook endpoint ${id} not found`, [
      { field: 'id', reason: 'no such endpoint', rule: 'not_found' },
    ]);
  }
}
