import { expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../src/domain/scoring/default-rules.ts';
import { runJobOnce } from '../../src/jobs/runner.ts';
import { scoringRescoreJob } from '../../src/jobs/definitions/scoring-rescore.ts';
import { rescoreStep } from '../../src/store/queries/scoring/rescore-step.ts';
import { enqueueRescore, getRescore, listRescores } from '../../src/store/tables/scoring-rescores.ts';
import { getActiveRuleSet, listRuleSets, saveRuleSet } from '../../src/store/tables/scoring-rule-sets.ts';
import { describeStores, truncateAll } from '../support/stores.ts';

const NOW = new Date('2026-06-30T12:00:00Z');

describeStores('re-scoring after a rule change', (ctx) => {
  it('works through the open leads in batches, committing progress, then promotes by the new rules', async () => {
    await truncateAll(ctx.db);
    // 25 open leads that each clicked one email (3 points), and one converted lead that is left alone.
    const leads = await ctx.db
      .insertInto('leads')
      .values(
        Array.from({ length: 26 }, (_, i) => ({
          name: `L${i}`,
          created_at: '2026-06-01T09:00:00Z',
          status: i === 25 ? ('converted' as const) : ('working' as const),
        })),
      )
      .returning('id')
      .execute();
    await ctx.db
      .insertInto('lead_events')
      .values(
        leads.map((l) => ({
          external_id: `c${l.id}`,
          lead_id: l.id,
          type: 'email_click',
          url: null,
          occurred_at: '2026-06-10T09:00:00Z',
        })),
      )
      .execute();
    const v1 = await getActiveRuleSet(ctx.db);
    const v2 = await ctx.db.transaction().execute(async (tx) => {
      const saved = await saveRuleSet(tx, { ...DEFAULT_RULE_SET, mqlThreshold: 3 }, null);
      await enqueueRescore(tx, saved.version, null);
      return saved;
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await listRuleSets(ctx.db)).map((r) => [r.version, r.active])).toEqual([
      [2, true],
      [1, false],
    ]);

    const step = () => ctx.db.transaction().execute((tx) => rescoreStep(tx, () => NOW, 0, 10));
    expect(await step()).toMatchObject({ status: 'running', leadsTotal: 25, leadsDone: 10, promoted: 10 });
    expect(await step()).toMatchObject({ status: 'running', leadsDone: 20 });
    const last = await step();
    expect(last).toMatchObject({ status: 'running', leadsDone: 25, promoted: 25 });
    expect(await step()).toMatchObject({ status: 'done', leadsDone: 25, promoted: 25, finishedAt: NOW });
    expect(await step()).toBeNull();

    const statuses = await ctx.db.selectFrom('leads').select('status').orderBy('id').execute();
    expect(statuses.filter((s) => s.status === 'mql')).toHaveLength(25);
    expect(statuses[25]?.status).toBe('converted');
    const scores = await ctx.db.selectFrom('lead_scores').select(['rule_set_version', 'score']).execute();
    expect(scores).toHaveLength(25);
    expect(new Set(scores.map((s) => `${s.rule_set_version}:${s.score}`))).toEqual(new Set(['2:3']));
    const changes = await ctx.db
      .selectFrom('lead_status_changes')
      .select(['rule_set_version', 'to_status'])
      .execute();
    expect(changes).toHaveLength(25);
    expect(new Set(changes.map((c) => `${c.rule_set_version}:${c.to_status}`))).toEqual(new Set(['2:mql']));
  });

  it('a newer request supersedes an unfinished older one; the job runs it once', async () => {
    await truncateAll(ctx.db);
    await ctx.db
      .insertInto('leads')
      .values({ name: 'L', created_at: '2026-06-01T09:00:00Z', status: 'new' })
      .execute();
    const rs = await getActiveRuleSet(ctx.db);
    const a = await enqueueRescore(ctx.db, rs.version, null);
    const b = await enqueueRescore(ctx.db, rs.version, null);
    const [first, second] = await Promise.all([
      runJobOnce(ctx.db, scoringRescoreJob, NOW),
      runJobOnce(ctx.db, scoringRescoreJob, NOW),
    ]);
    // PGlite runs one transaction at a time, so there the second simply finds nothing left to do.
    const ran = [first, second].filter((r) => r.ran && r.summary !== '');
    expect(ran).toHaveLength(1);
    expect(await getRescore(ctx.db, a.id)).toMatchObject({ status: 'superseded' });
    expect(await getRescore(ctx.db, b.id)).toMatchObject({ status: 'done', leadsDone: 1 });
  });
});

describeStores('daily re-score for rules that change with time', (ctx) => {
  it('queues one re-score a workspace day when a rule decays, none without such a rule or a stored rule set', async () => {
    await truncateAll(ctx.db);
    await ctx.db
      .insertInto('leads')
      .values({ name: 'L', created_at: '2026-06-01T09:00:00Z', status: 'new' })
      .execute();
    // No rule set stored yet: scoring is not in use, nothing is queued and nothing is stored.
    await runJobOnce(ctx.db, scoringRescoreJob, NOW);
    expect(await listRescores(ctx.db)).toEqual([]);
    expect((await ctx.db.selectFrom('scoring_rule_sets').select('version').execute()).length).toBe(0);

    // The default rules do not decay: still nothing.
    await getActiveRuleSet(ctx.db);
    await runJobOnce(ctx.db, scoringRescoreJob, NOW);
    expect(await listRescores(ctx.db)).toEqual([]);

    // A half-life rule: one re-score the first tick of the day, none on later ticks that day, one the next day.
    const decaying = {
      ...DEFAULT_RULE_SET,
      rules: DEFAULT_RULE_SET.rules.map((r) => (r.type === 'engagement' ? { ...r, halfLifeDays: 30 } : r)),
    };
    await ctx.db.transaction().execute((tx) => saveRuleSet(tx, decaying, null));
    await ctx.db.deleteFrom('scoring_rescores').execute();
    await runJobOnce(ctx.db, scoringRescoreJob, NOW);
    await runJobOnce(ctx.db, scoringRescoreJob, new Date(NOW.getTime() + 3_600_000));
    expect((await listRescores(ctx.db)).length).toBe(1);
    await runJobOnce(ctx.db, scoringRescoreJob, new Date(NOW.getTime() + 86_400_000));
    const all = await listRescores(ctx.db);
    expect(all.length).toBe(2);
    expect(all.every((r) => r.status === 'done')).toBe(true);
  });
});
