import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type pg from 'pg';

/** The part of pg's connection a custom query talks to (pg calls these while the query is the active one). */
interface ProtocolConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: Writable;
}

/**
 * `COPY ... FROM STDIN` on a pg client, without the pg-copy-streams package: pg accepts any object with a
 * `submit` method as a query and forwards the protocol messages of its turn to it. On CopyInResponse the chunks
 * are sent as CopyData, waiting for the socket to drain whenever its buffer is full, then CopyDone; the server
 * answers CommandComplete ("COPY n") and ReadyForQuery, or ErrorResponse. A failing source sends CopyFail, so
 * the server aborts the COPY (and the transaction) and the source's error is what the caller sees.
 */
class CopyInQuery {
  private rows = 0;
  private failed = false;
  private sourceError: unknown = null;
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (err: unknown) => void;

  private readonly text: string;
  private readonly chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

  constructor(text: string, chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>) {
    this.text = text;
    this.chunks = chunks;
    this.done = new Promise<number>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: ProtocolConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: ProtocolConnection): void {
    void this.pump(connection);
  }

  private async pump(connection: ProtocolConnection): Promise<void> {
    try {
      for await (const chunk of this.chunks) {
        if (this.failed) return;
        connection.sendCopyFromChunk(
          typeof chunk === 'string'
            ? Buffer.from(chunk, 'utf8')
            : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
        );
        if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
      }
      if (!this.failed) connection.endCopyFrom();
    } catch (err) {
      this.sourceError = err;
      if (!this.failed) connection.sendCopyFail(err instanceof Error ? err.message : String(err));
    }
  }

  handleCommandComplete(msg: { text?: string; rowCount?: number | null }): void {
    this.rows = msg.rowCount ?? Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve(this.rows);
  }

  handleError(err: unknown): void {
    this.failed = true;
    this.reject(this.sourceError ?? err);
  }

  // Messages COPY FROM does not produce; pg may still call these on any active query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyData(): void {}
}

/** Runs `statement` (a COPY ... FROM STDIN) on `client`, streaming `chunks` as its data; resolves to the row count. */
export async function pgCopyIn(
  client: pg.ClientBase,
  statement: string,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): Promise<number> {
  const query = new CopyInQuery(statement, chunks);
  (client as unknown as { query(q: CopyInQuery): unknown }).query(query);
  return query.done;
}
