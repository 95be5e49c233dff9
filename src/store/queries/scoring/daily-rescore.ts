import { sql } from 'kysely';
import { localDateToInstant, instantToLocal } from '../../../domain/calendar/zoned.ts';
import type { ScoringRule } from '../../../domain/scoring/rules.ts';
import type { DbOrTx } from '../../derived/people.ts';
import { enqueueRescore } from '../../tables/scoring-rescores.ts';
import { getSettings } from '../../tables/settings.ts';

/** Whether a rule's points change with time alone (decay or a window), so scores go stale without any event. */
export function dependsOnTime(rule: ScoringRule): boolean {
  return rule.type === 'engagement' && (rule.halfLifeDays !== null || rule.windowDays !== null);
}

/**
 * Queues the day's re-score when the active rule set has a rule that decays or has a window and no re-score was
 * requested since the workspace day began: a lead that receives no event keeps its points otherwise, and a
 * half-life means nothing if nobody recomputes. Nothing when no rule set was ever stored (scoring not in use: a
 * fresh store stays empty). Run under the job runner's advisory lock, so one process queues it once a day.
 */
export async function queueDailyRescore(db: DbOrTx, now: Date): Promise<number | null> {
  const active = await sql<{ version: number; rules: ScoringRule[] }>`
    select version, rules from scoring_rule_sets where active`.execute(db);
  const rs = active.rows[0];
  if (!rs || !rs.rules.some(dependsOnTime)) return null;
  const zone = (await getSettings(db)).timeZone;
  const dayStart = localDateToInstant(instantToLocal(now, zone).date, zone);
  const recent = await sql<{ n: number }>`
    select count(*)::int as n from scoring_rescores where requested_at >= ${dayStart.toISOString()}::timestamptz`.execute(
    db,
  );
  if (Number(recent.rows[0]?.n ?? 0) > 0) return null;
  return (await enqueueRescore(db, rs.version, null, now)).id;
}
