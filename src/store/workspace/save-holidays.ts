import type { Viewer } from '../../domain/access/viewer.ts';
import type { Holiday } from '../../domain/calendar/holidays.ts';
import { isLocalDate } from '../../domain/calendar/local-date.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Db } from '../db.ts';
import { refreshDerived } from '../derived/refresh.ts';
import { inTransaction } from '../in-transaction.ts';
import { recordAudit } from '../tables/audit-log.ts';
import { listCustomHolidays, replaceCustomHolidays } from '../tables/calendar.ts';

/** Every problem in a custom holiday list, with its position. */
export function validateHolidays(holidays: readonly Holiday[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  holidays.forEach((h, i) => {
    if (!isLocalDate(h.date))
      errors.push({ field: `holidays[${i}].date`, value: h.date, reason: 'not a YYYY-MM-DD date' });
    else if (seen.has(h.date))
      errors.push({ field: `holidays[${i}].date`, value: h.date, reason: 'listed twice' });
    seen.add(h.date);
    if (h.name.trim() === '')
      errors.push({ field: `holidays[${i}].name`, value: h.name, reason: 'a name is required' });
  });
  return errors;
}

/**
 * Replaces the custom holiday list in one transaction, recomputing every derived response time when the list
 * changed, and audits it. Returns the new list by date.
 */
export async function saveCustomHolidays(
  db: Db,
  viewer: Viewer,
  holidays: readonly Holiday[],
): Promise<Holiday[]> {
  const errors = validateHolidays(holidays);
  if (errors.length > 0) throw new AppError('validation', 'The holiday list is invalid', errors);
  const next = holidays
    .map((h) => ({ date: h.date, name: h.name.trim() }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  return inTransaction(db, async (tx) => {
    const before = await listCustomHolidays(tx);
    if (JSON.stringify(before) === JSON.stringify(next)) return before;
    await replaceCustomHolidays(tx, next);
    await refreshDerived(tx, { all: true, responseMinutesOnly: true });
    await recordAudit(tx, viewer, {
      action: 'update',
      entity: 'holidays',
      entityId: null,
      before,
      after: next,
    });
    return next;
  });
}
