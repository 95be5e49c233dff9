import type { Insertable } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { OpportunityHistoryTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import type { HistoryRecord } from '../records/history-record.ts';
import { collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import { canSeeOwner } from '../../domain/access/viewer.ts';
import type { References } from './references.ts';
import { OUTSIDE_TEAMS } from './row-access.ts';
import { countWritten, upsertByExternalId } from './upsert-by-external-id.ts';

const COLUMNS = [
  'opportunity_id',
  'changed_at',
  'stage_id',
  'amount_minor',
  'expected_close_date',
  'owner_id',
  'synthesized',
] as const;

/**
 * Upserts real stage history (Salesforce OpportunityHistory) and removes the rows the deal import synthesized for
 * the same deals, once per deal per run. Deals must have been imported first (with an id column).
 */
export async function writeHistory(
  tx: Db,
  refs: References,
  records: HistoryRecord[],
  cleaned: Set<number>,
): Promise<BatchResult> {
  const result = emptyBatchResult();
  const opps = await tx
    .selectFrom('opportunities')
    .select(['id', 'external_id', 'amount_minor', 'owner_id'])
    .where('external_id', 'in', [...new Set(records.map((r) => r.opportunityExternalId))])
    .execute();
  const byExternal = new Map(opps.map((o) => [o.external_id!, o]));
  const rows: Array<Insertable<OpportunityHistoryTable> & { external_id: string }> = [];
  for (const r of records) {
    const errors: FieldError[] = [];
    const opp = byExternal.get(r.opportunityExternalId);
    if (!opp)
      errors.push({
        field: 'opportunityExternalId',
        value: r.opportunityExternalId,
        reason: 'no imported deal has this id; import the deals (with their id column) first',
      });
    else if (!canSeeOwner(refs.viewer, opp.owner_id))
      errors.push({
        field: 'opportunityExternalId',
        value: r.opportunityExternalId,
        reason: OUTSIDE_TEAMS,
        rule: 'outside_scope',
      });
    const stage = collect(await refs.stage(r.stage, null), errors);
    if (errors.length > 0 || !opp || !stage) {
      result.rejects.push({ line: r.line, errors });
      continue;
    }
    rows.push({
      external_id: r.externalId,
      opportunity_id: opp.id,
      changed_at: r.changedAt,
      stage_id: stage.id,
      amount_minor: r.amountMinor ?? opp.amount_minor,
      expected_close_date: r.expectedCloseDate,
      owner_id: opp.owner_id,
      synthesized: false,
    });
  }
  if (rows.length === 0) return result;
  const toClean = [...new Set(rows.map((r) => r.opportunity_id))].filter((id) => !cleaned.has(id));
  if (toClean.length > 0) {
    await tx
      .deleteFrom('opportunity_history')
      .where('opportunity_id', 'in', toClean)
      .where('synthesized', '=', true)
      .execute();
    for (const id of toClean) cleaned.add(id);
  }
  const written = await upsertByExternalId(tx, 'opportunity_history', rows, COLUMNS, {
    touchUpdatedAt: false,
  });
  countWritten(result, rows.length, written);
  return result;
}
