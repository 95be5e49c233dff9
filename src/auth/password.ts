import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~30 ms per hash on one core, slow enough to make
// offline guessing expensive and fast enough that sign-in stays snappy. The PHC string records the
// parameters, so raising them later keeps old hashes verifiable.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export { MIN_PASSWORD_LENGTH } from './password-length.ts';

/** Hashes a password with argon2id; the result is a self-describing PHC string. */
export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

/** True when `plain` matches the stored hash; false for a malformed hash instead of throwing. */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for sign-ins with an unknown email, so response time does
 * not reveal which emails have accounts.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hashPassword('pacesetter-dummy-password-for-timing');
  await verifyPassword(await dummyHash, plain);
  return false;
}
