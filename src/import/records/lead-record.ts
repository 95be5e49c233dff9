import type { LeadStatus } from '../../store/schema.ts';
import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import { externalIdFor, fullName, num, ownerRef, text, when, type PersonRef } from './common.ts';

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
  /** Fit attributes (0020); a field the mapping does not map is absent, so a re-import leaves it alone. */
  fit: LeadFit;
}

/** The fit attributes a row gives; keys present only for fields the mapping maps. */
export interface LeadFit {
  account?: string | null;
  industry?: string | null;
  companySize?: number | null;
  country?: string | null;
  region?: string | null;
  persona?: string | null;
  dataQuality?: 'ok' | 'inaccurate' | null;
}

/** The fit fields of a lead mapping, in the order errors are reported. */
const FIT_FIELDS = [
  'account',
  'industry',
  'companySize',
  'country',
  'region',
  'persona',
  'dataQuality',
] as const;

/** Reads the mapped fit attributes; errors name the field (company size a whole number >= 0, country ISO-2). */
function leadFit(spec: MappingSpec, v: RowValues): LeadFit | FieldError[] {
  const fit: LeadFit = {};
  const errors: FieldError[] = [];
  for (const f of FIT_FIELDS) {
    if (!(f in spec.fields)) continue;
    if (f === 'companySize') {
      const n = num(v, f);
      if (n !== null && (!Number.isInteger(n) || n < 0 || n > 10_000_000))
        errors.push({ field: f, value: String(n), reason: 'a whole number of employees, 0 or more' });
      else fit.companySize = n;
    } else if (f === 'country') {
      const c = text(v, f)?.trim() ?? null;
      if (c !== null && c !== '' && !/^[A-Za-z]{2}$/.test(c))
        errors.push({ field: f, value: c, reason: 'an ISO 3166-1 alpha-2 code such as DE or US' });
      else fit.country = c ? c.toUpperCase() : null;
    } else if (f === 'dataQuality') {
      const q = text(v, f);
      fit.dataQuality = q === 'ok' || q === 'inaccurate' ? q : null;
    } else {
      const t = text(v, f)?.trim() ?? null;
      fit[f] = t ? t : null;
    }
  }
  return errors.length > 0 ? errors : fit;
}

/** Builds a lead record; a lead needs a name (or first/last name, or at least an e-mail). */
export function toLeadRecord(spec: MappingSpec, v: RowValues, line: number): LeadRecord | FieldError[] {
  const email = text(v, 'email')?.toLowerCase() ?? null;
  const name = fullName(v) ?? email;
  if (!name) return [{ field: 'name', reason: 'a lead needs a name or an e-mail' }];
  const externalId = externalIdFor(spec, v);
  if (typeof externalId !== 'string') return [externalId];
  const created = when(v, 'createdAt');
  if (!created) return [{ field: 'createdAt', reason: 'required value is empty', rule: 'required' }];
  const convertedAt = when(v, 'convertedAt')?.instant ?? null;
  const status = (text(v, 'status') as LeadStatus | null) ?? (convertedAt ? 'converted' : 'new');
  const fit = leadFit(spec, v);
  if (Array.isArray(fit)) return fit;
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
    fit,
  };
}
