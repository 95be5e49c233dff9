import { beforeAll, expect, it } from 'vitest';
import type { RuleSet } from '../../src/domain/scoring/rules.ts';
import { thresholdEffect } from '../../src/domain/lead-calibration/threshold.ts';
import { loadCalibration } from '../../src/store/queries/scoring/calibration.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { signIn, testApp } from '../support/app.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

const RULES: RuleSet = {
  version: 3,
  mqlThreshold: 10,
  sqlThreshold: 20,
  demoRequestQualifies: false,
  rules: [
    {
      id: 'pricing',
      label: 'Visited pricing',
      type: 'engagement',
      eventType: 'page_view',
      urlPattern: '*/pricing*',
      points: 10,
      cap: null,
      windowDays: null,
      halfLifeDays: null,
    },
    {
      id: 'persona',
      label: 'Buyer persona',
      type: 'fit',
      condition: { kind: 'equals', attribute: 'persona', value: 'buyer' },
      points: 5,
    },
  ],
};

const d = (s: string) => new Date(`${s}T12:00:00Z`);

describeStores('lead calibration', (ctx) => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const { pipelineId, firstStageId } = await emptyStoreWithPipeline(ctx.db);
    const deal = async (name: string, status: 'won' | 'lost') =>
      (
        await ctx.db
          .insertInto('opportunities')
          .values({
            name,
            pipeline_id: pipelineId,
            stage_id: firstStageId,
            status,
            amount_minor: 100_000,
            currency: 'EUR',
            created_at: d('2026-02-01'),
            closed_at: d('2026-03-01'),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const lead = async (
      key: string,
      values: {
        created: string;
        persona?: string;
        converted?: string;
        opportunity?: number;
        disqualified?: string;
      },
      pricingViews: string[] = [],
    ) => {
      const row = await ctx.db
        .insertInto('leads')
        .values({
          name: key,
          created_at: d(values.created),
          persona: values.persona ?? null,
          status: values.converted ? 'converted' : values.disqualified ? 'disqualified' : 'working',
          converted_at: values.converted ? d(values.converted) : null,
          converted_opportunity_id: values.opportunity ?? null,
          disqualified_at: values.disqualified ? d(values.disqualified) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[key] = row.id;
      if (pricingViews.length > 0)
        await ctx.db
          .insertInto('lead_events')
          .values(
            pricingViews.map((at, i) => ({
              external_id: `${key}-${i}`,
              lead_id: row.id,
              type: 'page_view',
              url: 'https://x.example/pricing',
              occurred_at: d(at),
            })),
          )
          .execute();
    };
    // Won: one pricing view before conversion counts, the one after conversion must not (it would leak the outcome).
    await lead(
      'won',
      {
        created: '2026-01-10',
        persona: 'Buyer',
        converted: '2026-02-01',
        opportunity: await deal('W', 'won'),
      },
      ['2026-01-15', '2026-02-10'],
    );
    // Disqualified before its only pricing view: scored 0.
    await lead('dq', { created: '2026-01-10', disqualified: '2026-01-20' }, ['2026-01-25']);
    // Still open: both views count (scored at the report's as-of).
    await lead('open', { created: '2026-01-10' }, ['2026-01-12', '2026-01-13']);
    // Converted, deal lost.
    await lead('lost', {
      created: '2026-01-10',
      persona: 'buyer',
      converted: '2026-02-01',
      opportunity: await deal('L', 'lost'),
    });
    // Converted after the as-of: not an opportunity yet as the report sees it, scored at the as-of.
    await lead(
      'late',
      { created: '2026-01-10', converted: '2026-07-15', opportunity: await deal('X', 'won') },
      ['2026-03-01'],
    );
    // Created before the report's range: left out.
    await lead('old', { created: '2025-06-01' }, ['2025-06-02']);
  });

  it('scores each past lead as it stood when decided, and counts outcomes known at the as-of', async () => {
    const report = await loadCalibration(ctx.db, RULES, {
      from: d('2026-01-01'),
      to: d('2026-04-01'),
      asOf: d('2026-06-30'),
      proposedThreshold: 15,
      bandWidth: 10,
    });
    expect(report.leads).toBe(5);
    expect(report.ruleSetVersion).toBe(3);
    // Scores: won 10 + 5 = 15 (the post-conversion view left out), dq 0, open 20, lost 5, late 10.
    const expected = [
      { score: 15, opportunity: true, won: true },
      { score: 0, opportunity: false, won: false },
      { score: 20, opportunity: false, won: false },
      { score: 5, opportunity: true, won: false },
      { score: 10, opportunity: false, won: false },
    ];
    expect(report.thresholds.proposed).toEqual(thresholdEffect(expected, 15));
    expect(report.thresholds.proposed).toMatchObject({ passed: 2, winsCaught: 1, recall: 1, precision: 0.5 });
    expect(report.thresholds.mql).toMatchObject({ passed: 3, winsCaught: 1 });
    expect(report.thresholds.sql).toMatchObject({ passed: 1, winsCaught: 0, recall: 0 });
    expect(report.bands.map((b) => [b.from, b.to, b.leads, b.opportunities, b.wins])).toEqual([
      [null, 10, 2, 1, 0],
      [10, 20, 2, 1, 1],
      [20, null, 1, 0, 0],
    ]);
    expect(report.curve.map((c) => c.threshold)).toEqual([0, 5, 10, 15, 20]);
    // Too few leads for a fitted model.
    expect(report.model).toBeNull();
  });

  it('serves the report over the API to managers and admins, not to reps, and names bad input', async () => {
    const app = await testApp(ctx.db);
    try {
      const manager = await signIn(app, await seedUser(ctx.db, { role: 'manager' }));
      const rep = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
      const get = (headers: typeof manager, query: string) =>
        app.inject({ method: 'GET', url: `/api/scoring/calibration?${query}`, headers });
      const ok = await get(manager, 'from=2026-01-01&to=2026-03-31&threshold=15');
      expect(ok.statusCode).toBe(200);
      const body = ok.json<{
        leads: number;
        ruleSetVersion: number;
        thresholds: { proposed: { threshold: number } };
      }>();
      // The default rule set (stored as version 1 on first use) scores the same five leads of the range.
      expect(body.leads).toBe(5);
      expect(body.ruleSetVersion).toBe(1);
      expect(body.thresholds.proposed.threshold).toBe(15);
      expect((await get(rep, 'from=2026-01-01&to=2026-03-31')).statusCode).toBe(403);
      const backwards = await get(manager, 'from=2026-04-01&to=2026-03-31');
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
        'from',
      );
      expect((await get(manager, 'version=99')).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
