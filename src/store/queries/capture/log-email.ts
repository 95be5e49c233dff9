import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import type { CapturedActivity } from '../../../domain/capture/captured-activity.ts';
import {
  counterparts,
  normalizeId,
  threadKey,
  type ReceivedEmail,
} from '../../../domain/capture/email-message.ts';
import type { Db } from '../../db.ts';
import type { CaptureSettings } from '../../tables/capture-settings.ts';
import { logActivities } from './log-activities.ts';

/** What became of one received message. */
export type EmailOutcome =
  | { status: 'logged'; activityIds: number[]; threadKey: string }
  | { status: 'unmatched'; reason: string; alerted: boolean }
  | { status: 'duplicate' };

/**
 * Logs one message BCC'd or forwarded to the capture address as email activities of the rep who sent it (one per
 * outside person, contacts created as needed), in one transaction. The message's row in capture_email_messages is
 * the claim: when several server processes receive the same message, the first insert wins and the others wait
 * for its commit and then find the message taken (status 'duplicate'). A message that cannot be matched (sender
 * is no rep, no outside person in it) is recorded as such and, when the sender is a rep, raises a
 * capture_unmatched alert so the rep learns it was not logged.
 */
export async function logEmail(
  db: Db,
  message: ReceivedEmail,
  settings: CaptureSettings,
  now: Date = new Date(),
): Promise<EmailOutcome> {
  const captureAddress = settings.emailAddress ?? '';
  // A message without a Message-ID is keyed by its content, so a client's retry is still recognised.
  const fallback = `sha1:${createHash('sha1')
    .update(
      JSON.stringify([message.from?.address, message.date?.toISOString(), message.subject, message.text]),
    )
    .digest('hex')}`;
  const messageId = message.messageId ? normalizeId(message.messageId) : fallback;
  const thread = threadKey(message, fallback);
  const sender = message.from?.address.toLowerCase() ?? '';
  return db.transaction().execute(async (tx) => {
    const rep = await tx
      .selectFrom('users')
      .select('id')
      .where(sql<string>`lower(email)`, '=', sender)
      .where('active', '=', true)
      .executeTakeFirst();
    const claimed = await tx
      .insertInto('capture_email_messages')
      .values({
        message_id: messageId,
        thread_key: thread,
        sender,
        user_id: rep?.id ?? null,
        subject: message.subject?.slice(0, 500) ?? null,
        status: 'unmatched',
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (!claimed) return { status: 'duplicate' as const };
    const unmatched = async (reason: string) => {
      await tx
        .updateTable('capture_email_messages')
        .set({ reason })
        .where('message_id', '=', messageId)
        .execute();
      if (rep)
        await tx
          .insertInto('alerts')
          .values({
            kind: 'capture_unmatched',
            lead_id: null,
            owner_id: rep.id,
            manager_id: null,
            due_at: now,
            raised_at: now,
            details: JSON.stringify({ messageId, subject: message.subject, reason }),
          })
          .execute();
      return { status: 'unmatched' as const, reason, alerted: rep !== undefined };
    };
    if (!rep) return unmatched(`the sender ${sender || '(none)'} is not an active user`);
    const colleagues = new Set(
      (
        await tx
          .selectFrom('users')
          .select(sql<string>`lower(email)`.as('email'))
          .execute()
      ).map((u) => u.email),
    );
    const { direction, people } = counterparts(
      message,
      captureAddress,
      (a) => colleagues.has(a),
      settings.allowedDomains,
    );
    if (people.length === 0)
      return unmatched('no outside recipient, and no forwarded sender found in the message');
    // A Date header in the future (a wrong clock) is logged at receipt.
    const at = message.date && message.date.getTime() <= now.getTime() ? message.date : now;
    const items: CapturedActivity[] = people.map((p) => ({
      externalId: `email:${messageId}:${p.address.toLowerCase()}`,
      type: 'email',
      direction,
      outcome: direction === 'outbound' ? 'sent' : 'replied',
      durationSeconds: null,
      occurredAt: at,
      subject: message.subject?.slice(0, 500) ?? null,
      user: { id: rep.id },
      contact: { email: p.address, name: p.name },
      leadId: null,
      opportunityId: null,
      accountId: null,
    }));
    const result = await logActivities(
      tx,
      SYSTEM_VIEWER,
      items,
      (i) => `recipients[${i}].`,
      {
        createContacts: true,
        channel: 'email',
        loggedVia: 'email',
      },
      now,
    );
    const activityIds = result.activities.map((a) => a.id);
    await tx
      .updateTable('capture_email_messages')
      .set({ status: 'logged', activity_ids: activityIds })
      .where('message_id', '=', messageId)
      .execute();
    return { status: 'logged' as const, activityIds, threadKey: thread };
  });
}
