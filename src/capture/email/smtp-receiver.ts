import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Address, ReceivedEmail } from '../../domain/capture/email-message.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../store/db.ts';
import { logEmail, type EmailOutcome } from '../../store/queries/capture/log-email.ts';
import { getCaptureSettings } from '../../store/tables/capture-settings.ts';

/** Where the receiver reports what it did (the server's logger, or a test's spy). */
export interface ReceiverLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/**
 * The built-in SMTP receiver for email capture (docs/capture.md, "Email"): accepts mail for the workspace's
 * capture address from senders in the allowed domains, refuses anything larger than config.smtp.maxBytes, and
 * logs each message through logEmail. Attachments are parsed away and never stored. No AUTH or STARTTLS: run it
 * behind the company's mail server (which forwards to it) or on a private network.
 */
export async function startSmtpReceiver(
  db: Db,
  smtp: Config['smtp'],
  log: ReceiverLog,
  onLogged?: (outcome: EmailOutcome) => void,
): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    name: 'pacesetter',
    banner: 'Pacesetter email capture',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: smtp.maxBytes,
    logger: false,
    onMailFrom(address, _session, callback) {
      getCaptureSettings(db).then(
        (settings) => {
          const domain = address.address.slice(address.address.lastIndexOf('@') + 1).toLowerCase();
          if (!settings.allowedDomains.includes(domain))
            return callback(smtpError(550, `5.7.1 Senders in ${domain} may not use email capture`));
          callback();
        },
        (err: Error) => callback(smtpError(451, `4.3.0 ${err.message}`)),
      );
    },
    onRcptTo(address, _session, callback) {
      getCaptureSettings(db).then(
        (settings) => {
          if (settings.emailAddress === null || address.address.toLowerCase() !== settings.emailAddress)
            return callback(smtpError(550, '5.1.1 No such mailbox'));
          callback();
        },
        (err: Error) => callback(smtpError(451, `4.3.0 ${err.message}`)),
      );
    },
    onData(stream: SMTPServerDataStream, _session, callback) {
      receive(db, stream)
        .then((outcome) => {
          if (stream.sizeExceeded)
            return callback(smtpError(552, `5.3.4 Message larger than ${smtp.maxBytes} bytes`));
          if (outcome) {
            log.info({ outcome }, 'email capture');
            onLogged?.(outcome);
          }
          callback();
        })
        .catch((err: Error) => {
          log.warn({ err: err.message }, 'email capture failed; the sender will retry');
          callback(smtpError(451, '4.3.0 Could not log the message now, try again later'));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(smtp.port, smtp.host, () => resolve());
  });
  server.on('error', (err) => log.warn({ err: err.message }, 'smtp receiver error'));
  const address = server.server.address();
  return {
    port: address !== null && typeof address === 'object' ? address.port : smtp.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Parses and logs one message; null when it was cut off for its size (nothing is logged then). */
async function receive(db: Db, stream: SMTPServerDataStream): Promise<EmailOutcome | null> {
  const parsed = await simpleParser(stream, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  if (stream.sizeExceeded) return null;
  return logEmail(db, toReceived(parsed), await getCaptureSettings(db));
}

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((o) =>
    o.value.flatMap((a) => (a.address ? [{ address: a.address.toLowerCase(), name: a.name || null }] : [])),
  );
}

function toReceived(m: ParsedMail): ReceivedEmail {
  const refs = m.references === undefined ? [] : Array.isArray(m.references) ? m.references : [m.references];
  return {
    messageId: m.messageId ?? null,
    inReplyTo: m.inReplyTo ?? null,
    references: refs,
    from: addresses(m.from)[0] ?? null,
    to: addresses(m.to),
    cc: addresses(m.cc),
    subject: m.subject ?? null,
    date: m.date ?? null,
    text: m.text ?? null,
  };
}
