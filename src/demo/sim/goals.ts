import { dayDiff, plusDays, quarterKey, quarterStart, sameDayMonthsLater } from '../dates.ts';
import { rampFactor } from './rates.ts';
import type { SimContext } from './context.ts';

const ADMIN_ID = 1;

/** Calendar quarters touched by the window, oldest first, e.g. ['2025-Q4', ..., '2026-Q4']. */
export function windowQuarters(ctx: SimContext): string[] {
  const keys: string[] = [];
  for (let q = quarterStart(quarterKey(ctx.start)); q <= ctx.until; q = sameDayMonthsLater(q, 3))
    keys.push(quarterKey(q));
  return keys;
}

/**
 * Quarterly won-revenue quotas for every rep (in minor units), set at what a fully ramped rep of this team won
 * per full quarter on average, so some reps beat quota and others miss; new hires get a ramped share. Plus the
 * micro-goals the brief asks for: daily calls, weekly meetings, lead response time at most 60 business minutes.
 */
export function buildGoals(ctx: SimContext): void {
  const quarters = windowQuarters(ctx);
  let wonTotal = 0;
  for (const o of ctx.ds.opportunities) {
    const closed = ctx.closeDates.get(o.id);
    if (o.status === 'won' && closed && closed >= ctx.start) wonTotal += Number(o.amount_minor);
  }
  // Rep-quarters of selling capacity inside the window, weighted by ramp.
  let capacity = 0;
  for (const rep of ctx.reps) {
    for (let d = ctx.start; d <= ctx.until; d = plusDays(d, 7)) capacity += rampFactor(rep, d) * (7 / 91.3);
  }
  const perQuarter = capacity > 0 ? wonTotal / capacity : 0;
  const baseQuota = Math.max(500_000, Math.round(perQuarter / 500_000) * 500_000);
  for (const rep of ctx.reps) {
    for (const key of quarters) {
      const qStart = quarterStart(key);
      const qEnd = plusDays(sameDayMonthsLater(qStart, 3), -1);
      if (rep.hireDate > qEnd) continue;
      const mid = plusDays(qStart, Math.floor(dayDiff(qStart, qEnd) / 2));
      const share = Math.max(0.25, rampFactor(rep, mid));
      ctx.ds.goals.push({
        name: `Quota ${key}`,
        metric_id: 'won_revenue',
        scope_type: 'user',
        scope_id: rep.userId,
        grain: 'quarter',
        period_key: key,
        target: Math.round((baseQuota * share) / 100_000) * 100_000,
        direction: 'at_least',
        template: 'quota',
        created_by: ADMIN_ID,
      });
    }
    ctx.ds.goals.push(
      {
        name: 'Daily calls',
        metric_id: 'calls',
        scope_type: 'user',
        scope_id: rep.userId,
        grain: 'day',
        period_key: null,
        target: 20,
        direction: 'at_least',
        template: 'daily_calls',
        created_by: ADMIN_ID,
      },
      {
        name: 'Weekly meetings held',
        metric_id: 'meetings_held',
        scope_type: 'user',
        scope_id: rep.userId,
        grain: 'week',
        period_key: null,
        target: 5,
        direction: 'at_least',
        template: 'weekly_meetings',
        created_by: ADMIN_ID,
      },
    );
  }
  const teamIds = [...new Set(ctx.reps.map((r) => r.teamId))];
  for (const teamId of teamIds) {
    ctx.ds.goals.push({
      name: 'Answer leads within the hour',
      metric_id: 'lead_response_time_p50',
      scope_type: 'team',
      scope_id: teamId,
      grain: 'week',
      period_key: null,
      target: 60,
      direction: 'at_most',
      template: 'speed_to_lead',
      created_by: ADMIN_ID,
    });
  }
}
