import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStores } from './support/stores.ts';

describeStores('store', (ctx) => {
  it('migrates and round-trips money, dates and instants with stable types', async () => {
    const { id: pipelineId } = await ctx.db
      .insertInto('pipelines')
      .values({ name: 'P', is_default: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(typeof pipelineId).toBe('number');
    const stage = await ctx.db
      .insertInto('stages')
      .values({ pipeline_id: pipelineId, name: 'Discovery', position: 1, probability_pct: 10 })
      .returning(['id', 'probability_pct'])
      .executeTakeFirstOrThrow();
    expect(stage.probability_pct).toBe(10);
    const opp = await ctx.db
      .insertInto('opportunities')
      .values({
        name: 'Big',
        pipeline_id: pipelineId,
        stage_id: stage.id,
        amount_minor: 9_007_199_254_740,
        currency: 'EUR',
        created_at: '2026-03-01T10:00:00Z',
        expected_close_date: '2026-03-31',
      })
      .returning(['amount_minor', 'expected_close_date', 'created_at'])
      .executeTakeFirstOrThrow();
    expect(opp.amount_minor).toBe(9_007_199_254_740);
    expect(opp.expected_close_date).toBe('2026-03-31');
    expect(opp.created_at).toBeInstanceOf(Date);
    expect(opp.created_at.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    const s = await sql<{ c: number }>`select count(*)::bigint as c from settings`.execute(ctx.db);
    expect(s.rows[0]?.c).toBe(1);
  });
});
