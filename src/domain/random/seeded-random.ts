/** A seeded pseudo-random source: the same seed gives the same sequence on every machine. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /**
   * Writes the next `out.length` values of next() into `out`, in order: the same sequence as calling next() that
   * many times, without a call per value (Monte Carlo's inner loop reads millions of them).
   */
  fill(out: Float64Array): void;
}

/** The derived draws (int, normal, pick, chance) over a uniform source, so every source derives them alike. */
function fromUniform(next: () => number, fill: (out: Float64Array) => void): Random {
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    chance: (p) => next() < p,
    fill,
  };
}

/** Creates a Random from a 32-bit seed (mulberry32: fast, small state, good enough for simulation and demo data). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // The same steps as next(), with the state in a local for the whole block.
  const fill = (out: Float64Array) => {
    let s = state;
    for (let i = 0; i < out.length; i++) {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    state = s;
  };
  return fromUniform(next, fill);
}

/**
 * Draws of `source` read ahead a block at a time: `buffer[pos]` is the next draw while `pos < buffer.length`
 * (call refill() when it is not). Whoever reads through it sees exactly the source's sequence; the source itself
 * is then ahead by the unread rest of the block, so it must not be used directly while the block is in use.
 */
export class DrawBlock {
  readonly buffer: Float64Array;
  pos: number;
  /** A Random reading the same sequence through this block (for the rarer derived draws). */
  readonly random: Random;
  private readonly source: Random;
  constructor(source: Random, size = 4096) {
    this.source = source;
    this.buffer = new Float64Array(size);
    this.pos = size;
    const next = () => {
      if (this.pos === this.buffer.length) this.refill();
      return this.buffer[this.pos++] as number;
    };
    this.random = fromUniform(next, (out) => {
      for (let i = 0; i < out.length; i++) out[i] = next();
    });
  }

  refill(): void {
    this.source.fill(this.buffer);
    this.pos = 0;
  }
}
