import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export const SIGNATURE_HEADER = 'X-Pacesetter-Signature';
/** Header carrying the Unix time in seconds that was signed; receivers should reject stale values (replays). */
export const TIMESTAMP_HEADER = 'X-Pacesetter-Timestamp';

/** Computes the signature header value for a body sent at `timestampSeconds`. */
export function signPayload(secret: string, timestampSeconds: number, body: string): string {
  const hex = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `sha256=${hex}`;
}

/** Checks a received signature in constant time (what a receiver does; also used by our tests). */
export function verifySignature(
  secret: string,
  timestampSeconds: number,
  body: string,
  header: string,
): boolean {
  const expected = Buffer.from(signPayload(secret, timestampSeconds, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
