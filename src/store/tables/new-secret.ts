import { randomBytes } from 'node:crypto';

/** A new random secret (256 bits, base64url) with a recognisable prefix, e.g. for sessions or API tokens. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
