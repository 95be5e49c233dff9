import { AppError } from '../../errors.ts';

/**
 * Column name -> PostgreSQL type name ('text', 'int8', 'timestamptz', 'jsonb', 'text[]', ...), in COPY column
 * order. The type decides how a JS value is written: arrays for `...[]` types become array literals, anything for
 * `json`/`jsonb` becomes JSON text (a string is taken as JSON text already, like the pg driver does).
 */
export type CopyColumns = Readonly<Record<string, string>>;

/** A row: an object keyed by column name, or the values in column order. */
export type CopyRow = object | readonly unknown[];

/** Why a value cannot be written; copyLine adds the table, row and column (kept out of the per-value path). */
class Refusal extends Error {}

function refuse(reason: string): never {
  throw new Refusal(reason);
}

// COPY's text format gives a meaning to backslash, and uses tab and newline as separators; carriage return is
// escaped too so a line never ends early on another platform's reading. NUL cannot be stored in PostgreSQL text.
const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A string as one COPY text field (for writers that encode their own lines, see EncodedLines). */
export function escapeField(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  if (s.includes('\0')) refuse('contains a NUL character, which PostgreSQL text cannot hold');
  return s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] as string);
}

/** A scalar in PostgreSQL's text input form (before COPY escaping), or null for SQL NULL. */
function scalarText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      // Same spelling the pg driver sends for a number parameter (NaN/Infinity are valid float input).
      return String(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 't' : 'f';
    default:
      break;
  }
  if (v instanceof Date) {
    // An instant in UTC with its zone spelled out, so the server's TimeZone cannot shift it.
    if (Number.isNaN(v.getTime())) refuse('is an invalid date');
    return v.toISOString();
  }
  if (v instanceof Uint8Array)
    return '\\x' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex');
  return refuse(`is a ${Array.isArray(v) ? 'list' : typeof v}, which a scalar column cannot hold`);
}

/** A JS array as a PostgreSQL array literal: every element quoted, NULL unquoted, nested arrays nested. */
function arrayLiteral(list: readonly unknown[]): string {
  const parts = list.map((el) => {
    if (Array.isArray(el)) return arrayLiteral(el);
    const text = scalarText(el);
    if (text === null) return 'NULL';
    return '"' + text.replace(/[\\"]/g, (c) => '\\' + c) + '"';
  });
  return '{' + parts.join(',') + '}';
}

/** One value as a COPY text field for a column of `type`. */
function field(v: unknown, type: string): string {
  if (v === null || v === undefined) return '\\N';
  let text: string | null;
  if (type.endsWith('[]')) {
    if (!Array.isArray(v)) refuse(`is not a list, and ${type} holds lists`);
    text = arrayLiteral(v);
  } else if (type === 'json' || type === 'jsonb') {
    text = typeof v === 'string' ? v : (JSON.stringify(v) ?? null);
  } else {
    text = scalarText(v);
  }
  return text === null ? '\\N' : escapeField(text);
}

/**
 * Encodes one row as a line of COPY's default text format (tab-separated, `\N` for NULL, backslash escapes):
 * an empty string stays an empty field, distinct from NULL. Throws a validation error naming the row and column
 * for a value PostgreSQL could not store as given (a NUL character, an invalid date, a list in a scalar column).
 */
export function copyLine(
  table: string,
  names: readonly string[],
  types: readonly string[],
  row: CopyRow,
  rowIndex: number,
): string {
  const byPosition = Array.isArray(row);
  let line = '';
  let i = 0;
  try {
    for (; i < names.length; i += 1) {
      const v = byPosition
        ? (row as readonly unknown[])[i]
        : (row as Record<string, unknown>)[names[i] as string];
      if (i > 0) line += '\t';
      line += field(v, types[i] as string);
    }
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    const column = names[i] as string;
    throw new AppError('validation', `Cannot write ${table}.${column} of row ${rowIndex + 1}`, [
      { field: column, line: rowIndex + 1, reason: err.message },
    ]);
  }
  return line + '\n';
}

/** `"name"` with embedded quotes doubled: a safe SQL identifier for any table or column name. */
export function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * The COPY statement for `table (columns)` reading from `source` (STDIN, or a file name literal on PGlite);
 * `freeze` writes the rows frozen, allowed only into a table created or truncated in the same transaction.
 */
export function copyStatement(
  table: string,
  names: readonly string[],
  source: string,
  freeze = false,
): string {
  return `copy ${quoteIdent(table)} (${names.map(quoteIdent).join(', ')}) from ${source}${freeze ? ' with (freeze)' : ''}`;
}
