import type { Viewer } from '../../../domain/access/viewer.ts';
import { payrollCsvText, type PayrollRow } from '../../../domain/commissions/payroll-csv.ts';
import type { CsvSeparator } from '../../../domain/csv/csv-format.ts';
import type { Db } from '../../db.ts';
import { recordAudit } from '../../tables/audit-log.ts';
import { commissionPeriod } from './commission-period.ts';
import { requireCommissionsAdmin } from './plans.ts';

/** The period's locked and paid statements as payroll rows (drafts are never paid), by person. Admins only. */
export async function payrollRows(db: Db, viewer: Viewer, periodKey: string): Promise<PayrollRow[]> {
  requireCommissionsAdmin(viewer, 'export payroll');
  const period = await commissionPeriod(db, periodKey);
  const rows = await db
    .selectFrom('commission_statements as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.user_id',
      's.currency',
      's.payout_minor',
      's.status',
      'u.external_id',
      'u.email',
      'u.name',
    ])
    .where('s.period_key', '=', period.key)
    .where('s.status', '<>', 'draft')
    .orderBy('u.name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    periodKey: period.key,
    userId: r.user_id,
    userExternalId: r.external_id,
    email: r.email,
    name: r.name,
    currency: r.currency,
    payoutMinor: r.payout_minor,
    status: r.status === 'paid' ? 'paid' : 'locked',
    statementId: r.id,
  }));
}

/** The payroll CSV of a period; the export itself is audited (who took pay data out, when). */
export async function payrollCsv(
  db: Db,
  viewer: Viewer,
  periodKey: string,
  separator: CsvSeparator = 'comma',
): Promise<{ periodKey: string; csv: string }> {
  const rows = await payrollRows(db, viewer, periodKey);
  const key = (await commissionPeriod(db, periodKey)).key;
  await recordAudit(db, viewer, {
    action: 'export',
    entity: 'commission_payroll',
    entityId: key,
    after: { statements: rows.length },
  });
  return { periodKey: key, csv: payrollCsvText(rows, separator) };
}
