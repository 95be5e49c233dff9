import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { CreditedDeal } from '../../src/domain/commissions/types.ts';
import type { Db } from '../../src/store/db.ts';
import { creditedDeals } from '../../src/store/queries/commissions/credited-deals.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { describeStores } from '../support/stores.ts';

// Team tree: the director manages Sales; the manager (a member of Sales) manages East, Sales's child team;
// reps A and B are in East, rep C in Sales. The workspace is in Auckland (UTC+13 in November, daylight time).
// Period: November 2026, [2026-11-01, 2026-12-01).

type Who = 'director' | 'manager' | 'a' | 'b' | 'c';

/** What the tests compare: the fields that vary between credits. */
function brief(deals: CreditedDeal[] | undefined) {
  return (deals ?? []).map((d) => [d.name, d.creditedOn, d.role, d.shareBp, d.creditedMinor]);
}

describeStores('credited deals', (ctx) => {
  const u = {} as Record<Who, number>;
  let pipelineId: number;
  let stageId: number;

  async function user(db: Db, name: Who, teamId: number | null): Promise<number> {
    const { id } = await db
      .insertInto('users')
      .values({
        name,
        email: `${name}@c3.test`,
        role: name === 'a' || name === 'b' || name === 'c' ? 'rep' : 'manager',
        team_id: teamId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async function deal(d: {
    name: string;
    owner: number | null;
    amount: number;
    status?: 'open' | 'won' | 'lost';
    closedAt?: string | null;
    paidOn?: string | null;
    splits?: Array<[number, number]>;
  }): Promise<void> {
    const { id } = await ctx.db
      .insertInto('opportunities')
      .values({
        name: d.name,
        owner_id: d.owner,
        pipeline_id: pipelineId,
        stage_id: stageId,
        status: d.status ?? 'won',
        amount_minor: d.amount,
        currency: 'NZD',
        type: 'new_business',
        created_at: '2026-09-01T00:00:00Z',
        closed_at: d.closedAt === undefined ? '2026-11-10T00:00:00Z' : d.closedAt,
        paid_on: d.paidOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.splits)
      await ctx.db
        .insertInto('opportunity_splits')
        .values(d.splits.map(([userId, share]) => ({ opportunity_id: id, user_id: userId, share_bp: share })))
        .execute();
  }

  beforeAll(async () => {
    const p = await emptyStoreWithPipeline(ctx.db);
    pipelineId = p.pipelineId;
    stageId = p.firstStageId;
    await sql`update settings set time_zone = 'Pacific/Auckland' where id = 1`.execute(ctx.db);
    u.director = await user(ctx.db, 'director', null);
    const sales = await ctx.db
      .insertInto('teams')
      .values({ name: 'Sales', manager_id: u.director })
      .returning('id')
      .executeTakeFirstOrThrow();
    u.manager = await user(ctx.db, 'manager', sales.id);
    const east = await ctx.db
      .insertInto('teams')
      .values({ name: 'East', manager_id: u.manager, parent_team_id: sales.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    u.a = await user(ctx.db, 'a', east.id);
    u.b = await user(ctx.db, 'b', east.id);
    u.c = await user(ctx.db, 'c', sales.id);

    // 2026-11-30 23:30 in Auckland is 10:30 UTC the same day; 2026-12-01 00:30 there is still 30 Nov in UTC.
    await deal({ name: 'last evening', owner: u.a, amount: 1000, closedAt: '2026-11-30T10:30:00Z' });
    await deal({ name: 'december already', owner: u.a, amount: 2000, closedAt: '2026-11-30T11:30:00Z' });
    // 2026-11-01 00:30 in Auckland is 31 Oct 11:30 UTC: a November deal.
    await deal({ name: 'first morning', owner: u.a, amount: 3000, closedAt: '2026-10-31T11:30:00Z' });
    // 60/40 between A and B.
    await deal({
      name: 'sixty forty',
      owner: u.a,
      amount: 250000,
      splits: [
        [u.a, 6000],
        [u.b, 4000],
      ],
    });
    // Thirds of 5: A round(1.6665) = 2, B 2, C (highest id) takes 5 - 4 = 1 (its own rounding would give 2).
    await deal({
      name: 'thirds',
      owner: u.b,
      amount: 5,
      splits: [
        [u.a, 3333],
        [u.b, 3333],
        [u.c, 3334],
      ],
    });
    await deal({ name: 'c alone', owner: u.c, amount: 700 });
    await deal({ name: 'manager own', owner: u.manager, amount: 400 });
    // Paid in November, closed in October: counted when paid, not at close.
    await deal({
      name: 'paid later',
      owner: u.b,
      amount: 900,
      closedAt: '2026-10-05T00:00:00Z',
      paidOn: '2026-11-05',
    });
    // Won in November, not paid yet.
    await deal({ name: 'unpaid', owner: u.b, amount: 800 });
    // Neither a lost deal with a paid date nor an open deal is ever credited.
    await deal({ name: 'lost', owner: u.b, amount: 600, status: 'lost', paidOn: '2026-11-06' });
    await deal({ name: 'open', owner: u.b, amount: 500, status: 'open', closedAt: null });
  });

  const nov = { from: '2026-11-01', to: '2026-12-01' };

  it('credits owners at the local close date, splits with the remainder to the highest user id', async () => {
    const got = await creditedDeals(ctx.db, {
      userIds: [u.a, u.b, u.c],
      ...nov,
      creditOn: 'close',
      rollUpUserIds: [],
    });
    expect(brief(got.get(u.a))).toEqual([
      ['first morning', '2026-11-01', 'owner', 10000, 3000],
      ['sixty forty', '2026-11-10', 'split', 6000, 150000],
      ['thirds', '2026-11-10', 'split', 3333, 2],
      ['last evening', '2026-11-30', 'owner', 10000, 1000],
    ]);
    expect(brief(got.get(u.b))).toEqual([
      ['sixty forty', '2026-11-10', 'split', 4000, 100000],
      ['thirds', '2026-11-10', 'split', 3333, 2],
      ['unpaid', '2026-11-10', 'owner', 10000, 800],
    ]);
    expect(brief(got.get(u.c))).toEqual([
      ['thirds', '2026-11-10', 'split', 3334, 1],
      ['c alone', '2026-11-10', 'owner', 10000, 700],
    ]);
    const d = got.get(u.a)?.find((x) => x.name === 'sixty forty');
    expect(d).toMatchObject({ amountMinor: 250000, currency: 'NZD', type: 'new_business', product: null });
  });

  it('rolls each person below a manager up to them, through two levels, once per deal', async () => {
    const got = await creditedDeals(ctx.db, {
      userIds: [u.director, u.manager],
      ...nov,
      creditOn: 'close',
      rollUpUserIds: [u.director, u.manager],
    });
    // The manager: their own deal as owner, and A's and B's credits (on "thirds": A's 2 + B's 2, 6666 bp).
    expect(brief(got.get(u.manager))).toEqual([
      ['first morning', '2026-11-01', 'roll_up', 10000, 3000],
      ['sixty forty', '2026-11-10', 'roll_up', 10000, 250000],
      ['thirds', '2026-11-10', 'roll_up', 6666, 4],
      ['manager own', '2026-11-10', 'owner', 10000, 400],
      ['unpaid', '2026-11-10', 'roll_up', 10000, 800],
      ['last evening', '2026-11-30', 'roll_up', 10000, 1000],
    ]);
    // The director: everyone below (the manager and C in Sales, A and B through East); "thirds" whole.
    expect(brief(got.get(u.director))).toEqual([
      ['first morning', '2026-11-01', 'roll_up', 10000, 3000],
      ['sixty forty', '2026-11-10', 'roll_up', 10000, 250000],
      ['thirds', '2026-11-10', 'roll_up', 10000, 5],
      ['c alone', '2026-11-10', 'roll_up', 10000, 700],
      ['manager own', '2026-11-10', 'roll_up', 10000, 400],
      ['unpaid', '2026-11-10', 'roll_up', 10000, 800],
      ['last evening', '2026-11-30', 'roll_up', 10000, 1000],
    ]);
  });

  it('without a roll-up plan a manager gets only their own deals', async () => {
    const got = await creditedDeals(ctx.db, {
      userIds: [u.manager, u.director],
      ...nov,
      creditOn: 'close',
      rollUpUserIds: [],
    });
    expect(brief(got.get(u.manager))).toEqual([['manager own', '2026-11-10', 'owner', 10000, 400]]);
    expect(got.get(u.director)).toEqual([]);
  });

  it('credits when paid: paid date of won deals only', async () => {
    const got = await creditedDeals(ctx.db, { userIds: [u.b], ...nov, creditOn: 'paid', rollUpUserIds: [] });
    expect(brief(got.get(u.b))).toEqual([['paid later', '2026-11-05', 'owner', 10000, 900]]);
    const oct = await creditedDeals(ctx.db, {
      userIds: [u.b],
      from: '2026-10-01',
      to: '2026-11-01',
      creditOn: 'close',
      rollUpUserIds: [],
    });
    expect(brief(oct.get(u.b))).toEqual([['paid later', '2026-10-05', 'owner', 10000, 900]]);
  });

  it('returns an empty map for no one', async () => {
    expect(
      (await creditedDeals(ctx.db, { userIds: [], ...nov, creditOn: 'close', rollUpUserIds: [] })).size,
    ).toBe(0);
  });
});
