import type { ReactNode } from 'react';

/** One column: header text, cell renderer, and whether it holds numbers (aligned to the end). */
export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Tooltip for the cell, e.g. numerator / denominator of a ratio. */
  title?: (row: Row) => string | undefined;
}

/** A plain accessible table that scrolls sideways on a phone instead of squeezing. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  testId,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string | number;
  caption?: string;
  testId?: string;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table" data-testid={testId}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>
              {columns.map((c) => (
                <td
                  key={c.key}
                  className={c.numeric ? 'num' : undefined}
                  title={c.title?.(row)}
                  data-col={c.key}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
