import { expect, it } from 'vitest';
import { canSeeOwner, type Viewer } from '../../src/domain/access/viewer.ts';
import { visibleOwner } from '../../src/store/access/visible-owner.ts';
import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

describeStores('visibleOwner compiles the viewer rule to SQL', (ctx) => {
  it('emits the expected condition per role and agrees with canSeeOwner row by row', async () => {
    await truncateAll(ctx.db);
    const a = await seedUser(ctx.db, { role: 'rep' });
    const b = await seedUser(ctx.db, { role: 'rep' });
    const pipelineId = await ensureDefaultPipeline(ctx.db);
    const stage = await ctx.db.selectFrom('stages').select('id').executeTakeFirstOrThrow();
    for (const owner of [a.id, b.id, null]) {
      await ctx.db
        .insertInto('opportunities')
        .values({
          name: `o${owner}`,
          owner_id: owner,
          pipeline_id: pipelineId,
          stage_id: stage.id,
          currency: 'USD',
          created_at: '2026-01-01T00:00:00Z',
        })
        .execute();
    }
    const viewers: Array<[Viewer, string]> = [
      [{ userId: null, role: 'admin', visibleUserIds: null }, 'where true'],
      [
        { userId: a.id, role: 'manager', visibleUserIds: [a.id] },
        'where ("o"."owner_id" in ($1) or "o"."owner_id" is null)',
      ],
      [{ userId: a.id, role: 'rep', visibleUserIds: [a.id] }, 'where "o"."owner_id" in ($1)'],
      [{ userId: a.id, role: 'rep', visibleUserIds: [] }, 'where false'],
    ];
    const all = await ctx.db.selectFrom('opportunities').select(['id', 'owner_id']).orderBy('id').execute();
    for (const [viewer, where] of viewers) {
      const q = ctx.db
        .selectFrom('opportunities as o')
        .select(['o.id'])
        .where(visibleOwner(viewer, 'o.owner_id'))
        .orderBy('o.id');
      expect(q.compile().sql).toContain(where);
      const got = (await q.execute()).map((r) => r.id);
      expect(got).toEqual(all.filter((r) => canSeeOwner(viewer, r.owner_id)).map((r) => r.id));
    }
  });
});
