import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { csvCell } from '../../domain/csv/csv-cell.ts';

/** One CSV column: header text and how to read the cell from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => string | number | boolean | Date | null;
}

/**
 * Streams records to the client as CSV while they are read in batches, so an export of a million rows holds
 * one batch in memory, not the whole table. The first batch is read before anything is sent: a query that
 * fails at once (a bad filter, a store error) is answered by the error handler in the uniform JSON shape
 * with its proper status, not as a broken CSV download. A failure after the first batch can only cut the
 * transfer short, since the 200 and the CSV headers are already out.
 */
export async function sendCsv<T>(
  reply: FastifyReply,
  fileName: string,
  columns: CsvColumn<T>[],
  batches: AsyncIterable<T[]>,
): Promise<FastifyReply> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const out = stringify({ header: true, columns: columns.map((c) => c.header) });
  const pump = async () => {
    for (let next = first; !next.done; next = await iterator.next()) {
      for (const record of next.value) {
        if (!out.write(columns.map((c) => csvCell(c.value(record))))) await once(out, 'drain');
      }
    }
    out.end();
  };
  pump().catch((err: unknown) => {
    reply.log.error(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(out);
}
