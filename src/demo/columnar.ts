import { copyLine } from '../store/bulk/copy-text.ts';

// Building blocks for the demo's column-wise tables (activities, contacts, accounts): at the 200-rep size they
// hold millions of rows until the end of the simulation, and one object per row (with a Date and two strings)
// cost several times the bytes of a few typed-array slots.

/** Interns the few distinct strings of a column (types, names, subjects) as small codes; code 0 is null. */
export class Vocabulary {
  private readonly codes = new Map<string, number>();
  readonly words: (string | null)[] = [null];

  code(word: string | null): number {
    if (word === null) return 0;
    let c = this.codes.get(word);
    if (c === undefined) {
      c = this.words.length;
      if (c > 0xffff) throw new Error('more than 65,535 distinct values in a demo column');
      this.codes.set(word, c);
      this.words.push(word);
    }
    return c;
  }

  /** Each word as a COPY text field (null as \N), encoded once by the shared encoder so escaping stays in one place. */
  copyFields(): string[] {
    return this.words.map((w) => copyLine('demo', ['v'], ['text'], [w], 0).slice(0, -1));
  }
}

type NumberArray = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** A typed array that doubles as it fills: one column of a column-wise table. */
export class Column<A extends NumberArray> {
  data: A;
  length = 0;
  private readonly make: (capacity: number) => A;

  constructor(make: (capacity: number) => A) {
    this.make = make;
    this.data = make(1 << 12);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const wider = this.make(this.data.length * 2);
      wider.set(this.data);
      this.data = wider;
    }
    this.data[this.length] = v;
    this.length += 1;
  }
}

const DAY_MS = 86_400_000;
const dayPrefixes = new Map<number, string>();
const clock: string[] = Array.from(
  { length: 1440 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`,
);

/**
 * Date.prototype.toISOString of an epoch-ms instant (what the generic COPY encoder writes for a Date), from a
 * per-day prefix and a per-minute clock string: the simulation's instants are whole minutes.
 */
export function isoInstant(ms: number): string {
  if (ms % 60_000 !== 0) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return prefix + clock[(ms - day * DAY_MS) / 60_000];
}
