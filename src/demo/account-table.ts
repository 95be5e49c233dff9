import { Column, isoInstant, Vocabulary } from './columnar.ts';

/** An account row as written, keyed by ACCOUNT_COLUMNS (for the INSERT path and tests). */
export interface AccountRow {
  id: number;
  name: string;
  industry: string;
  owner_id: number;
  created_at: Date;
}

/**
 * The demo's accounts held column-wise (names and industries interned, about 18 bytes an account): the 200-rep
 * demo creates 325,000 of them, all held to the end. Ids are positions + 1.
 */
export class AccountTable {
  private readonly names = new Vocabulary();
  private readonly industries = new Vocabulary();
  private readonly name = new Column((n) => new Uint16Array(n));
  private readonly industry = new Column((n) => new Uint16Array(n));
  private readonly owner = new Column((n) => new Int32Array(n));
  private readonly created = new Column((n) => new Float64Array(n));

  get length(): number {
    return this.name.length;
  }

  /** Adds an account; returns its id. */
  add(a: { name: string; industry: string; ownerId: number; createdAt: number }): number {
    this.name.push(this.names.code(a.name));
    this.industry.push(this.industries.code(a.industry));
    this.owner.push(a.ownerId);
    this.created.push(a.createdAt);
    return this.name.length;
  }

  /** The account's name, or undefined when there is no such account. */
  nameOf(id: number): string | undefined {
    if (id < 1 || id > this.length) return undefined;
    return this.names.words[this.name.data[id - 1] as number] as string;
  }

  rename(id: number, name: string): void {
    if (id >= 1 && id <= this.length) this.name.data[id - 1] = this.names.code(name);
  }

  /** The rows as COPY text lines in ACCOUNT_COLUMNS order: exactly what copyLine writes for rows(). */
  *copyLines(): Generator<string> {
    const names = this.names.copyFields();
    const industries = this.industries.copyFields();
    for (let i = 0; i < this.length; i += 1) {
      yield `${i + 1}\t${names[this.name.data[i] as number]}\t${industries[this.industry.data[i] as number]}\t${
        this.owner.data[i]
      }\t${isoInstant(this.created.data[i] as number)}\n`;
    }
  }

  /** The rows to write, each a fresh object. */
  *rows(): Generator<AccountRow> {
    for (let i = 0; i < this.length; i += 1) {
      yield {
        id: i + 1,
        name: this.names.words[this.name.data[i] as number] as string,
        industry: this.industries.words[this.industry.data[i] as number] as string,
        owner_id: this.owner.data[i] as number,
        created_at: new Date(this.created.data[i] as number),
      };
    }
  }
}
