import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { LeadsTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { LeadRecord } from '../records/lead-record.ts';
import { collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';
import { loadExistingOwners, rowAccessErrors } from './row-access.ts';
import { countWritten, upsertByExternalId } from './upsert-by-external-id.ts';

const COLUMNS = [
  'name',
  'email',
  'company',
  'source',
  'owner_id',
  'status',
  'created_at',
  'converted_at',
] as const;

/** Fit attribute -> leads column; a column is written only when the batch's mapping maps the field. */
const FIT_COLUMNS = {
  account: 'account_id',
  industry: 'industry',
  companySize: 'company_size',
  country: 'country',
  region: 'region',
  persona: 'persona',
  dataQuality: 'data_quality',
} as const;

/**
 * Upserts a batch of leads by external id; returns their ids for the derived-column refresh. Fit attributes the
 * mapping does not map are left as stored; an account is named by name (created when the import creates
 * missing references, else an unknown name rejects the row naming the field).
 */
export async function writeLeads(tx: Db, refs: References, records: LeadRecord[]): Promise<BatchResult> {
  const result = emptyBatchResult();
  await refs.loadUsers(records.map((r) => r.owner));
  const mapped = (Object.keys(FIT_COLUMNS) as Array<keyof typeof FIT_COLUMNS>).filter((k) =>
    records.some((r) => k in r.fit),
  );
  if (mapped.includes('account')) await refs.loadAccounts(records.map((r) => r.fit.account ?? null));
  const existing = await loadExistingOwners(
    tx,
    refs.viewer,
    'leads',
    records.map((r) => r.externalId),
  );
  const rows: Array<Insertable<LeadsTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const ownerId = collect(refs.user(r.owner), errors);
    const accountId = 'account' in r.fit ? collect(refs.account(r.fit.account ?? null), errors) : undefined;
    errors.push(...rowAccessErrors(refs.viewer, { ...r, ownerId }, existing));
    if (errors.length > 0) {
      result.rejects.push({ line: r.line, errors });
      continue;
    }
    rows.push({
      external_id: r.externalId,
      name: r.name,
      email: r.email,
      company: r.company,
      source: r.source,
      owner_id: ownerId ?? null,
      status: r.status,
      created_at: r.createdAt,
      converted_at: r.convertedAt,
      ...(accountId === undefined ? {} : { account_id: accountId }),
      ...('industry' in r.fit ? { industry: r.fit.industry ?? null } : {}),
      ...('companySize' in r.fit ? { company_size: r.fit.companySize ?? null } : {}),
      ...('country' in r.fit ? { country: r.fit.country ?? null } : {}),
      ...('region' in r.fit ? { region: r.fit.region ?? null } : {}),
      ...('persona' in r.fit ? { persona: r.fit.persona ?? null } : {}),
      ...('dataQuality' in r.fit ? { data_quality: r.fit.dataQuality ?? null } : {}),
    });
  }
  if (rows.length === 0) return result;
  const columns = [...COLUMNS, ...mapped.map((k) => FIT_COLUMNS[k])];
  const written = await upsertByExternalId(tx, 'leads', rows, columns, { touchUpdatedAt: true });
  countWritten(result, rows.length, written, result.leadIds);
  return result;
}
