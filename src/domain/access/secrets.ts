import { createHash, timingSafeEqual } from 'node:crypto';

// Deterministic functions of their inputs (hashing and comparing are computation, not I/O); minting a secret
// draws randomness, so newSecret lives with the tables that store secrets (src/store/tables/new-secret.ts).

/**
 * SHA-256 hex of a secret. Secrets are 256-bit random values, so a fast unsalted hash is enough: there is
 * nothing to brute-force, and the database never holds a value that would work as a credential.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string comparison (for CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Prefixes so a leaked secret can be recognised by secret scanners and support staff. */
export const SESSION_PREFIX = 'pss_';
export const API_TOKEN_PREFIX = 'pst_';
