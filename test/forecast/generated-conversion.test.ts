import { beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar/local-date.ts';
import { LearnedProbabilities } from '../../src/domain/forecast/learned-probability.ts';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import { stageOutcomesBefore } from '../../src/store/queries/forecast/stage-outcomes.ts';
import { stageWinTimingMany } from '../../src/store/queries/forecast/stage-win-timing.ts';
import { wonWithin } from '../../src/domain/forecast/stage-timing.ts';
import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

// Generated history with known stage conversion: every deal starts in Discovery; half move on to Demo after
// 5 days (the others are lost after 10); of those in Demo 60% are won after 10 more days, the rest lost. So a deal
// entering Discovery is won 30% of the time and one entering Demo 60%. A forecast meets deals where they stand on
// a day, and Discovery holds the deals that will be lost twice as long as those moving on: of the deal-days spent
// in Discovery, 0.5 x 5 x 0.6 / (0.5 x 5 + 0.5 x 10) = 20% belong to deals later won, and that is the rate the
// open Discovery deals of any day convert at. The learned (observed) rates, read as of 2026-07-01 from the closed
// deals of the year before, must recover both stages' day-weighted rates within 5% of the generator's realised
// ones, and the per-deal shares (30% / 60%) beside them.
const TO_DEMO = 0.5;
const DEMO_WINS = 0.6;

describeStores('learned stage probabilities recover a known conversion', (ctx) => {
  const realised = { discovery: 0, discoveryDays: 0, demo: 0 };
  let stages: Record<string, number> = {};
  let pipelineId = 0;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    pipelineId = await ensureDefaultPipeline(ctx.db);
    const rows = await ctx.db
      .selectFrom('stages')
      .select(['id', 'name'])
      .where('pipeline_id', '=', pipelineId)
      .execute();
    stages = Object.fromEntries(rows.map((r) => [r.name, r.id]));
    const rep = await seedUser(ctx.db, { role: 'rep', name: 'Gen Rep' });
    const r = seededRandom(21);
    const deals: Array<{ created: string; path: Array<[string, number]>; won: boolean }> = [];
    let demo = 0;
    let wonFromDemo = 0;
    let won = 0;
    for (let d = '2025-07-01'; d < '2026-06-01'; d = addDays(d, 1)) {
      for (let i = 0; i < 4; i++) {
        const path: Array<[string, number]> = [[d, stages.Discovery as number]];
        let isWon = false;
        if (r.chance(TO_DEMO)) {
          demo += 1;
          path.push([addDays(d, 5), stages.Demo as number]);
          isWon = r.chance(DEMO_WINS);
          if (isWon) wonFromDemo += 1;
          path.push([addDays(d, 15), (isWon ? stages.Won : stages.Lost) as number]);
        } else {
          path.push([addDays(d, 10), stages.Lost as number]);
        }
        if (isWon) won += 1;
        deals.push({ created: d, path, won: isWon });
      }
    }
    realised.discovery = won / deals.length;
    // Days in Discovery: 5 for the deals that moved on, 10 for the others; won deals all moved on.
    realised.discoveryDays = (won * 5) / (demo * 5 + (deals.length - demo) * 10);
    realised.demo = wonFromDemo / demo;
    for (let i = 0; i < deals.length; i += 500) {
      const chunk = deals.slice(i, i + 500);
      const ids = await ctx.db
        .insertInto('opportunities')
        .values(
          chunk.map((g, k) => {
            const last = g.path[g.path.length - 1] as [string, number];
            return {
              name: `G ${i + k}`,
              owner_id: rep.id,
              pipeline_id: pipelineId,
              stage_id: last[1],
              amount_minor: 1_000,
              currency: 'USD',
              forecast_category: 'pipeline' as const,
              expected_close_date: last[0],
              status: g.won ? ('won' as const) : ('lost' as const),
              created_at: `${g.created}T10:00:00Z`,
              closed_at: `${last[0]}T10:00:00Z`,
            };
          }),
        )
        .returning('id')
        .execute();
      const history = chunk.flatMap((g, k) =>
        g.path.map(([day, stageId]) => ({
          opportunity_id: (ids[k] as { id: number }).id,
          changed_at: `${day}T10:00:00Z`,
          stage_id: stageId,
          amount_minor: 1_000,
          expected_close_date: (g.path[g.path.length - 1] as [string, number])[0],
          forecast_category: 'pipeline' as const,
          owner_id: rep.id,
        })),
      );
      for (let h = 0; h < history.length; h += 500)
        await ctx.db
          .insertInto('opportunity_history')
          .values(history.slice(h, h + 500))
          .execute();
    }
  }, 180_000);

  it('observes 20% of Discovery deal-days and 60% from Demo, within 5% of the realised rates', async () => {
    expect(Math.abs(realised.discovery / (TO_DEMO * DEMO_WINS) - 1)).toBeLessThan(0.05);
    const known = (TO_DEMO * 5 * DEMO_WINS) / (TO_DEMO * 5 + (1 - TO_DEMO) * 10);
    expect(known).toBeCloseTo(0.2, 12);
    expect(Math.abs(realised.discoveryDays / known - 1)).toBeLessThan(0.05);
    expect(Math.abs(realised.demo / DEMO_WINS - 1)).toBeLessThan(0.05);
    const outcomes = await stageOutcomesBefore(ctx.db, new Date('2026-07-01T00:00:00Z'));
    const table = new LearnedProbabilities(outcomes).calibration([
      { pipelineId, stageId: stages.Discovery as number, configured: 0.1 },
      { pipelineId, stageId: stages.Demo as number, configured: 0.4 },
    ]);
    const [discovery, demoRow] = table;
    expect(Math.abs((discovery?.observed as number) / realised.discoveryDays - 1)).toBeLessThan(0.05);
    expect(Math.abs((discovery?.dealWonShare as number) / realised.discovery - 1)).toBeLessThan(0.05);
    // Demo: won and lost deals both stay 10 days, so day and deal shares agree.
    expect(Math.abs((demoRow?.observed as number) / realised.demo - 1)).toBeLessThan(0.05);
    expect(Math.abs((demoRow?.dealWonShare as number) / realised.demo - 1)).toBeLessThan(0.05);
    // With over a thousand closed deals per stage, the shrinkage toward the configured rate is small.
    expect(Math.abs((discovery?.learned as number) / realised.discoveryDays - 1)).toBeLessThan(0.05);
  });

  it('times the wins: a won deal sits in Discovery 15 to 10 days and in Demo 10 to 0 days before its win', async () => {
    // Every won deal enters Discovery on day 0, Demo on day 5 and is won on day 15. Within 12 days of the win lie
    // days 3..5 of each Discovery stay (2 of 5 = 40%), within 5 days days 10..15 of each Demo stay (5 of 10 = 50%).
    const [timings] = await stageWinTimingMany(ctx.db, [new Date('2026-07-01T00:00:00Z')]);
    const of = (name: string) => timings?.find((t) => t.stageId === stages[name]);
    const discovery = of('Discovery');
    const demo = of('Demo');
    expect(discovery?.wonDeals).toBe(demo?.wonDeals);
    expect(discovery?.wonDays).toBeCloseTo((discovery?.wonDeals as number) * 5, 6);
    expect(wonWithin(discovery!, 12) / discovery!.wonDays).toBeCloseTo(0.4, 6);
    expect(wonWithin(discovery!, 10) / discovery!.wonDays).toBeCloseTo(0, 6);
    expect(wonWithin(demo!, 5) / demo!.wonDays).toBeCloseTo(0.5, 6);
    expect(wonWithin(demo!, 30) / demo!.wonDays).toBeCloseTo(1, 6);
  });
});
