import type { ErrorDetail } from '../../errors.ts';
import { isCurrencyCode, parseAmountMinor } from '../values/amount.ts';
import { isUsableDateFormat, parseDateTime, type ParsedDateTime } from '../values/date-time.ts';
import { parseDurationSeconds, type DurationUnit } from '../values/duration.ts';
import { isValidTimeZone } from '../../domain/calendar/zoned.ts';
import { fieldsOf, maxLengthOf, type FieldDef } from './entities.ts';
import type { FieldSource, MappingSpec } from './mapping-spec.ts';

/** A cell that could not be turned into our value (with a rule where the reason is a common one). */
export type FieldError = Pick<ErrorDetail, 'value' | 'reason' | 'rule' | 'limit' | 'allowed'> & {
  field: string;
};

/** Parsed values of one row, by our field name (absent or empty cells are left out). */
export type RowValues = Record<string, string | number | boolean | ParsedDateTime>;

/** A mapping bound to one file's header row. */
export interface CompiledMapping {
  spec: MappingSpec;
  /** Our fields that the file provides (a column, a join or a default). */
  mappedFields: ReadonlySet<string>;
  parseRow(cells: readonly string[]): { values: RowValues; errors: FieldError[] };
}

/** Settings the mapping falls back on. */
export interface MappingDefaults {
  timeZone: string;
  currency: string;
}

/** Headers are matched trimmed and case-insensitively ('Deal owner' = 'Deal Owner'). */
export const normalizeHeader = (h: string) => h.trim().toLowerCase();
const normalizeValue = (v: string) => v.trim().toLowerCase();

interface Reader {
  field: string;
  def: FieldDef;
  read: (cells: readonly string[]) => string;
  maxLength: number;
  values: Map<string, string> | null;
  otherwise: string | undefined;
  unit: DurationUnit;
}

function sourceObject(src: FieldSource) {
  return typeof src === 'string' ? { column: src } : src;
}

/**
 * Binds a mapping to a header row. Every problem with the mapping or the header (unknown field, missing required
 * column, bad date format, time zone or currency) is collected and returned together instead of failing on the first.
 */
export function compileMapping(
  spec: MappingSpec,
  headers: readonly string[],
  defaults: MappingDefaults,
  file: string,
): CompiledMapping | ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const fieldDefs = fieldsOf(spec.entity);
  const index = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!index.has(key)) index.set(key, i);
    else if (key !== '') repeated.set(key, [...(repeated.get(key) ?? [index.get(key)!]), i]);
  });
  // A repeated header the mapping reads is ambiguous (which column holds the owner?); one it does not read is
  // harmless (some report exports repeat an unused column) and passes.
  const reported = new Set<string>();
  const checkRepeated = (column: string, field: string) => {
    const key = normalizeHeader(column);
    const at = repeated.get(key);
    if (!at || reported.has(key)) return;
    reported.add(key);
    errors.push({
      file,
      line: 1,
      field,
      value: column,
      reason: `column '${headers[at[0]!]!.trim()}' appears ${at.length} times (columns ${at.map((i) => i + 1).join(', ')}); rename or remove the extra ones`,
    });
  };
  const timeZone = spec.timeZone ?? defaults.timeZone;
  const currency = spec.currency ?? defaults.currency;
  const formats = Array.isArray(spec.dateFormat) ? spec.dateFormat : [spec.dateFormat];
  if (!isValidTimeZone(timeZone))
    errors.push({ file, field: 'timeZone', value: timeZone, reason: 'unknown IANA time zone' });
  if (!isCurrencyCode(currency))
    errors.push({ file, field: 'currency', value: currency, reason: 'unknown ISO 4217 currency' });
  for (const f of formats) {
    if (!isUsableDateFormat(f))
      errors.push({ file, field: 'dateFormat', value: f, reason: 'needs YYYY, M or MM, and D or DD' });
  }

  const readers: Reader[] = [];
  for (const [field, src] of Object.entries(spec.fields)) {
    const def = fieldDefs[field];
    if (!def) {
      errors.push({
        file,
        field,
        reason: `not a field of ${spec.entity}; known: ${Object.keys(fieldDefs).join(', ')}`,
      });
      continue;
    }
    const s = sourceObject(src);
    const columns = s.column === undefined ? [] : Array.isArray(s.column) ? s.column : [s.column];
    for (const c of [...columns, ...(s.join ?? [])]) checkRepeated(c, field);
    const present = columns
      .map((c) => index.get(normalizeHeader(c)))
      .filter((i): i is number => i !== undefined);
    const joined = s.join?.map((c) => index.get(normalizeHeader(c)));
    const joinPresent = joined !== undefined && joined.every((i) => i !== undefined);
    const fallback = s.default ?? '';
    let read: ((cells: readonly string[]) => string) | null = null;
    if (present.length > 0) {
      read = (cells) => {
        for (const i of present) {
          const v = cells[i]?.trim();
          if (v) return v;
        }
        return fallback;
      };
    } else if (joinPresent) {
      const idx = joined as number[];
      read = (cells) =>
        idx
          .map((i) => cells[i]?.trim() ?? '')
          .filter(Boolean)
          .join(' ') || fallback;
    } else if (s.default !== undefined) {
      read = () => fallback;
    }
    if (!read) continue;
    const values = s.values
      ? new Map(Object.entries(s.values).map(([k, v]) => [normalizeValue(k), v] as const))
      : null;
    readers.push({
      field,
      def,
      read,
      maxLength: maxLengthOf(def),
      values,
      otherwise: s.otherwise,
      unit: s.unit ?? 'seconds',
    });
  }
  const mappedFields = new Set(readers.map((r) => r.field));
  for (const [field, def] of Object.entries(fieldDefs)) {
    if (def.required && !mappedFields.has(field)) {
      const src = spec.fields[field];
      const wanted =
        src === undefined
          ? 'no column is mapped'
          : `column ${JSON.stringify(sourceObject(src).column ?? sourceObject(src).join)} is missing`;
      errors.push({ file, line: 1, field, reason: `required field: ${wanted}`, rule: 'required' });
    }
  }
  if (errors.length > 0) return errors;

  // Currency first: amounts need its digits.
  readers.sort(
    (a, b) => (a.def.type.kind === 'currency' ? -1 : 0) - (b.def.type.kind === 'currency' ? -1 : 0),
  );

  return {
    spec,
    mappedFields,
    parseRow(cells) {
      const values: RowValues = {};
      const rowErrors: FieldError[] = [];
      for (const r of readers) {
        let raw = r.read(cells);
        if (raw.length > r.maxLength) {
          // The value itself is left out: echoing 100,000 characters back helps nobody.
          rowErrors.push({
            field: r.field,
            reason: `longer than ${r.maxLength.toLocaleString('en-US')} characters (${raw.length.toLocaleString('en-US')})`,
            rule: 'too_long',
            limit: r.maxLength,
          });
          continue;
        }
        if (raw !== '' && r.values) {
          const mapped = r.values.get(normalizeValue(raw));
          raw = mapped ?? r.otherwise ?? raw;
        }
        if (raw === '') {
          if (r.def.required)
            rowErrors.push({ field: r.field, reason: 'required value is empty', rule: 'required' });
          continue;
        }
        const parsed = parseCell(r, raw, values, {
          timeZone,
          currency,
          formats,
          decimal: spec.decimalSeparator,
        });
        if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
          rowErrors.push({ field: r.field, value: raw, ...parsed.error });
        } else {
          values[r.field] = parsed;
        }
      }
      return { values, errors: rowErrors };
    },
  };
}

function parseCell(
  r: Reader,
  raw: string,
  values: RowValues,
  o: { timeZone: string; currency: string; formats: string[]; decimal: '.' | ',' },
): string | number | boolean | ParsedDateTime | { error: Pick<FieldError, 'reason' | 'rule' | 'allowed'> } {
  const t = r.def.type;
  switch (t.kind) {
    case 'text':
      return raw;
    case 'currency': {
      const code = raw.toUpperCase();
      return isCurrencyCode(code)
        ? code
        : { error: { reason: `'${raw}' is not an ISO 4217 currency code`, rule: 'invalid_currency' } };
    }
    case 'amount': {
      const currency = typeof values.currency === 'string' ? values.currency : o.currency;
      const v = parseAmountMinor(raw, currency, o.decimal);
      return typeof v === 'string' ? { error: { reason: v } } : v;
    }
    case 'number': {
      const n = Number(o.decimal === ',' ? raw.replace(/\./g, '').replace(',', '.') : raw.replace(/,/g, ''));
      return Number.isFinite(n) ? n : { error: { reason: `'${raw}' is not a number`, rule: 'not_a_number' } };
    }
    case 'duration': {
      const v = parseDurationSeconds(raw, r.unit);
      return typeof v === 'string' ? { error: { reason: v } } : v;
    }
    case 'boolean': {
      const v = normalizeValue(raw);
      if (['true', 'yes', '1', 'done', 'completed', 'y'].includes(v)) return true;
      if (['false', 'no', '0', 'undone', 'n'].includes(v)) return false;
      return { error: { reason: `'${raw}' is not yes/no (map it with "values")` } };
    }
    case 'datetime': {
      // Unreadable or outside the years reports cover: either way not a date the import can use.
      const v = parseDateTime(raw, o.formats, o.timeZone);
      return typeof v === 'string' ? { error: { reason: v, rule: 'invalid_date' } } : v;
    }
    case 'date': {
      const v = parseDateTime(raw, o.formats, o.timeZone);
      return typeof v === 'string' ? { error: { reason: v, rule: 'invalid_date' } } : v.localDate;
    }
    case 'enum': {
      const v = normalizeValue(raw).replace(/[\s-]+/g, '_');
      return t.allowed.includes(v)
        ? v
        : {
            error: {
              reason: `'${raw}' is not one of ${t.allowed.join(', ')} (map it with "values")`,
              rule: 'one_of',
              allowed: [...t.allowed],
            },
          };
    }
  }
}
