import type { Viewer } from '../../domain/access/viewer.ts';
import { inRegistryOrder } from '../../domain/leaderboard/published.ts';
import { calendarChanged, validateSettings } from '../../domain/settings-validation.ts';
import type { WorkspaceSettings } from '../../domain/settings.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../db.ts';
import { refreshDerived } from '../derived/refresh.ts';
import { inTransaction } from '../in-transaction.ts';
import { recordAudit } from '../tables/audit-log.ts';
import { getSettings, updateSettings } from '../tables/settings.ts';

/**
 * Validates and applies a settings change in one transaction: when it moves business time (zone, days, hours,
 * holiday calendar) or the lead SLA (minutes, same-day rule) every derived response time and SLA deadline is
 * recomputed before commit; the change is audited.
 */
export async function saveSettings(
  db: Db,
  viewer: Viewer,
  patch: Partial<WorkspaceSettings>,
): Promise<WorkspaceSettings> {
  return inTransaction(db, async (tx) => {
    const before = await getSettings(tx);
    const normalized = { ...patch };
    if (normalized.workingDays) normalized.workingDays = [...normalized.workingDays].sort((a, b) => a - b);
    if (normalized.holidayCountry === null) normalized.holidayRegion = null;
    if (normalized.leaderboardMetrics)
      normalized.leaderboardMetrics = inRegistryOrder(normalized.leaderboardMetrics);
    const errors = validateSettings({ ...before, ...normalized });
    if (errors.length > 0) throw new AppError('validation', 'The settings are invalid', errors);
    const after = await updateSettings(tx, normalized);
    // A request that changes nothing leaves no audit entry and recomputes nothing.
    if (JSON.stringify(before) === JSON.stringify(after)) return after;
    // Stored SLA deadlines depend on business time and on the SLA minutes and same-day rule.
    const slaChanged =
      before.leadSlaMinutes !== after.leadSlaMinutes ||
      before.leadSlaSameBusinessDay !== after.leadSlaSameBusinessDay;
    if (calendarChanged(before, after) || slaChanged)
      await refreshDerived(tx, { all: true, responseMinutesOnly: true });
    await recordAudit(tx, viewer, { action: 'update', entity: 'settings', entityId: 1, before, after });
    return after;
  });
}
