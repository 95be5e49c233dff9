import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { fairness } from '../../src/store/queries/routing/fairness.ts';
import { speedToLead } from '../../src/store/queries/routing/speed-to-lead.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { describeStores } from '../support/stores.ts';
import { seedReps } from './seed.ts';

// Leads of November 2026: [source, owner index, business minutes to first response (null = never), outcome].
const LEADS: Array<[string, number, number | null, 'none' | 'open' | 'won']> = [
  ['web', 0, 2, 'won'],
  ['web', 0, 4, 'open'],
  ['web', 1, 3, 'none'],
  ['web', 1, 10, 'won'],
  ['event', 0, 45, 'none'],
  ['event', 1, 120, 'open'],
  ['event', 1, 2000, 'none'],
  ['web', 0, null, 'none'],
];

describeStores('routing reports', (ctx) => {
  let reps: number[] = [];

  beforeAll(async () => {
    const { pipelineId, firstStageId } = await emptyStoreWithPipeline(ctx.db);
    const wonStage = await ctx.db
      .selectFrom('stages')
      .select('id')
      .where('pipeline_id', '=', pipelineId)
      .where('is_won', '=', true)
      .executeTakeFirstOrThrow();
    reps = await seedReps(ctx.db, 2);
    const created = new Date('2026-11-10T10:00:00Z');
    for (const [i, [source, owner, minutes, outcome]] of LEADS.entries()) {
      let oppId: number | null = null;
      if (outcome !== 'none') {
        oppId = (
          await ctx.db
            .insertInto('opportunities')
            .values({
              name: `Deal ${i}`,
              pipeline_id: pipelineId,
              stage_id: outcome === 'won' ? wonStage.id : firstStageId,
              status: outcome === 'won' ? 'won' : 'open',
              currency: 'USD',
              created_at: created,
              closed_at: outcome === 'won' ? new Date('2026-11-20T10:00:00Z') : null,
              owner_id: reps[owner]!,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      const { id } = await ctx.db
        .insertInto('leads')
        .values({
          name: `Lead ${i}`,
          source,
          owner_id: reps[owner]!,
          status: oppId ? 'converted' : 'sql',
          created_at: created,
          first_response_at: minutes === null ? null : new Date(created.getTime() + minutes * 60_000),
          response_business_minutes: minutes,
          converted_opportunity_id: oppId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Rep 0 received three leads in November by routing, rep 1 one in November and one in December.
      if (i < 4 || i === 5) {
        const user = i < 3 ? reps[0]! : reps[1]!;
        await ctx.db
          .insertInto('lead_assignments')
          .values({
            lead_id: id,
            user_id: user,
            kind: 'initial',
            reason: 'test',
            assigned_at: i === 5 ? new Date('2026-12-02T10:00:00Z') : created,
          })
          .execute();
      }
    }
  });

  it('speed-to-lead for the company: leads, converted and won per response bucket', async () => {
    const rows = await speedToLead(ctx.db, SYSTEM_VIEWER, {
      from: '2026-11-01',
      to: '2026-11-30',
      by: 'company',
    });
    const byBucket = Object.fromEntries(rows.map((r) => [r.bucket, [r.leads, r.converted, r.won]]));
    // Same day is 60 up to 540 business minutes (09:00-18:00); 2000 is later.
    expect(byBucket).toEqual({
      under_5m: [3, 2, 1],
      '5_30m': [1, 1, 1],
      '30_60m': [1, 0, 0],
      same_day: [1, 1, 0],
      later: [1, 0, 0],
      never: [1, 0, 0],
    });
    expect(rows.find((r) => r.bucket === 'under_5m')!.conversionRate).toBeCloseTo(2 / 3);
    expect(rows.find((r) => r.bucket === 'under_5m')!.winRate).toBeCloseTo(1 / 3);
    expect(rows.find((r) => r.bucket === '30_60m')!.winRate).toBe(0);
  });

  it('speed-to-lead per rep and per source', async () => {
    const perRep = await speedToLead(ctx.db, SYSTEM_VIEWER, {
      from: '2026-11-01',
      to: '2026-11-30',
      by: 'rep',
    });
    const cell = (id: number, bucket: string) => perRep.find((r) => r.groupId === id && r.bucket === bucket);
    expect(cell(reps[0]!, 'under_5m')).toMatchObject({ leads: 2, converted: 2, won: 1 });
    expect(cell(reps[1]!, 'under_5m')).toMatchObject({ leads: 1, converted: 0, won: 0, conversionRate: 0 });
    expect(cell(reps[1]!, 'never')).toMatchObject({ leads: 0, conversionRate: null });
    const perSource = await speedToLead(ctx.db, SYSTEM_VIEWER, {
      from: '2026-11-01',
      to: '2026-11-30',
      by: 'source',
    });
    const src = (s: string, bucket: string) =>
      perSource.find((r) => r.groupName === s && r.bucket === bucket);
    expect(src('web', 'under_5m')).toMatchObject({ leads: 3, converted: 2, won: 1 });
    expect(src('event', 'same_day')).toMatchObject({ leads: 1, converted: 1, won: 0 });
    expect(src('event', 'later')).toMatchObject({ leads: 1 });
  });

  it('a rep sees only their own speed-to-lead rows', async () => {
    const viewer = { userId: reps[1]!, role: 'rep' as const, visibleUserIds: [reps[1]!] };
    const rows = await speedToLead(ctx.db, viewer, { from: '2026-11-01', to: '2026-11-30', by: 'rep' });
    expect(new Set(rows.map((r) => r.groupId))).toEqual(new Set([reps[1]]));
  });

  it('fairness: leads received per rep per month', async () => {
    const rows = await fairness(ctx.db, SYSTEM_VIEWER, {
      from: '2026-11-01',
      to: '2026-12-31',
      grain: 'month',
    });
    const got = rows.filter((r) => r.leadsAssigned > 0).map((r) => [r.userId, r.period, r.leadsAssigned]);
    expect(got).toEqual(
      expect.arrayContaining([
        [reps[0], '2026-11', 3],
        [reps[1], '2026-11', 1],
        [reps[1], '2026-12', 1],
      ]),
    );
    expect(got).toHaveLength(3);
  });
});
