/*
 * A hand-written CSV tokenizer for the importer's reader (read-csv.ts): csv-parse was about 40% of the reader's
 * CPU, this is a few percent (reading, mapping and staging 200k rows: 3.2 -> 2.2 s; docs/performance.md, "Import:
 * a faster reader, memory for the checks"). It follows csv-parse 7 as the reader
 * configured it (`bom`, `relax_quotes`, `relax_column_count`, no trimming, empty lines kept as records), quirks
 * included, so a file reads into the same cells either way; `csv-tokenizer.test.ts` compares the two on random
 * files. What it does:
 * - The record delimiter is the first line break outside quotes: CRLF, LF or CR. Other line breaks are data
 *   (a lone CR in a LF file stays in its cell, as csv-parse leaves it).
 * - A quote opens a quoted cell only as the cell's first character; `""` inside one is a quote. A closing quote
 *   followed by anything but the delimiter or the end of the record turns the cell back into text: the quote, the
 *   cell read so far, the quote, and the rest up to the next delimiter taken literally (csv-parse's relax_quotes).
 * - A quote anywhere else is a plain character.
 * One difference is left: csv-parse drops the quotes of `"a"<NUL>...` (the cell reads `a<NUL>...`), this keeps
 * them; the importer refuses any row holding a NUL (nulErrors), naming the same columns either way.
 * Single-character delimiters only; read-csv keeps csv-parse for the others.
 */

/** A record: its cells and its text in the file without its own record delimiter. */
export interface CsvRecord {
  cells: string[];
  body: string;
}

/** A syntax error in the record being read (the caller knows its line). */
export class CsvTokenizerError extends Error {
  readonly code: 'CSV_QUOTE_NOT_CLOSED' | 'CSV_MAX_RECORD_SIZE';
  constructor(code: CsvTokenizerError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

type Delimiter = '\n' | '\r' | '\r\n';

/** Feeds text chunks in, gets whole records out; `end()` flushes the last record. */
export class CsvTokenizer {
  private readonly delim: number;
  private rest = '';
  private recordDelimiter: Delimiter | null = null;
  private started = false;

  private readonly maxRecordChars: number;

  constructor(delimiter: string, maxRecordChars: number) {
    this.maxRecordChars = maxRecordChars;
    if (delimiter.length !== 1) throw new Error('CsvTokenizer: single-character delimiters only');
    this.delim = delimiter.charCodeAt(0);
  }

  /** The records completed by `chunk`, in order. */
  push(chunk: string): CsvRecord[] {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: CsvRecord[] = [];
    const consumed = this.scan(text, false, out);
    this.rest = consumed === text.length ? '' : text.slice(consumed);
    if (this.rest.length > this.maxRecordChars) throw this.tooLong();
    return out;
  }

  /** The last record (text after the last record delimiter), if any. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.rest.length > 0) this.scan(this.rest, true, out);
    this.rest = '';
    return out;
  }

  private tooLong(): CsvTokenizerError {
    return new CsvTokenizerError('CSV_MAX_RECORD_SIZE', 'record too long');
  }

  /**
   * Reads whole records from `text` into `out` and returns how many characters they took; at `final` the text
   * ends the file, so an unfinished record is completed (or refused when a quote is left open).
   */
  private scan(text: string, final: boolean, out: CsvRecord[]): number {
    const n = text.length;
    const d = this.delim;
    let start = 0; // of the current record
    let i = 0;
    let cells: string[] = [];
    for (;;) {
      // One cell from i.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        let j = from;
        let closed = -1;
        while (j < n) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            j = from;
            continue;
          }
          if (q + 1 >= n && !final) break; // is it `""` or a closing quote? The next chunk tells.
          value += text.slice(from, q);
          closed = q;
          break;
        }
        if (closed === -1) {
          if (!final) return start;
          throw new CsvTokenizerError('CSV_QUOTE_NOT_CLOSED', 'quote not closed');
        }
        i = closed + 1;
        const after = i < n ? text.charCodeAt(i) : -1;
        const lineBreak = after === -1 || after === d ? 0 : this.endsRecordAt(text, i, final);
        if (lineBreak === -1 || (after === -1 && !final)) return start;
        if (after === -1 || after === d || lineBreak > 0) {
          cells.push(value);
        } else {
          // relax_quotes: text after the closing quote makes the cell text, quotes and all.
          const tail = this.plainEnd(text, i, final);
          if (tail === -1) return start;
          cells.push(`"${value}"${text.slice(i, tail)}`);
          i = tail;
        }
      } else {
        const e = this.plainEnd(text, i, final);
        if (e === -1) return start;
        cells.push(text.slice(i, e));
        i = e;
      }
      // After a cell: a delimiter, a record delimiter or the end of the text.
      if (i < n && text.charCodeAt(i) === d) {
        i += 1;
        continue;
      }
      const breakLength = i < n ? this.endsRecordAt(text, i, final) : 0;
      if (i >= n && !final) return start;
      out.push(this.record(cells, text.slice(start, i), i >= n));
      i += breakLength;
      start = i;
      cells = [];
      if (i >= n) return i;
    }
  }

  /** The record, its body cut as read-csv cut csv-parse's raw text (one trailing line break off). */
  private record(cells: string[], body: string, atEnd: boolean): CsvRecord {
    if (body.length > this.maxRecordChars) throw this.tooLong();
    const last = body.length > 0 ? body.charCodeAt(body.length - 1) : -1;
    // csv-parse's raw text ended with the record delimiter; read-csv then took one line break off its end: with a
    // LF delimiter that is a CRLF when the body ends in CR. At the end of the file the raw text had no delimiter,
    // so a trailing CR, LF or CRLF of the body itself went.
    if (atEnd) {
      if (last === LF)
        body = body.slice(0, body.length >= 2 && body.charCodeAt(body.length - 2) === CR ? -2 : -1);
      else if (last === CR) body = body.slice(0, -1);
    } else if (last === CR && this.recordDelimiter === '\n') body = body.slice(0, -1);
    return { cells, body };
  }

  /**
   * Where unquoted text from `i` ends: the next delimiter or record delimiter, the end of the text at `final`, or
   * -1 when the text ends first and more may come.
   */
  private plainEnd(text: string, i: number, final: boolean): number {
    const n = text.length;
    const d = this.delim;
    for (let j = i; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === d) return j;
      if (c === LF || c === CR) {
        const len = this.endsRecordAt(text, j, final);
        if (len === -1) return -1;
        if (len > 0) return j;
      }
    }
    return final ? n : -1;
  }

  /**
   * The length of the record delimiter at `i` (0 when the line break there is data), detecting it on the first
   * line break; -1 when that needs the next chunk (a CR at the end of the text, which may be a CRLF).
   */
  private endsRecordAt(text: string, i: number, final: boolean): number {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) return 0;
    if (this.recordDelimiter === null) {
      if (c === LF) this.recordDelimiter = '\n';
      else if (i + 1 < text.length) this.recordDelimiter = text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
      else if (final) this.recordDelimiter = '\r';
      else return -1;
    }
    switch (this.recordDelimiter) {
      case '\n':
        return c === LF ? 1 : 0;
      case '\r':
        return c === CR ? 1 : 0;
      case '\r\n':
        if (c !== CR) return 0;
        if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? 2 : 0;
        return final ? 0 : -1;
    }
  }
}
