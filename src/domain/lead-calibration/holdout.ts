/**
 * Whether a lead belongs to the hold-out sample: a fixed share of leads chosen by a hash of the lead id, so the
 * split is the same on every run and does not follow creation order (ids grow with time; taking every fifth id
 * would be fine, but a hash also avoids lining up with any periodic pattern in how leads were imported).
 */
export function inHoldout(leadId: number, share = 0.25): boolean {
  if (!(share > 0 && share < 1)) throw new Error('inHoldout: share must be between 0 and 1');
  return hashToUnit(leadId) < share;
}

/** A 32-bit integer mix (Murmur3's finaliser) of the id, mapped to [0, 1). */
function hashToUnit(id: number): number {
  let h = (id | 0) ^ Math.floor(id / 2 ** 32);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
