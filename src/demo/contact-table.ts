import { Column, isoInstant, Vocabulary } from './columnar.ts';
import { emailLocalPart, workEmail } from './names.ts';

/** A contact row as written, keyed by CONTACT_COLUMNS (for the INSERT path and tests). */
export interface ContactRow {
  id: number;
  account_id: number;
  name: string;
  email: string;
  owner_id: number;
  first_touch_at: Date | null;
  created_at: Date;
}

/**
 * The demo's contacts held column-wise (about 26 bytes a contact instead of an object with a Date and two
 * strings, about 200): the 200-rep demo creates 570,000 of them, all held until the derived prefill fills their
 * first touch at the end. Ids are positions + 1; the e-mail is not stored, it follows from the name and account
 * (names.workEmail) and is spelled out only when written.
 */
export class ContactTable {
  private readonly names = new Vocabulary();
  private readonly account = new Column((n) => new Int32Array(n));
  private readonly name = new Column((n) => new Uint16Array(n));
  private readonly owner = new Column((n) => new Int32Array(n));
  private readonly created = new Column((n) => new Float64Array(n));
  /** Epoch ms of the first touch per position, NaN for none; set by the derived prefill. */
  private firstTouch: Float64Array | null = null;

  get length(): number {
    return this.account.length;
  }

  /** Adds a contact; returns its id. */
  add(c: { accountId: number; name: string; ownerId: number; createdAt: number }): number {
    this.account.push(c.accountId);
    this.name.push(this.names.code(c.name));
    this.owner.push(c.ownerId);
    this.created.push(c.createdAt);
    return this.account.length;
  }

  ownerOf(id: number): number {
    return this.owner.data[id - 1] as number;
  }

  accountOf(id: number): number {
    return this.account.data[id - 1] as number;
  }

  /** Sets contacts.first_touch_at (epoch ms, or undefined for none). */
  setFirstTouch(id: number, ms: number | undefined): void {
    this.firstTouch ??= new Float64Array(this.length).fill(Number.NaN);
    this.firstTouch[id - 1] = ms ?? Number.NaN;
  }

  private firstTouchAt(i: number): number {
    return this.firstTouch?.[i] ?? Number.NaN;
  }

  /** The rows as COPY text lines in CONTACT_COLUMNS order: exactly what copyLine writes for rows(). */
  *copyLines(): Generator<string> {
    const names = this.names.copyFields();
    // The local part is letters and dots, the rest digits and a fixed domain: nothing COPY must escape.
    const locals = this.names.words.map((w) => (w === null ? '' : emailLocalPart(w)));
    for (let i = 0; i < this.length; i += 1) {
      const account = this.account.data[i] as number;
      const code = this.name.data[i] as number;
      const touch = this.firstTouchAt(i);
      yield `${i + 1}\t${account}\t${names[code]}\t${locals[code]}@c${account}.example.test\t${this.owner.data[i]}\t${
        Number.isNaN(touch) ? '\\N' : isoInstant(touch)
      }\t${isoInstant(this.created.data[i] as number)}\n`;
    }
  }

  /** The rows to write, each a fresh object. */
  *rows(): Generator<ContactRow> {
    for (let i = 0; i < this.length; i += 1) {
      const name = this.names.words[this.name.data[i] as number] as string;
      const account = this.account.data[i] as number;
      const touch = this.firstTouchAt(i);
      yield {
        id: i + 1,
        account_id: account,
        name,
        email: workEmail(name, account),
        owner_id: this.owner.data[i] as number,
        first_touch_at: Number.isNaN(touch) ? null : new Date(touch),
        created_at: new Date(this.created.data[i] as number),
      };
    }
  }
}
