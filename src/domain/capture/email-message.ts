/** The parts of a received message email capture reads (from mailparser; attachments are never passed on). */
export interface ReceivedEmail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  from: Address | null;
  to: Address[];
  cc: Address[];
  subject: string | null;
  date: Date | null;
  /** Plain-text body, read only to find a forwarded message's original sender. */
  text: string | null;
}

export interface Address {
  address: string;
  name: string | null;
}

/** Who a captured message was exchanged with, and which way. */
export interface EmailCounterparts {
  direction: 'outbound' | 'inbound';
  people: Address[];
}

/**
 * The thread a message belongs to: the first id of its References (the conversation's root), else the message
 * it answers, else its own id. Every message of a conversation thus carries the same key.
 */
export function threadKey(
  m: Pick<ReceivedEmail, 'messageId' | 'inReplyTo' | 'references'>,
  fallback: string,
): string {
  return normalizeId(m.references[0] ?? m.inReplyTo ?? m.messageId ?? fallback);
}

/** '<abc@host>' and 'abc@host' are the same id. */
export function normalizeId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase();
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The outside people of a message a rep sent (To and Cc, minus the capture address, colleagues and anyone in the
 * company's domains): an outbound email to each. A message forwarded to the capture address has none of those;
 * its original sender, read from the forwarded header block in the body, is the person, and the email was
 * inbound. Nobody found: the message cannot be logged.
 */
export function counterparts(
  m: ReceivedEmail,
  captureAddress: string,
  isColleague: (address: string) => boolean,
  companyDomains: readonly string[],
): EmailCounterparts {
  const outside = (a: Address) => {
    const address = a.address.toLowerCase();
    return address !== captureAddress && !isColleague(address) && !companyDomains.includes(domainOf(address));
  };
  const seen = new Set<string>();
  const people = [...m.to, ...m.cc].filter((a) => {
    const key = a.address.toLowerCase();
    if (!outside(a) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (people.length > 0) return { direction: 'outbound', people };
  const forwarded = forwardedSender(m.text ?? '');
  if (forwarded && outside(forwarded)) return { direction: 'inbound', people: [forwarded] };
  return { direction: 'outbound', people: [] };
}

const FORWARD_MARKER =
  /^[\s>]*(-{2,}\s*(Forwarded message|Original Message)\s*-{2,}|Begin forwarded message:)/im;
const FROM_LINE = /^[\s>]*From:\s*(?:"?([^"<\n]*?)"?\s*)?<?([^\s<>@]+@[^\s<>]+?)>?\s*$/im;

/** The original sender of a forwarded message, from the header block mail clients quote ('From: Ann <a@x.com>'). */
export function forwardedSender(text: string): Address | null {
  const marker = FORWARD_MARKER.exec(text);
  if (!marker) return null;
  const m = FROM_LINE.exec(text.slice(marker.index));
  if (!m?.[2]) return null;
  const name = m[1]?.trim() || null;
  return { address: m[2].toLowerCase(), name };
}
