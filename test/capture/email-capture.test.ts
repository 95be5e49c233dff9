import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/capture/email/smtp-receiver.ts';
import type { EmailOutcome } from '../../src/store/queries/capture/log-email.ts';
import { saveCaptureSettings } from '../../src/store/tables/capture-settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

const CAPTURE = 'log@capture.acme.test';
const quiet = { info: () => undefined, warn: () => undefined };

describeStores('email capture over SMTP', (ctx) => {
  let receivers: SmtpReceiver[] = [];
  const outcomes: EmailOutcome[] = [];
  let repId = 0;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    repId = (await seedUser(ctx.db, { role: 'rep', email: 'rep@acme.test' })).id;
    await seedUser(ctx.db, { role: 'manager', email: 'boss@acme.test' });
    await saveCaptureSettings(ctx.db, { emailAddress: CAPTURE, allowedDomains: ['acme.test'] });
    // Two receivers on one store stand for two server processes behind one MX.
    const smtp = { enabled: true, host: '127.0.0.1', port: 0, maxBytes: 200_000 };
    receivers = [
      await startSmtpReceiver(ctx.db, smtp, quiet, (o) => outcomes.push(o)),
      await startSmtpReceiver(ctx.db, smtp, quiet, (o) => outcomes.push(o)),
    ];
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
  });

  const send = (message: SendMailOptions, receiver = 0) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: receivers[receiver]!.port, secure: false, ignoreTLS: true })
      .sendMail({ envelope: { from: message.from as string, to: [CAPTURE] }, ...message });

  const activitiesOf = (messageId: string) =>
    ctx.db
      .selectFrom('activities as a')
      .innerJoin('contacts as c', 'c.id', 'a.contact_id')
      .select([
        'a.type',
        'a.direction',
        'a.outcome',
        'a.user_id',
        'a.subject',
        'c.email',
        'c.name',
        'a.is_new_prospect',
      ])
      .where('a.external_id', 'like', `email:${messageId}:%`)
      .orderBy('c.email')
      .execute();

  it('logs a BCC to the capture address as an email to each outside recipient, attachments dropped', async () => {
    await send({
      from: 'Rita Rep <rep@acme.test>',
      to: 'Bea Buyer <bea@client.test>',
      cc: ['boss@acme.test', 'Cal Client <cal@client.test>'],
      subject: 'Proposal',
      text: 'Please find the proposal attached.',
      messageId: '<m1@acme.test>',
      attachments: [{ filename: 'proposal.pdf', content: Buffer.alloc(20_000, 7) }],
    });
    expect(await activitiesOf('m1@acme.test')).toEqual([
      {
        type: 'email',
        direction: 'outbound',
        outcome: 'sent',
        user_id: repId,
        subject: 'Proposal',
        email: 'bea@client.test',
        name: 'Bea Buyer',
        is_new_prospect: true,
      },
      {
        type: 'email',
        direction: 'outbound',
        outcome: 'sent',
        user_id: repId,
        subject: 'Proposal',
        email: 'cal@client.test',
        name: 'Cal Client',
        is_new_prospect: true,
      },
    ]);
    const stored = await ctx.db
      .selectFrom('capture_email_messages')
      .selectAll()
      .where('message_id', '=', 'm1@acme.test')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'logged', thread_key: 'm1@acme.test', user_id: repId });
    expect(stored.activity_ids).toHaveLength(2);
  });

  it('keeps the thread: a follow-up in the conversation carries the first message id as its key', async () => {
    await send({
      from: 'rep@acme.test',
      to: 'bea@client.test',
      subject: 'Re: Proposal',
      text: 'Any questions?',
      messageId: '<m2@acme.test>',
      inReplyTo: '<r1@client.test>',
      references: ['<m1@acme.test>', '<r1@client.test>'],
    });
    const row = await ctx.db
      .selectFrom('capture_email_messages')
      .select('thread_key')
      .where('message_id', '=', 'm2@acme.test')
      .executeTakeFirstOrThrow();
    expect(row.thread_key).toBe('m1@acme.test');
    expect((await activitiesOf('m2@acme.test'))[0]).toMatchObject({
      email: 'bea@client.test',
      is_new_prospect: false,
    });
  });

  it('logs a forwarded message as inbound from its original sender', async () => {
    await send({
      from: 'rep@acme.test',
      to: CAPTURE,
      subject: 'Fwd: Pricing question',
      text: 'FYI\n\n---------- Forwarded message ---------\nFrom: Dana Doe <dana@prospect.test>\nDate: Mon, 30 Nov 2026\nSubject: Pricing question\nTo: <rep@acme.test>\n\nHow much is it?',
      messageId: '<m3@acme.test>',
    });
    expect(await activitiesOf('m3@acme.test')).toEqual([
      {
        type: 'email',
        direction: 'inbound',
        outcome: 'replied',
        user_id: repId,
        subject: 'Fwd: Pricing question',
        email: 'dana@prospect.test',
        name: 'Dana Doe',
        is_new_prospect: false,
      },
    ]);
  });

  it('tells the rep when a message could not be matched', async () => {
    await send({
      from: 'rep@acme.test',
      to: ['boss@acme.test'],
      subject: 'Internal',
      text: 'lunch?',
      messageId: '<m4@acme.test>',
    });
    const alerts = await ctx.db
      .selectFrom('alerts')
      .selectAll()
      .where('kind', '=', 'capture_unmatched')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ owner_id: repId, lead_id: null });
    expect(alerts[0]!.details).toMatchObject({ messageId: 'm4@acme.test', subject: 'Internal' });
    const stored = await ctx.db
      .selectFrom('capture_email_messages')
      .selectAll()
      .where('message_id', '=', 'm4@acme.test')
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('unmatched');
  });

  it('logs a message once when it arrives twice, also at two processes at the same time', async () => {
    const message = {
      from: 'rep@acme.test',
      to: 'eve@client.test',
      subject: 'Twice',
      text: 'hello',
      messageId: '<m5@acme.test>',
    };
    const before = outcomes.length;
    await Promise.all([send(message, 0), send(message, 1)]);
    await send(message, 0);
    expect(await activitiesOf('m5@acme.test')).toHaveLength(1);
    expect(
      outcomes
        .slice(before)
        .map((o) => o.status)
        .sort(),
    ).toEqual(['duplicate', 'duplicate', 'logged']);
  });

  it('refuses senders outside the allowed domains, other mailboxes and messages over the size limit', async () => {
    await expect(
      send({ from: 'spam@elsewhere.test', to: 'x@client.test', text: 'buy', messageId: '<s1@x>' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      nodemailer
        .createTransport({ host: '127.0.0.1', port: receivers[0]!.port, secure: false, ignoreTLS: true })
        .sendMail({ from: 'rep@acme.test', to: 'other@capture.acme.test', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send({
        from: 'rep@acme.test',
        to: 'big@client.test',
        text: 'big',
        messageId: '<big@acme.test>',
        attachments: [{ filename: 'x.bin', content: Buffer.alloc(300_000, 1) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    const none = await ctx.db
      .selectFrom('capture_email_messages')
      .select('message_id')
      .where('message_id', 'in', ['s1@x', 'big@acme.test'])
      .execute();
    expect(none).toEqual([]);
  });
});
