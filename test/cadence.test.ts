import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../src/domain/access/viewer.ts';
import type { Db } from '../src/store/db.ts';
import { cadenceGaps } from '../src/store/queries/cadence/cadence-gaps.ts';
import { dealCadence } from '../src/store/queries/cadence/deal-cadence.ts';
import { ensureDefaultPipeline } from '../src/store/tables/pipelines.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';

const NOW = new Date('2026-11-23T12:00:00Z');

type Act = { type: 'call' | 'email' | 'meeting'; day: string; outcome?: 'held'; inbound?: boolean };

async function acts(
  db: Db,
  userId: number,
  link: { opportunity_id?: number; contact_id?: number; lead_id?: number },
  list: Act[],
) {
  if (list.length === 0) return;
  await db
    .insertInto('activities')
    .values(
      list.map((a) => ({
        type: a.type,
        outcome: a.outcome ?? null,
        direction: a.inbound ? ('inbound' as const) : ('outbound' as const),
        user_id: userId,
        occurred_at: `2026-11-${a.day}T10:00:00Z`,
        ...link,
      })),
    )
    .execute();
}

describeStores('cadence gaps', (ctx) => {
  const id: Record<string, number> = {};
  let rep1 = 0;
  let rep2 = 0;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    rep1 = (await seedUser(ctx.db, { role: 'rep', name: 'Rep One' })).id;
    rep2 = (await seedUser(ctx.db, { role: 'rep', name: 'Rep Two' })).id;
    const pipelineId = await ensureDefaultPipeline(ctx.db);
    const stage = await ctx.db
      .selectFrom('stages')
      .select('id')
      .where('name', '=', 'Demo')
      .executeTakeFirstOrThrow();
    const contact = await ctx.db
      .insertInto('contacts')
      .values({ name: 'C1', owner_id: rep1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    id.C1 = contact.id;
    const opp = async (
      name: string,
      owner: number,
      status: 'open' | 'won' = 'open',
      contactId: number | null = null,
    ) =>
      (
        await ctx.db
          .insertInto('opportunities')
          .values({
            name,
            owner_id: owner,
            pipeline_id: pipelineId,
            stage_id: stage.id,
            status,
            currency: 'USD',
            amount_minor: 100_00,
            contact_id: contactId,
            created_at: '2026-11-01T09:00:00Z',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    id.D1 = await opp('D1', rep1, 'open', id.C1);
    id.D2 = await opp('D2', rep1);
    id.D3 = await opp('D3', rep2);
    id.D4 = await opp('D4', rep2);
    id.D5 = await opp('D5', rep1, 'won');
    // D1: meeting on the 2nd, calls on the 3rd and 5th, an email to its contact (no opportunity) on the 6th.
    await acts(ctx.db, rep1, { opportunity_id: id.D1 }, [
      { type: 'meeting', day: '02', outcome: 'held' },
      { type: 'call', day: '03' },
      { type: 'call', day: '05' },
    ]);
    await acts(ctx.db, rep1, { contact_id: id.C1 }, [{ type: 'email', day: '06' }]);
    // D2: meeting then five follow-ups: the target is met, so its silence is not a gap.
    await acts(ctx.db, rep1, { opportunity_id: id.D2 }, [
      { type: 'meeting', day: '02', outcome: 'held' },
      ...['03', '04', '05', '06', '09'].map((day) => ({ type: 'call' as const, day })),
    ]);
    // D3: touched 3 days ago: not silent yet. D4: never touched, only an inbound email (not a touch).
    await acts(ctx.db, rep2, { opportunity_id: id.D3 }, [
      { type: 'meeting', day: '02', outcome: 'held' },
      { type: 'call', day: '20' },
    ]);
    await acts(ctx.db, rep2, { opportunity_id: id.D4 }, [{ type: 'email', day: '10', inbound: true }]);
    await acts(ctx.db, rep1, { opportunity_id: id.D5 }, []);

    const lead = async (name: string, owner: number, status: 'new' | 'disqualified' = 'new') =>
      (
        await ctx.db
          .insertInto('leads')
          .values({ name, owner_id: owner, status, created_at: '2026-11-16T09:00:00Z' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    id.L1 = await lead('L1', rep1);
    id.L2 = await lead('L2', rep1);
    id.L3 = await lead('L3', rep2);
    id.L4 = await lead('L4', rep2, 'disqualified');
    await acts(ctx.db, rep1, { lead_id: id.L1 }, [
      { type: 'call', day: '16' },
      { type: 'email', day: '17' },
    ]);
    await acts(ctx.db, rep1, { lead_id: id.L2 }, [
      { type: 'call', day: '16' },
      { type: 'call', day: '17' },
      { type: 'email', day: '18' },
    ]);
  });

  it('computes touches since the last held meeting, attempts and days since the last touch per open deal', async () => {
    const rows = await dealCadence(ctx.db, SYSTEM_VIEWER, {
      now: NOW,
      timeZone: 'UTC',
      rules: { silentDays: 7, followUpTarget: 5, leadMinAttempts: 3 },
    });
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(byName.D1).toMatchObject({
      touchesSinceMeeting: 3,
      attempts: 4,
      daysSinceLastTouch: 17,
      silent: true,
    });
    expect(byName.D1!.lastMeetingAt?.toISOString()).toBe('2026-11-02T10:00:00.000Z');
    expect(byName.D2).toMatchObject({
      touchesSinceMeeting: 5,
      attempts: 6,
      daysSinceLastTouch: 14,
      silent: false,
    });
    expect(byName.D3).toMatchObject({ touchesSinceMeeting: 1, daysSinceLastTouch: 3, silent: false });
    expect(byName.D4).toMatchObject({
      touchesSinceMeeting: 0,
      attempts: 0,
      daysSinceLastTouch: 22,
      silent: true,
    });
    expect(byName.D4!.lastMeetingAt).toBeNull();
  });

  it('lists silent deals and under-attempted leads, filtered by the viewer', async () => {
    const all = await cadenceGaps(ctx.db, SYSTEM_VIEWER, { now: NOW });
    expect(all.rules).toEqual({ silentDays: 7, followUpTarget: 5, leadMinAttempts: 3 });
    expect(all.silentDeals.map((d) => d.name)).toEqual(['D4', 'D1']);
    expect(all.underAttemptedLeads.map((l) => [l.name, l.attempts])).toEqual([
      ['L3', 0],
      ['L1', 2],
    ]);
    const rep: Viewer = { userId: rep1, role: 'rep', visibleUserIds: [rep1] };
    const mine = await cadenceGaps(ctx.db, rep, { now: NOW });
    expect(mine.silentDeals.map((d) => d.name)).toEqual(['D1']);
    expect(mine.underAttemptedLeads.map((l) => l.name)).toEqual(['L1']);
    // A 20-day threshold leaves only the never-touched deal.
    const patient = await cadenceGaps(ctx.db, SYSTEM_VIEWER, { now: NOW, silentDays: 20 });
    expect(patient.silentDeals.map((d) => d.name)).toEqual(['D4']);
  });
});
