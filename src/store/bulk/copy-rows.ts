import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { CopyChunk } from './copy-file-chunks.ts';
import { copyLine, copyStatement, type CopyColumns, type CopyRow } from './copy-text.ts';
import { pgCopyIn } from './pg-copy-in.ts';
import { rawClientOf, type RawClient } from './raw-clients.ts';

export type { CopyColumns, CopyRow } from './copy-text.ts';

/**
 * Rows already encoded as COPY text lines (each ending in a newline, in the COPY's column order), for a writer
 * that can encode faster than the generic copyLine (the demo's column-wise activities).
 */
export interface EncodedLines {
  encodedLines: Iterable<string> | AsyncIterable<string>;
}

/**
 * COPY text already cut into chunks of whole lines, as bytes (a file written by another process, see
 * copy-file-chunks.ts): each chunk goes to COPY as it is, whatever the writer's own chunk size.
 */
export interface EncodedChunks {
  encodedChunks: AsyncIterable<CopyChunk>;
}

/** Rows to write: an array, any iterable, an async iterable (a parser's output, say), encoded lines or chunks. */
export type CopySource = Iterable<CopyRow> | AsyncIterable<CopyRow> | EncodedLines | EncodedChunks;

/** The source as COPY text lines. */
async function* linesOf(
  table: string,
  columns: CopyColumns,
  rows: Exclude<CopySource, EncodedChunks>,
): AsyncGenerator<string> {
  if ('encodedLines' in rows) {
    yield* rows.encodedLines;
    return;
  }
  const names = Object.keys(columns);
  const types = names.map((n) => columns[n] as string);
  let index = 0;
  for await (const row of rows) {
    yield copyLine(table, names, types, row, index);
    index += 1;
  }
}

/** Called after each chunk with the number of rows it held, for progress bars. */
export type CopyProgress = (rows: number) => void;

// PostgreSQL gets the data as a stream of socket-sized messages. PGlite reads each COPY from one in-memory blob,
// so its chunks are larger (fewer statements) but bounded, keeping a 3M-row table from being held twice as text.
// Each chunk exists three times over in this process (the string, the Blob, PGlite's ArrayBuffer copy) until
// the garbage collector runs: with 16 MB chunks the 100-rep demo peaked at 1,214 MB of RSS, with 1 MB chunks at
// 1,005 MB, for a little less CPU. See docs/performance.md.
const PG_CHUNK_CHARS = 64 * 1024;
const PGLITE_CHUNK_CHARS = 1024 * 1024;

/** The rows as COPY text, in chunks of whole lines of about `size` characters (encoded chunks as they come). */
async function* chunksOf(
  table: string,
  columns: CopyColumns,
  rows: CopySource,
  size: number,
  onProgress?: CopyProgress,
): AsyncGenerator<string | Uint8Array<ArrayBuffer>> {
  if ('encodedChunks' in rows) {
    for await (const chunk of rows.encodedChunks) {
      yield chunk.bytes;
      onProgress?.(chunk.rows);
    }
    return;
  }
  let chunk = '';
  let inChunk = 0;
  for await (const line of linesOf(table, columns, rows)) {
    chunk += line;
    inChunk += 1;
    if (chunk.length >= size) {
      yield chunk;
      onProgress?.(inChunk);
      chunk = '';
      inChunk = 0;
    }
  }
  if (inChunk > 0) {
    yield chunk;
    onProgress?.(inChunk);
  }
}

/** How a COPY writes. */
export interface CopyOptions {
  /**
   * Write the rows frozen (`COPY ... WITH (FREEZE)`): later scans need not revisit every page to mark the rows
   * visible. Only for a table created or truncated in the same transaction (see fresh-tables.ts); PostgreSQL
   * refuses it otherwise.
   */
  freeze?: boolean;
}

/** Writes rows into tables of one open transaction with COPY; see openCopy. */
export interface CopyWriter {
  /**
   * Appends `rows` to `table` (a table of the store, or a staging table such as a temporary one) in the named
   * columns, the others taking their defaults; resolves to the row count.
   */
  copy(
    table: string,
    columns: CopyColumns,
    rows: CopySource,
    onProgress?: CopyProgress,
    options?: CopyOptions,
  ): Promise<number>;
}

function writerFor(raw: RawClient): CopyWriter {
  if (raw.kind === 'postgres') {
    return {
      copy: (table, columns, rows, onProgress, options) =>
        pgCopyIn(
          raw.client,
          copyStatement(table, Object.keys(columns), 'stdin', options?.freeze),
          chunksOf(table, columns, rows, PG_CHUNK_CHARS, onProgress),
        ),
    };
  }
  return {
    async copy(table, columns, rows, onProgress, options) {
      const statement = copyStatement(table, Object.keys(columns), `'/dev/blob'`, options?.freeze);
      let total = 0;
      for await (const chunk of chunksOf(table, columns, rows, PGLITE_CHUNK_CHARS)) {
        const tx = raw.transaction();
        if (!tx) throw new Error('COPY on PGlite needs the transaction it was opened in');
        const r = await tx.query(statement, [], { blob: new Blob([chunk]) });
        const n = r.affectedRows ?? 0;
        total += n;
        onProgress?.(n);
      }
      return total;
    },
  };
}

/**
 * A COPY writer for `tx` (PostgreSQL: COPY FROM STDIN on the transaction's connection; PGlite: COPY FROM
 * '/dev/blob' in its open transaction), or null when the connection underneath is not reachable (see
 * raw-clients.ts), in which case the caller writes with INSERTs instead. Rows land in the transaction like any
 * other write: constraints and foreign keys are checked, and a rollback removes them. Only for a transaction:
 * a COPY must not run beside the queries of another caller on a shared connection.
 */
export async function openCopy(tx: Transaction<Database>): Promise<CopyWriter | null> {
  if (!tx.isTransaction) throw new Error('openCopy needs a transaction');
  const raw = await rawClientOf(tx);
  if (!raw) return null;
  if (raw.kind === 'pglite' && !raw.transaction()) return null;
  return writerFor(raw);
}

/** Writes `rows` into `table` with COPY inside `tx`; throws when COPY is unavailable on this connection. */
export async function copyRows(
  tx: Transaction<Database>,
  table: string,
  columns: CopyColumns,
  rows: CopySource,
  onProgress?: CopyProgress,
): Promise<number> {
  const writer = await openCopy(tx);
  if (!writer) throw new Error('COPY is not available on this connection (is a pooler sharing sessions?)');
  return writer.copy(table, columns, rows, onProgress);
}
