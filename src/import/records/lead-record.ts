import type { LeadStatus } from '../../store/schema.ts';
import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import { externalIdFor, fullName, ownerRef, text, when, type PersonRef } from './common.ts';

/** A lead as read from one row. */
export interface LeadRecord {
  line: number;
  externalId: string;
  name: string;
  email: string | null;
  company: string | null;
  source: string | null;
  owner: PersonRef | null;
  status: LeadStatus;
  createdAt: Date;
  convertedAt: Date | null;
}

/** Builds a lead record; a lead needs a name (or first/last name, or at least an e-mail). */
export function toLeadRecord(spec: MappingSpec, v: RowValues, line: number): LeadRecord | FieldError[] {
  const email = text(v, 'email')?.toLowerCase() ?? null;
  const name = fullName(v) ?? email;
  if (!name) return [{ field: 'name', reason: 'a lead needs a name or an e-mail' }];
  const externalId = externalIdFor(spec, v);
  if (typeof externalId !== 'string') return [externalId];
  const created = when(v, 'createdAt');
  if (!created) return [{ field: 'createdAt', reason: 'required value is empty' }];
  const convertedAt = when(v, 'convertedAt')?.instant ?? null;
  const status = (text(v, 'status') as LeadStatus | null) ?? (convertedAt ? 'converted' : 'new');
  return {
    line,
    externalId,
    name,
    email,
    company: text(v, 'company'),
    source: text(v, 'source'),
    owner: ownerRef(v),
    status,
    createdAt: created.instant,
    convertedAt,
  };
}
