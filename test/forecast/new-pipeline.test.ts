import { beforeAll, expect, it } from 'vitest';
import { COMPANY_SCOPE } from '../../src/domain/access/scope.ts';
import { isBusinessDay } from '../../src/domain/calendar/business-time.ts';
import { addDays, daysBetween } from '../../src/domain/calendar/local-date.ts';
import { parsePeriod } from '../../src/domain/calendar/period.ts';
import { localDateToInstant } from '../../src/domain/calendar/zoned.ts';
import { scopeNewPipeline } from '../../src/domain/forecast/compute.ts';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import { loadForecastInputs } from '../../src/store/queries/forecast/load-inputs.ts';
import { getBusinessCalendar } from '../../src/store/tables/calendar.ts';
import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import { getSettings } from '../../src/store/tables/settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

// Generated history with a known creation process: every business day the rep creates 6..10 deals (8 on average);
// each is won with probability 0.3 after 3..30 days (uniform), else lost after 5..40 days; every deal is 1 000.
// Forecasting 2026-Q3 on its first day (the backtest path: a past as-of instant, wins after it hidden), the model
// must recover the creation rate, the share won inside the quarter and the revenue, each within 5% of the
// generator's realised rate and win rate (the sampling noise of the generator is not the model's error).
const RATE = 8;
const WIN = 0.3;
const LAG_MIN = 3;
const LAG_MAX = 30;

describeStores('pipeline yet to be created, learned from generated history', (ctx) => {
  let rate = 0;
  let winRate = 0;
  const period = parsePeriod('2026-Q3', 1);
  beforeAll(async () => {
    await truncateAll(ctx.db);
    const pipelineId = await ensureDefaultPipeline(ctx.db);
    const stages = await ctx.db
      .selectFrom('stages')
      .select(['id', 'name'])
      .where('pipeline_id', '=', pipelineId)
      .execute();
    const stage = (name: string) => stages.find((s) => s.name === name)?.id as number;
    const rep = await seedUser(ctx.db, { role: 'rep', name: 'Gen Rep' });
    const cal = await getBusinessCalendar(ctx.db, 2024, 2027);
    const r = seededRandom(13);
    const rows = [];
    let created = 0;
    let won = 0;
    let days = 0;
    for (let d = '2025-03-01'; d < '2026-11-01'; d = addDays(d, 1)) {
      if (!isBusinessDay(d, cal)) continue;
      const n = r.int(RATE - 2, RATE + 2);
      if (d >= '2025-07-01' && d < '2026-07-01') {
        created += n;
        days += 1;
      }
      for (let i = 0; i < n; i++) {
        const isWon = r.chance(WIN);
        if (isWon && d >= '2025-07-01' && d < '2026-07-01') won += 1;
        const close = addDays(d, isWon ? r.int(LAG_MIN, LAG_MAX) : r.int(5, 40));
        rows.push({
          name: `G ${d} ${i}`,
          owner_id: rep.id,
          pipeline_id: pipelineId,
          stage_id: stage(isWon ? 'Won' : 'Lost'),
          amount_minor: 1_000,
          currency: 'USD',
          forecast_category: 'pipeline' as const,
          expected_close_date: close,
          status: isWon ? ('won' as const) : ('lost' as const),
          created_at: `${d}T10:00:00Z`,
          closed_at: `${close}T15:00:00Z`,
        });
      }
    }
    rate = created / days;
    winRate = won / created;
    for (let i = 0; i < rows.length; i += 500)
      await ctx.db
        .insertInto('opportunities')
        .values(rows.slice(i, i + 500))
        .execute();
  }, 120_000);

  it('recovers the creation rate, the in-period win share and the revenue within 5%', async () => {
    const settings = await getSettings(ctx.db);
    const inputs = await loadForecastInputs(ctx.db, {
      period,
      asOf: localDateToInstant(period.start, settings.timeZone),
      now: new Date('2026-11-29T12:00:00Z'),
      timeZone: settings.timeZone,
      lookbackDays: 365,
    });
    const est = scopeNewPipeline(inputs, COMPANY_SCOPE);
    // The truth: P(won within k days) = realised win rate x P(lag < k), lag uniform on 3..30.
    const cal = inputs.created.calendar;
    let share = 0;
    let bdays = 0;
    for (let d = period.start; d < period.end; d = addDays(d, 1)) {
      if (!isBusinessDay(d, cal)) continue;
      const k = daysBetween(d, period.end);
      share +=
        (winRate * Math.min(Math.max(k - LAG_MIN, 0), LAG_MAX - LAG_MIN + 1)) / (LAG_MAX - LAG_MIN + 1);
      bdays += 1;
    }
    const trueShare = share / bdays;
    // The generator's realised rate and win rate are the truth the model can see.
    expect(Math.abs(rate / RATE - 1)).toBeLessThan(0.02);
    expect(Math.abs(winRate / WIN - 1)).toBeLessThan(0.05);
    expect(Math.abs(est.dealsPerBusinessDay / rate - 1)).toBeLessThan(0.05);
    expect(Math.abs(est.winShare / trueShare - 1)).toBeLessThan(0.05);
    expect(est.avgWonDeal).toBe(1_000);
    expect(Math.abs(est.value / (rate * share * 1_000) - 1)).toBeLessThan(0.05);
  });
});
