import { sql } from 'kysely';
import type { Db } from '../../store/db.ts';
import type { Insertable } from 'kysely';
import type { ForecastCategory, OpportunitiesTable, OpportunityHistoryTable } from '../../store/schema.ts';
import type { FieldError } from '../mapping/compile.ts';
import {
  resolveDealState,
  type OpportunityRecord,
  type ResolvedDealState,
} from '../records/opportunity-record.ts';
import { changedColumns, collect, emptyBatchResult, type BatchResult } from './batch-result.ts';
import type { References } from './references.ts';
import { loadExistingOwners, rowAccessErrors } from './row-access.ts';

const COLUMNS = [
  'name',
  'account_id',
  'owner_id',
  'pipeline_id',
  'stage_id',
  'status',
  'amount_minor',
  'currency',
  'type',
  'forecast_category',
  'lead_source',
  'expected_close_date',
  'created_at',
  'closed_at',
  'lost_reason',
] as const;

/**
 * Columns written only when the file maps them: the invoice paid date usually comes from billing, and a later CRM
 * export without it must not erase the dates (a "credit when paid" plan would take the commission back).
 */
const OPTIONAL_COLUMNS = [
  { field: 'product', column: 'product' },
  { field: 'paidOn', column: 'paid_on' },
] as const;

function defaultForecast(state: ResolvedDealState): ForecastCategory {
  return state.status === 'won' ? 'closed' : state.status === 'lost' ? 'omitted' : 'pipeline';
}

/**
 * Upserts a batch of deals in one statement and keeps stage history consistent: a new deal gets synthesized
 * history (created in its first known stage, then Won/Lost at close); a deal whose stage or amount changed since
 * the last import gets one more row, at its close time when it just closed, else at the import time.
 */
export async function writeOpportunities(
  tx: Db,
  refs: References,
  records: OpportunityRecord[],
  mapped: ReadonlySet<string> = new Set(),
): Promise<BatchResult> {
  const result = emptyBatchResult();
  const optional = OPTIONAL_COLUMNS.filter((o) => mapped.has(o.field));
  const columns = [...COLUMNS, ...optional.map((o) => o.column)];
  await refs.loadUsers(records.map((r) => r.owner));
  await refs.loadAccounts(records.map((r) => r.account));
  const existing = await loadExistingOwners(
    tx,
    refs.viewer,
    'opportunities',
    records.map((r) => r.externalId),
  );
  const rows: Array<Insertable<OpportunitiesTable> & { external_id: string }> = [];
  const states = new Map<
    string,
    { state: ResolvedDealState; record: OpportunityRecord; ownerId: number | null }
  >();
  for (const r of records) {
    const errors: FieldError[] = [];
    const ownerId = collect(refs.user(r.owner), errors);
    const accountId = collect(refs.account(r.account), errors);
    errors.push(...rowAccessErrors(refs.viewer, { ...r, ownerId }, existing));
    const stage = collect(await refs.stage(r.stage, r.probability), errors);
    const state = stage ? collect(resolveDealState(r, stage, refs.closingStages), errors) : undefined;
    if (errors.length > 0 || !state) {
      result.rejects.push({ line: r.line, errors });
      continue;
    }
    states.set(r.externalId, { state, record: r, ownerId: ownerId ?? null });
    rows.push({
      external_id: r.externalId,
      name: r.name,
      account_id: accountId ?? null,
      owner_id: ownerId ?? null,
      pipeline_id: refs.pipelineId,
      stage_id: state.stageId,
      status: state.status,
      amount_minor: r.amountMinor,
      currency: r.currency,
      type: r.type,
      forecast_category: r.forecastCategory ?? defaultForecast(state),
      lead_source: r.leadSource,
      expected_close_date: state.expectedCloseDate,
      created_at: r.createdAt,
      closed_at: state.closedAt,
      lost_reason: state.status === 'lost' ? r.lostReason : null,
      ...(mapped.has('product') ? { product: r.product } : {}),
      ...(mapped.has('paidOn') ? { paid_on: r.paidOn } : {}),
    });
  }
  if (rows.length === 0) return result;

  const written = await tx
    .with('old', (db) =>
      db
        .selectFrom('opportunities')
        .select(['id', 'external_id', 'stage_id', 'amount_minor', 'status'])
        .where(
          'external_id',
          'in',
          rows.map((r) => r.external_id),
        ),
    )
    .with('up', (db) =>
      db
        .insertInto('opportunities')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('external_id')
            .doUpdateSet((eb) => ({
              ...Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])),
              updated_at: sql`now()`,
            }))
            .where(sql.raw<boolean>(changedColumns('opportunities', columns))),
        )
        .returning(['id', 'external_id', 'stage_id', 'amount_minor', 'status']),
    )
    .selectFrom('up')
    .leftJoin('old', 'old.external_id', 'up.external_id')
    .select([
      'up.id',
      'up.external_id',
      'up.stage_id',
      'up.amount_minor',
      'up.status',
      'old.id as old_id',
      'old.stage_id as old_stage_id',
      'old.amount_minor as old_amount',
      'old.status as old_status',
    ])
    .execute();

  const history: Insertable<OpportunityHistoryTable>[] = [];
  const now = new Date();
  for (const w of written) {
    const entry = states.get(w.external_id!);
    if (!entry) continue;
    const { state, record, ownerId } = entry;
    const base = {
      opportunity_id: w.id,
      amount_minor: record.amountMinor,
      owner_id: ownerId,
      synthesized: true,
    };
    if (w.old_id === null) {
      result.created += 1;
      const firstStage =
        state.status === 'open' ? state.stageId : (state.lastOpenStageId ?? refs.firstStageId);
      history.push({
        ...base,
        changed_at: record.createdAt,
        stage_id: firstStage,
        expected_close_date: state.expectedCloseDate,
      });
      if (state.closedAt)
        history.push({
          ...base,
          changed_at: state.closedAt,
          stage_id: state.stageId,
          expected_close_date: state.expectedCloseDate,
        });
      continue;
    }
    result.updated += 1;
    if (w.old_stage_id !== w.stage_id || w.old_amount !== w.amount_minor) {
      const justClosed = w.old_status === 'open' && state.closedAt !== null;
      history.push({
        ...base,
        changed_at: justClosed ? state.closedAt! : now,
        stage_id: state.stageId,
        expected_close_date: state.expectedCloseDate,
      });
    }
  }
  result.unchanged = rows.length - written.length;
  if (history.length > 0) await tx.insertInto('opportunity_history').values(history).execute();
  return result;
}
