import { describe, expect, it } from 'vitest';
import { DrawBlock, seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
  it('repeats the same sequence for a seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });
  it('int stays within bounds and hits both ends', () => {
    const r = seededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});

describe('fill and DrawBlock', () => {
  it('fill gives the values next() would have, and continues the sequence after them', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    const block = new Float64Array(1000);
    a.fill(block);
    expect(Array.from(block)).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(a.next()).toBe(b.next());
  });
  it('a DrawBlock read across refills, directly and through its Random, is the source sequence', () => {
    const d = new DrawBlock(seededRandom(5), 7);
    const ref = seededRandom(5);
    const seen: number[] = [];
    const want: number[] = [];
    for (let i = 0; i < 40; i++) {
      if (i % 3 === 0) {
        seen.push(d.random.normal());
        want.push(ref.normal());
      } else {
        if (d.pos === d.buffer.length) d.refill();
        seen.push(d.buffer[d.pos++] as number);
        want.push(ref.next());
      }
    }
    expect(seen).toEqual(want);
  });
});
