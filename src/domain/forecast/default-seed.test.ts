import { describe, expect, it } from 'vitest';
import { defaultSeed, fnv1a32, MAX_SEED } from './default-seed.ts';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
});

describe('defaultSeed', () => {
  it('is the hash of scope|period|day with the top bit cleared', () => {
    expect(defaultSeed('company', '2026-Q4', '2026-11-29')).toBe(
      fnv1a32('company|2026-Q4|2026-11-29') & 0x7fffffff,
    );
  });

  it('gives the same seed all day and a different one for another day, scope or period', () => {
    const a = defaultSeed('team:3', '2026-Q4', '2026-11-29');
    expect(defaultSeed('team:3', '2026-Q4', '2026-11-29')).toBe(a);
    expect(defaultSeed('team:3', '2026-Q4', '2026-11-30')).not.toBe(a);
    expect(defaultSeed('team:4', '2026-Q4', '2026-11-29')).not.toBe(a);
    expect(defaultSeed('team:3', '2026-11', '2026-11-29')).not.toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThanOrEqual(MAX_SEED);
  });
});
