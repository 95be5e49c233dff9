import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import { externalIdFor, fullName, ownerRef, text, type PersonRef } from './common.ts';

/** A contact person as read from one row. */
export interface ContactRecord {
  line: number;
  externalId: string;
  name: string;
  email: string | null;
  account: string | null;
  owner: PersonRef | null;
}

/** Builds a contact record; a contact needs a name or an e-mail. */
export function toContactRecord(spec: MappingSpec, v: RowValues, line: number): ContactRecord | FieldError[] {
  const email = text(v, 'email')?.toLowerCase() ?? null;
  const name = fullName(v) ?? email;
  if (!name) return [{ field: 'name', reason: 'a contact needs a name or an e-mail' }];
  const externalId = externalIdFor(spec, v);
  if (typeof externalId !== 'string') return [externalId];
  return { line, externalId, name, email, account: text(v, 'account'), owner: ownerRef(v) };
}
