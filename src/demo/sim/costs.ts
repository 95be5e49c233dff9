import { dateParts } from '../../domain/calendar/local-date.ts';
import { lastDayOfMonth, plusDays, sameDayMonthsLater } from '../dates.ts';
import type { SimContext } from './context.ts';

const DOLLAR = 100;

/**
 * Customer acquisition costs per calendar month: each team's sales cost (reps on payroll plus its manager) and
 * company-wide marketing spend, heavier in event months and lighter in December and August.
 */
export function buildAcquisitionCosts(ctx: SimContext): void {
  const teamIds = [...new Set(ctx.reps.map((r) => r.teamId))];
  for (let m = `${ctx.start.slice(0, 7)}-01`; m <= ctx.until; m = sameDayMonthsLater(m, 1)) {
    const end = lastDayOfMonth(m);
    for (const teamId of teamIds) {
      const reps = ctx.reps.filter((r) => r.teamId === teamId && r.hireDate <= end).length;
      ctx.ds.acquisitionCosts.push({
        period_start: m,
        period_end: end,
        category: 'sales',
        team_id: teamId,
        amount_minor: (reps * 7_500 + 11_000) * DOLLAR,
        currency: ctx.currency,
      });
    }
    const { month } = dateParts(m);
    const quiet = month === 12 || month === 8 ? 0.6 : 1;
    ctx.ds.acquisitionCosts.push({
      period_start: m,
      period_end: end,
      category: 'marketing',
      team_id: null,
      amount_minor:
        Math.round((ctx.reps.length * 1_500 * quiet + ctx.rnd.int(0, 4_000)) / 100) * 100 * DOLLAR,
      currency: ctx.currency,
    });
    if (month % 3 === 0) {
      ctx.ds.acquisitionCosts.push({
        period_start: plusDays(m, 14),
        period_end: plusDays(m, 16),
        category: 'events',
        team_id: null,
        amount_minor: ctx.rnd.int(8, 20) * 1_000 * DOLLAR,
        currency: ctx.currency,
      });
    }
  }
}
