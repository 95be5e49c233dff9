import type { Viewer } from '../../../domain/access/viewer.ts';
import { mayReadStatement } from '../../../domain/commissions/access.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { inTransaction } from '../../in-transaction.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import type { DisputeStatus } from '../../tables/commissions.ts';
import { requireCommissionsAdmin } from './plans.ts';
import { statementReadable } from './statement-read-filter.ts';

/** A person's objection to a line of their locked statement, and how an admin resolved it. */
export interface Dispute {
  id: number;
  statementId: number;
  lineId: number | null;
  raisedBy: number;
  raisedByName: string;
  /** The statement's person, period and currency, so a list of disputes reads without opening each statement. */
  personName: string;
  periodKey: string;
  currency: string;
  comment: string;
  status: DisputeStatus;
  resolution: string | null;
  adjustmentMinor: number | null;
  /** The open statement that pays the accepted amount (null until a run writes it). */
  appliedInStatementId: number | null;
  createdAt: string;
  resolvedAt: string | null;
}

/** Disputes on statements the viewer may read (the statement read rule), oldest first. */
export async function listDisputes(
  db: Db,
  viewer: Viewer,
  filter: { status?: DisputeStatus; statementId?: number } = {},
): Promise<Dispute[]> {
  let q = db
    .selectFrom('commission_disputes as d')
    .innerJoin('commission_statements as s', 's.id', 'd.statement_id')
    .innerJoin('users as u', 'u.id', 'd.raised_by')
    .innerJoin('users as p', 'p.id', 's.user_id')
    .selectAll('d')
    .select(['u.name as raised_by_name', 'p.name as person_name', 's.period_key', 's.currency'])
    .where(statementReadable(viewer, 's'));
  if (filter.status) q = q.where('d.status', '=', filter.status);
  if (filter.statementId !== undefined) q = q.where('d.statement_id', '=', filter.statementId);
  const rows = await q.orderBy('d.created_at').orderBy('d.id').execute();
  return rows.map((d) => ({
    id: d.id,
    statementId: d.statement_id,
    lineId: d.line_id,
    raisedBy: d.raised_by,
    raisedByName: d.raised_by_name,
    personName: d.person_name,
    periodKey: d.period_key,
    currency: d.currency,
    comment: d.comment,
    status: d.status,
    resolution: d.resolution,
    adjustmentMinor: d.adjustment_minor,
    appliedInStatementId: d.applied_in_statement_id,
    createdAt: new Date(d.created_at).toISOString(),
    resolvedAt: d.resolved_at === null ? null : new Date(d.resolved_at).toISOString(),
  }));
}

function statementNotFound(id: number): AppError {
  return new AppError('not_found', `Statement ${id} not found`, [
    { field: 'id', value: String(id), reason: 'no such statement', rule: 'not_found' },
  ]);
}

/**
 * The statement's owner disputes one of its lines, once it is locked or paid. A statement the viewer may not
 * read is a 404 (so is a line of another statement); a readable statement of someone else is a 403; a line with
 * an open dispute is a 409 until an admin resolves it.
 */
export async function raiseDispute(
  db: Db,
  viewer: Viewer,
  statementId: number,
  input: { lineId: number; comment: string },
): Promise<Dispute> {
  return inTransaction(db, async (tx) => {
    const s = await tx
      .selectFrom('commission_statements')
      .select(['id', 'user_id', 'status'])
      .where('id', '=', statementId)
      .executeTakeFirst();
    if (!s || !mayReadStatement(viewer, { userId: s.user_id, status: s.status }))
      throw statementNotFound(statementId);
    if (viewer.userId === null || s.user_id !== viewer.userId) {
      throw new AppError('forbidden', 'Only the person paid by a statement may dispute its lines');
    }
    if (s.status === 'draft') throw statementNotFound(statementId);
    const line = await tx
      .selectFrom('commission_statement_lines')
      .select('id')
      .where('id', '=', input.lineId)
      .where('statement_id', '=', statementId)
      .forUpdate() // serialises two posts on one line (a double submit), so the check below sees the first
      .executeTakeFirst();
    if (!line) {
      throw new AppError('not_found', `Line ${input.lineId} is not on statement ${statementId}`, [
        {
          field: 'lineId',
          value: String(input.lineId),
          reason: 'no such line on this statement',
          rule: 'not_found',
        },
      ]);
    }
    // One open dispute per line: a second one could be accepted as well and pay the same correction twice.
    const open = await tx
      .selectFrom('commission_disputes')
      .select('id')
      .where('line_id', '=', line.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (open) {
      throw new AppError('conflict', `Line ${line.id} already has an open dispute (${open.id})`, [
        { field: 'lineId', value: String(line.id), reason: `dispute ${open.id} on this line is still open` },
      ]);
    }
    const row = await tx
      .insertInto('commission_disputes')
      .values({
        statement_id: statementId,
        line_id: line.id,
        raised_by: viewer.userId,
        comment: input.comment.trim(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [after] = (await listDisputes(tx, viewer, { statementId })).filter((d) => d.id === row.id);
    await recordAudit(tx, viewer, {
      action: 'create',
      entity: 'commission_dispute',
      entityId: row.id,
      after,
    });
    return after!;
  });
}

/**
 * An admin accepts or rejects an open dispute. An accepted amount (signed, minor units) is paid as an adjustment
 * line in the person's next open statement by the next run. Audited.
 */
export async function resolveDispute(
  db: Db,
  viewer: Viewer,
  id: number,
  input: { decision: 'accepted' | 'rejected'; resolution: string; adjustmentMinor?: number },
  now = new Date(),
): Promise<Dispute> {
  requireCommissionsAdmin(viewer, 'resolve disputes');
  if (input.decision === 'rejected' && input.adjustmentMinor !== undefined) {
    throw new AppError('validation', 'A rejected dispute carries no amount', [
      {
        field: 'adjustmentMinor',
        value: String(input.adjustmentMinor),
        reason: 'only an accepted dispute pays an amount',
      },
    ]);
  }
  return inTransaction(db, async (tx) => {
    const d = await tx
      .selectFrom('commission_disputes')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!d) {
      throw new AppError('not_found', `Dispute ${id} not found`, [
        { field: 'id', value: String(id), reason: 'no such dispute', rule: 'not_found' },
      ]);
    }
    if (d.status !== 'open') {
      throw new AppError('conflict', `Dispute ${id} is already ${d.status}`, [
        { field: 'id', value: String(id), reason: 'only an open dispute can be resolved' },
      ]);
    }
    await tx
      .updateTable('commission_disputes')
      .set({
        status: input.decision,
        resolution: input.resolution.trim(),
        adjustment_minor: input.decision === 'accepted' ? (input.adjustmentMinor ?? null) : null,
        resolved_by: viewer.userId,
        resolved_at: now,
      })
      .where('id', '=', id)
      .execute();
    const [after] = (await listDisputes(tx, viewer, { statementId: d.statement_id })).filter(
      (x) => x.id === id,
    );
    await recordAudit(tx, viewer, {
      action: 'resolve',
      entity: 'commission_dispute',
      entityId: id,
      before: d,
      after,
    });
    return after!;
  });
}
