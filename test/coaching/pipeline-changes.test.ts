import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER, type Viewer } from '../../src/domain/access/viewer.ts';
import type { PipelineCategory } from '../../src/domain/coaching/pipeline-changes.ts';
import { pipelineChanges } from '../../src/store/queries/coaching/pipeline-changes.ts';
import { updateSettings } from '../../src/store/tables/settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { pipeline, team, user } from '../metrics/fixtures.ts';
import { dealWithHistory, type Step } from './deal-fixtures.ts';

// Week 2026-W47 runs Monday 2026-11-16 to Sunday 2026-11-22 (UTC workspace); the close period defaults to 2026-Q4.
const NOW = new Date('2026-11-30T12:00:00Z');
const OLD = '2026-10-01T09:00:00Z';

describeStores('pipeline changes', (ctx) => {
  let ann = 0;
  let bob = 0;
  let teamId = 0;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    // Hand-computed for ISO Monday weeks (a new en-US workspace would start them on Sunday).
    await updateSettings(db, { weekStartDayChoice: 1 });
    const p = await pipeline(db);
    teamId = await team(db, 'East');
    ann = await user(db, 'Ann', teamId);
    bob = await user(db, 'Bob', teamId);
    const s = (at: string, stage: string, amount: number, close: string | null, owner = ann): Step => ({
      at,
      stage,
      amount,
      close,
      owner,
    });
    const deal = async (
      name: string,
      steps: Step[],
      extra: { status?: 'won' | 'lost'; closedAt?: string; currency?: string } = {},
    ) => {
      ids[name] = await dealWithHistory(db, p, { name, steps, ...extra });
    };
    await deal('A added', [s('2026-11-17T10:00:00Z', 'Discovery', 1000, '2026-12-15')]);
    await deal('B forward', [
      s(OLD, 'Discovery', 2000, '2026-12-01'),
      s('2026-11-18T10:00:00Z', 'Demo', 2000, '2026-12-01'),
    ]);
    await deal('C back', [
      s(OLD, 'Demo', 3000, '2026-12-01'),
      s('2026-11-18T10:00:00Z', 'Qualified', 3000, '2026-12-01'),
    ]);
    await deal('D pushed', [
      s(OLD, 'Qualified', 4000, '2026-12-10'),
      s('2026-11-19T10:00:00Z', 'Qualified', 4000, '2027-01-15'),
    ]);
    await deal('E pulled in', [
      s(OLD, 'Qualified', 5000, '2027-02-01'),
      s('2026-11-19T10:00:00Z', 'Qualified', 5000, '2026-12-20'),
    ]);
    await deal('F amount up', [
      s(OLD, 'Demo', 6000, '2026-12-01'),
      s('2026-11-19T10:00:00Z', 'Demo', 7000, '2026-12-01'),
    ]);
    // Amount down and forward: amount comes first, forward is a flag.
    await deal('G amount down', [
      s(OLD, 'Demo', 8000, '2026-12-01'),
      s('2026-11-19T10:00:00Z', 'Trial', 6500, '2026-12-01'),
    ]);
    await deal(
      'H won',
      [s(OLD, 'Trial', 9000, '2026-11-30'), s('2026-11-20T10:00:00Z', 'Won', 9000, '2026-11-30')],
      {
        status: 'won',
        closedAt: '2026-11-20T10:00:00Z',
      },
    );
    await deal(
      'I lost',
      [s(OLD, 'Demo', 1100, '2026-12-05'), s('2026-11-20T10:00:00Z', 'Lost', 1100, '2026-12-05')],
      {
        status: 'lost',
        closedAt: '2026-11-20T10:00:00Z',
      },
    );
    await deal('J stalled', [s('2026-09-01T09:00:00Z', 'Discovery', 1200, '2026-12-10')]);
    await deal('K unchanged', [s(OLD, 'Discovery', 1300, '2026-12-10')]);
    // Created and won inside the week: it was in neither snapshot, so it is won with no effect.
    await deal(
      'L created and won',
      [
        s('2026-11-17T10:00:00Z', 'Discovery', 1400, '2026-11-21'),
        s('2026-11-21T10:00:00Z', 'Won', 1400, '2026-11-21'),
      ],
      {
        status: 'won',
        closedAt: '2026-11-21T10:00:00Z',
      },
    );
    await deal('M to Bob', [
      s(OLD, 'Demo', 1500, '2026-12-01'),
      s('2026-11-19T10:00:00Z', 'Demo', 1500, '2026-12-01', bob),
    ]);
    await deal('N from Bob', [
      s(OLD, 'Demo', 1600, '2026-12-01', bob),
      s('2026-11-19T10:00:00Z', 'Demo', 1600, '2026-12-01'),
    ]);
    await deal(
      'O euro',
      [s(OLD, 'Demo', 2000, '2026-12-01'), s('2026-11-18T10:00:00Z', 'Demo', 2500, '2026-12-01')],
      {
        currency: 'EUR',
      },
    );
    await deal('P next year', [s(OLD, 'Demo', 99999, '2027-05-01')]);
    await deal('Q bob only', [s(OLD, 'Demo', 1700, '2026-12-01', bob)]);
    await db
      .insertInto('activities')
      .values({
        type: 'call',
        user_id: ann,
        opportunity_id: ids['K unchanged']!,
        occurred_at: '2026-11-18T12:00:00Z',
      })
      .execute();
  });

  const annViewer = (): Viewer => ({ userId: ann, role: 'rep', visibleUserIds: [ann] });

  it('puts every deal of the rep in exactly one category and reconciles last week to this week', async () => {
    const r = await pipelineChanges(ctx.db, annViewer(), { week: '2026-W47' }, NOW);
    expect(r.week).toEqual({ key: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(r.closePeriod).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    const byName = Object.fromEntries(r.deals.map((d) => [d.name, d]));
    const expected: Record<string, PipelineCategory> = {
      'A added': 'added',
      'B forward': 'moved_forward',
      'C back': 'moved_back',
      'D pushed': 'pushed',
      'E pulled in': 'pulled_in',
      'F amount up': 'amount_up',
      'G amount down': 'amount_down',
      'H won': 'won',
      'I lost': 'lost',
      'J stalled': 'stalled',
      'K unchanged': 'unchanged',
      'L created and won': 'won',
      'M to Bob': 'reassigned_out',
      'N from Bob': 'reassigned_in',
      'O euro': 'amount_up',
    };
    expect(Object.fromEntries(r.deals.map((d) => [d.name, d.category]))).toEqual(expected);
    expect(byName['G amount down']!.flags).toEqual(['moved_forward', 'amount_down']);
    expect(byName['D pushed']!.flags).toContain('close_date_later');
    expect(byName['L created and won']!.flags).toContain('created');
    expect(byName['L created and won']!.effectMinor).toBe(0);

    const [usd, eur] = r.totals;
    expect(usd!.currency).toBe('USD');
    // Start: B C D F G H I J K M; end: A B C E F G J K N (amounts in the fixture above).
    expect([usd!.startCount, usd!.startValueMinor, usd!.endCount, usd!.endValueMinor]).toEqual([
      10, 37100, 9, 28600,
    ]);
    const cat = (c: PipelineCategory) => usd!.categories.find((x) => x.category === c)!;
    expect([
      cat('added').effectMinor,
      cat('pulled_in').effectMinor,
      cat('reassigned_in').effectMinor,
    ]).toEqual([1000, 5000, 1600]);
    expect([cat('amount_up').effectMinor, cat('amount_down').effectMinor]).toEqual([1000, -1500]);
    expect(cat('won')).toEqual({ category: 'won', count: 2, amountMinor: 10400, effectMinor: -9000 });
    expect([cat('lost').effectMinor, cat('pushed').effectMinor, cat('reassigned_out').effectMinor]).toEqual([
      -1100, -4000, -1500,
    ]);
    const effects = usd!.categories.reduce((t, c) => t + c.effectMinor, 0);
    expect(usd!.startValueMinor + effects).toBe(usd!.endValueMinor);
    expect(eur).toMatchObject({ currency: 'EUR', startValueMinor: 2000, endValueMinor: 2500 });
  });

  it('lists the deals of one category, at most `limit` of them, with totals over every deal', async () => {
    const all = await pipelineChanges(ctx.db, annViewer(), { week: '2026-W47' }, NOW);
    const won = await pipelineChanges(
      ctx.db,
      annViewer(),
      { week: '2026-W47', category: 'won', limit: 1 },
      NOW,
    );
    expect(won.dealCount).toBe(2);
    // Largest effect first: H (-9,000) before L (0).
    expect(won.deals.map((d) => d.name)).toEqual(['H won']);
    expect(won.totals).toEqual(all.totals);
  });

  it('for the team, a change of owner inside the team is not a reassignment', async () => {
    const r = await pipelineChanges(ctx.db, SYSTEM_VIEWER, { week: '2026-W47', teamId }, NOW);
    const cats = Object.fromEntries(r.deals.map((d) => [d.name, d.category]));
    expect(cats['M to Bob']).toBe('stalled');
    expect(cats['N from Bob']).toBe('stalled');
    expect(cats['Q bob only']).toBe('stalled');
    expect(r.deals.find((d) => d.name === 'M to Bob')!.flags).toContain('owner_changed');
    const usd = r.totals[0]!;
    expect(usd.startValueMinor + usd.categories.reduce((t, c) => t + c.effectMinor, 0)).toBe(
      usd.endValueMinor,
    );
    // Ann's 37100 + Bob's N (1600) and Q (1700) at the start.
    expect(usd.startValueMinor).toBe(37100 + 1600 + 1700);
  });

  it('with closePeriod all, a moved close date is only a flag', async () => {
    const r = await pipelineChanges(ctx.db, annViewer(), { week: '2026-W47', closePeriod: 'all' }, NOW);
    const d = r.deals.find((x) => x.name === 'D pushed')!;
    expect(d.category).toBe('stalled');
    expect(r.deals.find((x) => x.name === 'P next year')?.category).toBe('stalled');
  });

  it('does not let a rep read another rep or a team, nor anyone read an unknown rep', async () => {
    const bobViewer: Viewer = { userId: bob, role: 'rep', visibleUserIds: [bob] };
    await expect(
      pipelineChanges(ctx.db, bobViewer, { week: '2026-W47', userId: ann }, NOW),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(pipelineChanges(ctx.db, bobViewer, { week: '2026-W47', teamId }, NOW)).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    // Without a subject a rep gets the deals that were theirs at the start or the end of the week only.
    const own = await pipelineChanges(ctx.db, bobViewer, { week: '2026-W47' }, NOW);
    expect(Object.fromEntries(own.deals.map((d) => [d.name, d.category]))).toEqual({
      'M to Bob': 'reassigned_in',
      'N from Bob': 'reassigned_out',
      'Q bob only': 'stalled',
    });
    // A manager whose subtree is Bob only may read Bob, not Ann, and not a team they do not manage.
    const manager: Viewer = { userId: 999998, role: 'manager', visibleUserIds: [bob] };
    await expect(
      pipelineChanges(ctx.db, manager, { week: '2026-W47', userId: ann }, NOW),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(pipelineChanges(ctx.db, manager, { week: '2026-W47', teamId }, NOW)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await pipelineChanges(ctx.db, manager, { week: '2026-W47', userId: bob }, NOW)).dealCount).toBe(
      3,
    );
    await expect(pipelineChanges(ctx.db, SYSTEM_VIEWER, { userId: 999999 }, NOW)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(pipelineChanges(ctx.db, SYSTEM_VIEWER, { week: '2026-47' }, NOW)).rejects.toMatchObject({
      code: 'validation',
    });
  });

  it("reads the week in the workspace's weeks: Sunday to Saturday when they start on Sunday", async () => {
    await updateSettings(ctx.db, { weekStartDayChoice: 7 });
    try {
      // Monday 30 November 2026 lies in the Sunday week from 29 November, named by its Monday: 2026-W49.
      expect((await pipelineChanges(ctx.db, annViewer(), {}, NOW)).week).toEqual({
        key: '2026-W49',
        from: '2026-11-29',
        to: '2026-12-05',
      });
      expect((await pipelineChanges(ctx.db, annViewer(), { week: '2026-W47' }, NOW)).week).toEqual({
        key: '2026-W47',
        from: '2026-11-15',
        to: '2026-11-21',
      });
    } finally {
      await updateSettings(ctx.db, { weekStartDayChoice: 1 });
    }
  });
});
