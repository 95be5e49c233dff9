import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { csvCell } from '../../domain/csv/csv-cell.ts';
import { CSV_SEPARATORS, csvFormat, csvNumber, type CsvSeparator } from '../../domain/csv/csv-format.ts';

/** The query parameter of every CSV export: `semicolon` for spreadsheets in decimal-comma locales. */
export const CsvSeparatorQuery = {
  separator: z
    .enum(CSV_SEPARATORS)
    .default('comma')
    .describe("'semicolon': fields split by ';' and decimal commas, as spreadsheets in pl, ro, de... expect"),
};

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
  separator: CsvSeparator = 'comma',
): Promise<FastifyReply> {
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const format = csvFormat(separator);
  const out = stringify({ header: true, columns: columns.map((c) => c.header), delimiter: format.delimiter });
  const cell = (v: string | number | boolean | Date | null) => {
    const c = csvCell(v);
    return typeof c === 'number' ? csvNumber(c, format) : c;
  };
  const pump = async () => {
    for (let next = first; !next.done; next = await iterator.next()) {
      for (const record of next.value) {
        if (!out.write(columns.map((c) => cell(c.value(record))))) await once(out, 'drain');
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
