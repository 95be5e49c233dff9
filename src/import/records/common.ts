import { createHash } from 'node:crypto';
import type { RowValues } from '../mapping/compile.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import type { ParsedDateTime } from '../values/date-time.ts';

/** A rep named by a row: by e-mail when given, else by name. */
export interface PersonRef {
  name: string | null;
  email: string | null;
}

/** Reads a text value. */
export const text = (v: RowValues, f: string): string | null =>
  typeof v[f] === 'string' ? (v[f] as string) : null;
/** Reads a number value. */
export const num = (v: RowValues, f: string): number | null =>
  typeof v[f] === 'number' ? (v[f] as number) : null;
/** Reads a timestamp value. */
export const when = (v: RowValues, f: string): ParsedDateTime | null => {
  const x = v[f];
  return typeof x === 'object' && x !== null && 'instant' in x ? x : null;
};

/** The row's owner reference, or null when the row names none. */
export function ownerRef(v: RowValues): PersonRef | null {
  const name = text(v, 'owner');
  const email = text(v, 'ownerEmail')?.toLowerCase() ?? null;
  return name || email ? { name, email } : null;
}

/** 'First Last' from name or first/last name fields. */
export function fullName(v: RowValues): string | null {
  const name = text(v, 'name');
  if (name) return name;
  const parts = [text(v, 'firstName'), text(v, 'lastName')].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The row's external id, prefixed with the source ('hubspot:18000000000') so ids from two CRMs never collide.
 * Files without an id column get a stable hash of the mapping's `externalIdFrom` fields ('salesforce:h:3f2a...'):
 * the same row always hashes the same, so re-imports update instead of duplicating.
 */
export function externalIdFor(spec: MappingSpec, v: RowValues): string | FieldError {
  const id = text(v, 'externalId');
  if (id) return `${spec.source}:${id}`;
  const from = spec.externalIdFrom;
  if (!from || from.length === 0)
    return { field: 'externalId', reason: 'no id column and no externalIdFrom in the mapping' };
  const parts = from.map((f) => {
    const x = f === 'name' ? (fullName(v) ?? '') : v[f];
    if (x === undefined || x === null) return '';
    if (typeof x === 'object') return x.instant.toISOString();
    return String(x).trim().toLowerCase();
  });
  if (parts.every((p) => p === ''))
    return { field: 'externalId', reason: `no id column and ${from.join('+')} are all empty` };
  const hash = createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
  return `${spec.source}:h:${hash}`;
}
