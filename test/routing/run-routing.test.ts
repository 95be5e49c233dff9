import { beforeEach, expect, it } from 'vitest';
import { runRouting } from '../../src/store/queries/routing/run-routing.ts';
import { addOutOfOffice } from '../../src/store/tables/out-of-office.ts';
import { createRoutingRule, type RoutingRuleInput } from '../../src/store/tables/routing-rules.ts';
import { saveRoutingRep, DEFAULT_REP_PROFILE } from '../../src/store/tables/routing-reps.ts';
import { updateRoutingSettings } from '../../src/store/tables/routing-settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedLeads, seedReps } from './seed.ts';

// Monday 2026-11-30 10:00 UTC: inside the default 09:00-18:00 UTC working hours.
const NOW = new Date('2026-11-30T10:00:00Z');

function ruleInput(patch: Partial<RoutingRuleInput>): RoutingRuleInput {
  return {
    name: 'rule',
    position: 1,
    active: true,
    countries: null,
    regions: null,
    industries: null,
    minCompanySize: null,
    maxCompanySize: null,
    accountIds: null,
    repIds: [],
    teamId: null,
    ...patch,
  };
}

describeStores('lead routing runs', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  async function owners(): Promise<Map<number, number>> {
    const rows = await ctx.db
      .selectFrom('leads')
      .select(['owner_id'])
      .where('owner_id', 'is not', null)
      .execute();
    const m = new Map<number, number>();
    for (const r of rows) m.set(r.owner_id!, (m.get(r.owner_id!) ?? 0) + 1);
    return m;
  }

  it('routes SQL leads by territory, records the rule and reason, and never routes a lead twice', async () => {
    const [de, us] = await seedReps(ctx.db, 2);
    const dach = await createRoutingRule(
      ctx.db,
      ruleInput({ name: 'DACH', countries: ['DE', 'AT'], repIds: [de!] }),
    );
    await createRoutingRule(ctx.db, ruleInput({ name: 'Rest', position: 2, repIds: [us!] }));
    const [deLead] = await seedLeads(ctx.db, 1, { country: 'DE' });
    const [usLead] = await seedLeads(ctx.db, 1, { country: 'US' });
    await seedLeads(ctx.db, 1, { country: 'DE', status: 'mql' });

    const s = await runRouting(ctx.db, NOW);
    expect(s).toMatchObject({ routed: 2, unassigned: 0 });
    const rows = await ctx.db
      .selectFrom('lead_assignments')
      .select(['lead_id', 'user_id', 'rule_id', 'kind', 'reason', 'respond_by'])
      .orderBy('lead_id')
      .execute();
    expect(rows).toEqual([
      {
        lead_id: deLead,
        user_id: de,
        rule_id: dach.id,
        kind: 'initial',
        reason: 'rule "DACH": country DE; weighted round robin among 1 (Rep 1 1)',
        respond_by: new Date('2026-11-30T11:00:00Z'),
      },
      expect.objectContaining({ lead_id: usLead, user_id: us, kind: 'initial' }),
    ]);
    const deOwner = await ctx.db
      .selectFrom('leads')
      .select('owner_id')
      .where('id', '=', deLead!)
      .executeTakeFirst();
    expect(deOwner?.owner_id).toBe(de);

    expect(await runRouting(ctx.db, NOW)).toMatchObject({ routed: 0, unassigned: 0 });
    expect(await ctx.db.selectFrom('lead_assignments').select('id').execute()).toHaveLength(2);
  });

  it("route_on 'created' routes open leads of any status; 'off' routes none", async () => {
    const [rep] = await seedReps(ctx.db, 1);
    await createRoutingRule(ctx.db, ruleInput({ repIds: [rep!] }));
    await seedLeads(ctx.db, 2, { status: 'new' });
    await updateRoutingSettings(ctx.db, { routeOn: 'off' });
    expect(await runRouting(ctx.db, NOW)).toMatchObject({ routed: 0 });
    await updateRoutingSettings(ctx.db, { routeOn: 'sql' });
    expect(await runRouting(ctx.db, NOW)).toMatchObject({ routed: 0 });
    await updateRoutingSettings(ctx.db, { routeOn: 'created' });
    expect(await runRouting(ctx.db, NOW)).toMatchObject({ routed: 2 });
  });

  it('leaves leads that already have an owner or are older than the look-back alone', async () => {
    const [rep, other] = await seedReps(ctx.db, 2);
    await createRoutingRule(ctx.db, ruleInput({ repIds: [rep!] }));
    await seedLeads(ctx.db, 1, { ownerId: other! });
    await seedLeads(ctx.db, 1, { createdAt: new Date('2026-10-01T10:00:00Z') });
    expect(await runRouting(ctx.db, NOW)).toMatchObject({ routed: 0, unassigned: 0 });
  });

  it('weights hold across runs: the round robin state is stored (weight 2 gets twice the leads)', async () => {
    const [a, b] = await seedReps(ctx.db, 2);
    await saveRoutingRep(ctx.db, { ...DEFAULT_REP_PROFILE, userId: a!, weight: 2 });
    await createRoutingRule(ctx.db, ruleInput({ repIds: [a!, b!] }));
    for (let run = 0; run < 4; run += 1) {
      await seedLeads(ctx.db, 3);
      await runRouting(ctx.db, NOW);
    }
    const m = await owners();
    expect(m.get(a!)).toBe(8);
    expect(m.get(b!)).toBe(4);
  });

  it('skips a rep out of office and one at the cap, and leaves a lead unassigned when nobody can take it', async () => {
    const [away, capped, free] = await seedReps(ctx.db, 3);
    await addOutOfOffice(
      ctx.db,
      { userId: away!, startsOn: '2026-11-30', endsOn: '2026-12-04', note: null },
      null,
    );
    await saveRoutingRep(ctx.db, { ...DEFAULT_REP_PROFILE, userId: capped!, maxOpenLeads: 1 });
    await saveRoutingRep(ctx.db, { ...DEFAULT_REP_PROFILE, userId: free!, maxOpenLeads: 2 });
    await seedLeads(ctx.db, 1, { status: 'working', ownerId: capped! });
    await createRoutingRule(ctx.db, ruleInput({ repIds: [away!, capped!, free!] }));
    await seedLeads(ctx.db, 3);
    const s = await runRouting(ctx.db, NOW);
    expect(s).toMatchObject({ routed: 2, unassigned: 1 });
    const last = s.decisions[2]!;
    expect(last).toMatchObject({ kind: 'unassigned', reason: 'every matching rule has no available rep' });
    expect(last.trace[0]!.skipped.map((x) => x.reason)).toEqual(['out_of_office', 'at_cap', 'at_cap']);
    expect((await owners()).get(free!)).toBe(2);
  });

  it('a rep of a rule by team: members of the team and its sub-teams who are reps', async () => {
    const { id: parent } = await ctx.db
      .insertInto('teams')
      .values({ name: 'Sales' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: child } = await ctx.db
      .insertInto('teams')
      .values({ name: 'EMEA', parent_team_id: parent })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [rep] = await seedReps(ctx.db, 1);
    await ctx.db.updateTable('users').set({ team_id: child }).where('id', '=', rep!).execute();
    await createRoutingRule(ctx.db, ruleInput({ teamId: parent }));
    await seedLeads(ctx.db, 1);
    await runRouting(ctx.db, NOW);
    expect((await owners()).get(rep!)).toBe(1);
  });

  it('a dry run returns the decisions and writes nothing', async () => {
    const [rep] = await seedReps(ctx.db, 1);
    await createRoutingRule(ctx.db, ruleInput({ repIds: [rep!] }));
    await seedLeads(ctx.db, 2);
    expect(await runRouting(ctx.db, NOW, { dryRun: true })).toMatchObject({ routed: 2 });
    expect(await ctx.db.selectFrom('lead_assignments').select('id').execute()).toHaveLength(0);
    expect(await ctx.db.selectFrom('routing_round_robin').select('rule_id').execute()).toHaveLength(0);
    expect((await owners()).size).toBe(0);
  });

  it('reassigns a lead whose rep missed the response SLA, once, to a rep who has not had it', async () => {
    const [a, b] = await seedReps(ctx.db, 2);
    await createRoutingRule(ctx.db, ruleInput({ repIds: [a!, b!] }));
    const [answered, silent] = await seedLeads(ctx.db, 2);
    await runRouting(ctx.db, NOW);
    await ctx.db
      .updateTable('leads')
      .set({ first_response_at: new Date('2026-11-30T10:30:00Z') })
      .where('id', '=', answered!)
      .execute();
    const later = new Date('2026-11-30T12:00:00Z');
    // Without the setting nothing moves.
    expect(await runRouting(ctx.db, later)).toMatchObject({ reassigned: 0 });
    await updateRoutingSettings(ctx.db, { reassignOnSlaBreach: true, maxSlaReassignments: 1 });
    const s = await runRouting(ctx.db, later);
    expect(s.reassigned).toBe(1);
    const rows = await ctx.db
      .selectFrom('lead_assignments')
      .select(['user_id', 'previous_user_id', 'kind', 'respond_by'])
      .where('lead_id', '=', silent!)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.kind)).toEqual(['initial', 'sla_reassign']);
    expect(rows[1]!.previous_user_id).toBe(rows[0]!.user_id);
    expect(rows[1]!.user_id).not.toBe(rows[0]!.user_id);
    expect(rows[1]!.respond_by).toEqual(new Date('2026-11-30T13:00:00Z'));
    // The limit: a second miss does not move it again.
    expect(await runRouting(ctx.db, new Date('2026-11-30T15:00:00Z'))).toMatchObject({ reassigned: 0 });
  });

  it('assigning a lead a second initial time is refused by the store', async () => {
    const [rep] = await seedReps(ctx.db, 1);
    const [lead] = await seedLeads(ctx.db, 1);
    const row = { lead_id: lead!, user_id: rep!, kind: 'initial' as const, reason: 'x', assigned_at: NOW };
    await ctx.db.insertInto('lead_assignments').values(row).execute();
    await expect(ctx.db.insertInto('lead_assignments').values(row).execute()).rejects.toThrow(
      /lead_assignments_initial_uq/,
    );
  });
});
