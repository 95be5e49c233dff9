import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import type { Db } from '../../src/store/db.ts';
import { pipelineAtDateSql, pipelineAtInstantsSql } from '../../src/store/queries/pipeline-at-date.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, pipeline, user } from '../metrics/fixtures.ts';

// pipeline-at-date now reads opportunity_stage_spans (migration 0011). The reference below is the query it ran
// before, a lookup of each deal's last history row at or before the instant; both must return the same rows at
// every instant where something changes (and just before and after), over random deals with owner, amount,
// close-date and category changes, ties on changed_at, reopened deals, deals without history, history before
// creation and after closing. Then the spans must survive every kind of write: the trigger-maintained table must
// equal a full re-derivation after updates, deletes and stage edits.

function referenceSql(at: Date) {
  const atIso = at.toISOString();
  return sql`(select o.id as opportunity_id, o.name, coalesce(h.owner_id, o.owner_id) as owner_id, o.pipeline_id,
        s.id as stage_id, s.probability_pct, coalesce(h.amount_minor, o.amount_minor) as amount_minor, o.currency,
        o.type, o.lead_source, coalesce(h.expected_close_date, o.expected_close_date) as expected_close_date,
        coalesce(h.forecast_category, o.forecast_category) as forecast_category, o.created_at
      from opportunities o
      left join lateral (
        select oh.stage_id, oh.amount_minor, oh.owner_id, oh.expected_close_date, oh.forecast_category
        from opportunity_history oh
        where oh.opportunity_id = o.id and oh.changed_at <= ${atIso}::timestamptz
        order by oh.changed_at desc, oh.id desc limit 1
      ) h on true
      join stages s on s.id = coalesce(h.stage_id, o.stage_id)
      where o.created_at <= ${atIso}::timestamptz and not s.is_won and not s.is_lost
        and (o.closed_at is null or o.closed_at > ${atIso}::timestamptz))`;
}

async function rows(db: Db, source: ReturnType<typeof referenceSql>) {
  const r = await sql<Record<string, unknown>>`select * from ${source} p order by p.opportunity_id`.execute(
    db,
  );
  return r.rows;
}

/** The instants where a deal's state may change, and a millisecond either side of each. */
async function interestingInstants(db: Db): Promise<Date[]> {
  const r = await sql<{ at: Date }>`
    select changed_at as at from opportunity_history
    union select created_at from opportunities
    union select closed_at from opportunities where closed_at is not null`.execute(db);
  const out = new Map<number, Date>();
  for (const { at } of r.rows) {
    for (const d of [-1, 0, 1]) out.set(new Date(at).getTime() + d, new Date(new Date(at).getTime() + d));
  }
  return [...out.values()].sort((a, b) => a.getTime() - b.getTime());
}

async function spans(db: Db) {
  const r = await sql<
    Record<string, unknown>
  >`select * from opportunity_stage_spans order by opportunity_id, seq`.execute(db);
  return r.rows;
}

const NOW = new Date('2027-01-01T00:00:00Z');

describeStores('opportunity stage spans', (ctx) => {
  let stageIds: number[] = [];

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    const p = await pipeline(db);
    const reps = [await user(db, 'Ann'), await user(db, 'Bob'), await user(db, 'Cy')];
    const all = await db.selectFrom('stages').select(['id', 'is_won', 'is_lost']).execute();
    stageIds = all.map((s) => s.id);
    const rnd = seededRandom(20261130);
    const categories = ['pipeline', 'best_case', 'commit', 'omitted', null] as const;
    const history: {
      opportunity_id: number;
      changed_at: string;
      stage_id: number;
      amount_minor: number;
      owner_id: number | null;
      expected_close_date: string | null;
      forecast_category: (typeof categories)[number];
    }[] = [];
    const base = Date.parse('2026-01-05T09:17:23.456Z');
    for (let i = 0; i < 90; i++) {
      const created = base + rnd.int(0, 150) * 86_400_000 + rnd.int(0, 86_399) * 1000;
      const status = rnd.pick(['open', 'open', 'won', 'lost'] as const);
      const closed =
        status === 'open' ? null : created + rnd.int(0, 120) * 86_400_000 + rnd.int(0, 3600) * 1000;
      const id = await opportunity(db, {
        ownerId: rnd.chance(0.1) ? null : rnd.pick(reps),
        status,
        amount: rnd.int(1, 500) * 100,
        createdAt: new Date(created).toISOString(),
        closedAt: closed === null ? null : new Date(closed).toISOString(),
        stage: status === 'won' ? 'Won' : status === 'lost' ? 'Lost' : rnd.pick(['Discovery', 'Demo']),
      });
      // A fifth of the deals have no history; the others start up to 3 days before creation (imports do that)
      // and move on by ties, hours or weeks, sometimes past their closing (a reopened and re-closed deal).
      if (rnd.chance(0.2)) continue;
      let at = created - rnd.pick([0, 0, 0, 3 * 86_400_000]);
      for (let n = rnd.int(1, 9); n > 0; n--) {
        history.push({
          opportunity_id: id,
          changed_at: new Date(at).toISOString(),
          stage_id: rnd.pick(stageIds),
          amount_minor: rnd.int(1, 500) * 100,
          owner_id: rnd.chance(0.3) ? null : rnd.pick(reps),
          expected_close_date: rnd.chance(0.3) ? null : `2026-${String(rnd.int(3, 12)).padStart(2, '0')}-15`,
          forecast_category: rnd.pick(categories),
        });
        at += rnd.pick([0, 0, 3_600_000, 86_400_000, rnd.int(1, 40) * 86_400_000]);
      }
    }
    // Random order (ids do not follow changed_at) and several statements, so the triggers refresh deals whose
    // history arrives in parts.
    for (let i = history.length - 1; i > 0; i--) {
      const j = rnd.int(0, i);
      [history[i], history[j]] = [
        history[j] as (typeof history)[number],
        history[i] as (typeof history)[number],
      ];
    }
    for (let i = 0; i < history.length; i += 50) {
      await db
        .insertInto('opportunity_history')
        .values(history.slice(i, i + 50))
        .execute();
    }
    expect(p.id).toBeGreaterThan(0);
  }, 120_000);

  it('has the cases it is meant to cover', async () => {
    const r = await sql<{
      ties: number;
      reopened: number;
      no_history: number;
      before: number;
      after: number;
    }>`
      with h as (
        select h.*, s.is_won or s.is_lost as closed, lag(h.changed_at) over w as prev_at,
          bool_or(s.is_won or s.is_lost) over (w rows between unbounded preceding and 1 preceding) as was_closed
        from opportunity_history h join stages s on s.id = h.stage_id
        window w as (partition by h.opportunity_id order by h.changed_at, h.id))
      select (select count(*) from h where prev_at = changed_at) as ties,
        (select count(*) from h where was_closed and not closed) as reopened,
        (select count(*) from opportunities o where not exists
          (select 1 from opportunity_history x where x.opportunity_id = o.id)) as no_history,
        (select count(*) from h join opportunities o on o.id = h.opportunity_id where h.changed_at < o.created_at) as before,
        (select count(*) from h join opportunities o on o.id = h.opportunity_id where h.changed_at > o.closed_at) as after`.execute(
      ctx.db,
    );
    const c = r.rows[0];
    for (const k of ['ties', 'reopened', 'no_history', 'before', 'after'] as const) {
      expect(Number(c?.[k]), k).toBeGreaterThan(3);
    }
  });

  it('gives the rows of the history lookup at every instant where something changes', async () => {
    const instants = await interestingInstants(ctx.db);
    expect(instants.length).toBeGreaterThan(500);
    let nonEmpty = 0;
    for (const at of instants) {
      const want = await rows(ctx.db, referenceSql(at));
      expect(await rows(ctx.db, pipelineAtDateSql(at, NOW)), at.toISOString()).toEqual(want);
      if (want.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(instants.length / 2);
  }, 120_000);

  it('gives every instant of one batched call (a backtest) the rows of its own lookup', async () => {
    const instants = (await interestingInstants(ctx.db)).filter((_, i) => i % 7 === 0);
    const r = await sql<Record<string, unknown>>`select * from ${pipelineAtInstantsSql(instants)} p
      order by p.instant_index, p.opportunity_id`.execute(ctx.db);
    for (const [i, at] of instants.entries()) {
      const got = r.rows
        .filter((row) => Number(row.instant_index) === i + 1)
        .map(({ instant_index: _, ...rest }) => rest);
      expect(got, at.toISOString()).toEqual(await rows(ctx.db, referenceSql(at)));
    }
  }, 120_000);

  it('stays equal to a full re-derivation after updates, deletes and stage edits, and to the history lookup', async () => {
    const db = ctx.db;
    const ids = (await db.selectFrom('opportunities').select('id').orderBy('id').execute()).map((o) => o.id);
    const [a, b, c, d, e] = ids as [number, number, number, number, number];
    // Owner, amount and close-date changes on the deal; an updated_at touch that needs no refresh.
    await db
      .updateTable('opportunities')
      .set({ owner_id: null, amount_minor: 777 })
      .where('id', '=', a)
      .execute();
    await db.updateTable('opportunities').set({ updated_at: new Date() }).execute();
    await db
      .updateTable('opportunities')
      .set({ status: 'lost', closed_at: '2026-03-01T00:00:00Z', stage_id: stageIds[stageIds.length - 1] })
      .where('id', '=', b)
      .execute();
    await db
      .updateTable('opportunities')
      .set({ status: 'open', closed_at: null, stage_id: stageIds[0] })
      .where('id', '=', c)
      .execute();
    // History moved, edited and removed; a deal deleted with its history (the cascade).
    await sql`update opportunity_history set changed_at = changed_at + interval '5 days' where opportunity_id = ${d}`.execute(
      db,
    );
    await sql`update opportunity_history set owner_id = null, forecast_category = null
      where id in (select id from opportunity_history order by id limit 40)`.execute(db);
    await sql`delete from opportunity_history where id in (select id from opportunity_history order by id desc limit 30)`.execute(
      db,
    );
    await db.deleteFrom('opportunities').where('id', '=', e).execute();
    // A new deal and its history in one transaction; then a stage moved to the end of the pipeline (the funnel's
    // advanced flag depends on positions).
    await db.transaction().execute(async (tx) => {
      const id = await opportunity(tx, {
        ownerId: null,
        status: 'open',
        amount: 5,
        createdAt: '2026-02-02T02:02:02Z',
      });
      await tx
        .insertInto('opportunity_history')
        .values([
          {
            opportunity_id: id,
            changed_at: '2026-02-03T00:00:00Z',
            stage_id: stageIds[1] as number,
            amount_minor: 6,
          },
          {
            opportunity_id: id,
            changed_at: '2026-02-04T00:00:00Z',
            stage_id: stageIds[0] as number,
            amount_minor: 7,
          },
        ])
        .execute();
    });
    await db
      .updateTable('stages')
      .set({ position: 99 })
      .where('id', '=', stageIds[1] as number)
      .execute();

    const maintained = await spans(db);
    expect(maintained.some((s) => Number(s.opportunity_id) === e)).toBe(false);
    await sql`select opportunity_stage_spans_refresh(array(select id from opportunities))`.execute(db);
    expect(maintained).toEqual(await spans(db));

    const instants = await interestingInstants(db);
    for (const at of instants.filter((_, i) => i % 3 === 0)) {
      expect(await rows(db, pipelineAtDateSql(at, NOW)), at.toISOString()).toEqual(
        await rows(db, referenceSql(at)),
      );
    }
  }, 120_000);

  it('empties with a truncate of the deals', async () => {
    await sql`truncate opportunities cascade`.execute(ctx.db);
    expect(await spans(ctx.db)).toEqual([]);
  });
});
