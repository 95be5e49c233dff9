import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { ownerKey } from '../../src/domain/forecast/scope.ts';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import type { Db } from '../../src/store/db.ts';
import { slipHistogramBeforeMany } from '../../src/store/queries/forecast/close-slippage.ts';
import { createdDealsBeforeMany } from '../../src/store/queries/forecast/created-deals.ts';
import { cycleStatsBeforeMany } from '../../src/store/queries/forecast/cycle-stats.ts';
import type { StageOutcome } from '../../src/domain/forecast/learned-probability.ts';
import { stageOutcomesBeforeMany } from '../../src/store/queries/forecast/stage-outcomes.ts';
import { stageWinTimingMany } from '../../src/store/queries/forecast/stage-win-timing.ts';
import type { StageWinTiming } from '../../src/domain/forecast/stage-timing.ts';
import { wonByOwnerMany } from '../../src/store/queries/forecast/won-by-owner.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { dayNumber } from '../../src/domain/calendar/local-date.ts';
import { opportunity, pipeline, user } from '../metrics/fixtures.ts';

// The forecast inputs are now read set-based for many checkpoints at once, and stage outcomes and close slippage
// from flags in opportunity_stage_spans. The references below are the per-instant queries they replaced, straight
// over opportunities and opportunity_history; each checkpoint of one batched call must give their answer, at
// instants on and around closings, creations and history rows, over random deals (same-instant history rows,
// stages revisited, close dates missing on some rows, history after closing).

const DAY = 86_400_000;
const TZ = 'America/New_York';

async function oldStageOutcomes(db: Db, at: Date) {
  const from = new Date(at.getTime() - 365 * DAY);
  const r = await sql<{
    pipeline_id: number;
    stage_id: number;
    owner_id: number | null;
    closed: number;
    won: number;
    closed_days: number;
    won_days: number;
  }>`
    with h as (
      select o.id, o.pipeline_id, h.stage_id, o.owner_id, o.status = 'won' as won,
        extract(epoch from least(coalesce(lead(h.changed_at) over (partition by h.opportunity_id
          order by h.changed_at, h.id), o.closed_at), o.closed_at) - h.changed_at) / 86400 as days
      from opportunity_history h join opportunities o on o.id = h.opportunity_id
      where o.status in ('won', 'lost') and h.changed_at < o.closed_at
        and o.closed_at < ${at.toISOString()}::timestamptz and o.closed_at >= ${from.toISOString()}::timestamptz)
    select pipeline_id, stage_id, owner_id, count(distinct id) as closed,
      count(distinct case when won then id end) as won,
      coalesce(sum(days), 0)::float8 as closed_days,
      coalesce(sum(case when won then days else 0 end), 0)::float8 as won_days
    from h group by pipeline_id, stage_id, owner_id`.execute(db);
  return r.rows
    .map((x) => ({
      pipelineId: x.pipeline_id,
      stageId: x.stage_id,
      ownerKey: ownerKey(x.owner_id),
      closed: Number(x.closed),
      won: Number(x.won),
      // Days are sums of floating-point intervals: compared to the microsecond, not bit for bit.
      closedDays: Number(Number(x.closed_days).toFixed(6)),
      wonDays: Number(Number(x.won_days).toFixed(6)),
    }))
    .sort(byKey);
}

/**
 * Stage win timing as it was read before opportunity_won_stage_entries (0018): each won deal's stage entries
 * looked up in the spans, per instant. Rows (pipeline, stage, kind, day, count, sum) in a fixed order.
 */
async function oldWinTiming(db: Db, at: Date) {
  const from = new Date(at.getTime() - 365 * DAY);
  const r = await sql<{
    pipeline_id: number;
    stage_id: number;
    kind: string;
    day: number;
    n: string;
    s: number;
  }>`
    with inside as (
      select o.id, o.pipeline_id, e.stage_id,
        extract(epoch from o.closed_at - least(coalesce(e.left_at, o.closed_at), o.closed_at))::float8 / 86400 as ge,
        extract(epoch from o.closed_at - e.changed_at)::float8 / 86400 as gs
      from opportunities o
      join opportunity_stage_spans e on e.opportunity_id = o.id and e.is_entry and e.changed_at < o.closed_at
      where o.status = 'won' and o.closed_at < ${at.toISOString()}::timestamptz
        and o.closed_at >= ${from.toISOString()}::timestamptz
    )
    select pipeline_id, stage_id, 'total' as kind, 0 as day, count(distinct id) as n, sum(gs - ge) as s
      from inside group by pipeline_id, stage_id
    union all
    select pipeline_id, stage_id, 'end', floor(ge)::int, count(*), sum(ge)
      from inside where ge < 400 group by pipeline_id, stage_id, floor(ge)::int
    union all
    select pipeline_id, stage_id, 'start', floor(gs)::int, count(*), sum(gs)
      from inside where gs < 400 group by pipeline_id, stage_id, floor(gs)::int`.execute(db);
  return r.rows
    .map((x) => ({
      key: `${x.pipeline_id}:${x.stage_id}:${x.kind}:${x.day}`,
      count: Number(x.n),
      sum: Number(x.s),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Win timing rows equal to the reference's: keys and counts exactly, sums of floating-point days within 1e-9. */
function expectSameTiming(
  got: ReturnType<typeof winTimingRows>,
  want: ReturnType<typeof winTimingRows>,
  label: string,
) {
  expect(
    got.map((r) => [r.key, r.count]),
    label,
  ).toEqual(want.map((r) => [r.key, r.count]));
  for (const [i, r] of got.entries()) {
    const w = want[i]?.sum ?? NaN;
    expect(Math.abs(r.sum - w), `${label} ${r.key}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(w)));
  }
}

/** The batched win timing as the reference's rows. */
function winTimingRows(timings: readonly StageWinTiming[]) {
  return timings
    .flatMap((t) => [
      { key: `${t.pipelineId}:${t.stageId}:total:0`, count: t.wonDeals, sum: t.wonDays },
      ...t.endGaps.map((g) => ({
        key: `${t.pipelineId}:${t.stageId}:end:${g.day}`,
        count: g.count,
        sum: g.sum,
      })),
      ...t.startGaps.map((g) => ({
        key: `${t.pipelineId}:${t.stageId}:start:${g.day}`,
        count: g.count,
        sum: g.sum,
      })),
    ])
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** The batched outcomes with days rounded like the reference's. */
function rounded(outcomes: readonly StageOutcome[]) {
  return outcomes.map((o) => ({
    ...o,
    closedDays: Number(o.closedDays.toFixed(6)),
    wonDays: Number(o.wonDays.toFixed(6)),
  }));
}

async function oldSlips(db: Db, at: Date) {
  const from = new Date(at.getTime() - 730 * DAY);
  const r = await sql<{ slip: number; n: number }>`
    select slip, count(*) as n from (
      select ((o.closed_at at time zone ${TZ})::date - coalesce(fh.expected_close_date, o.expected_close_date)) as slip
      from opportunities o
      left join lateral (
        select h.expected_close_date from opportunity_history h
        where h.opportunity_id = o.id and h.expected_close_date is not null
        order by h.changed_at, h.id limit 1
      ) fh on true
      where o.status = 'won' and o.closed_at < ${at.toISOString()}::timestamptz
        and o.closed_at >= ${from.toISOString()}::timestamptz
        and coalesce(fh.expected_close_date, o.expected_close_date) is not null
    ) s
    group by slip order by slip`.execute(db);
  return { days: r.rows.map((x) => Number(x.slip)), counts: r.rows.map((x) => Number(x.n)) };
}

async function oldCycleStats(db: Db, at: Date) {
  const from = new Date(at.getTime() - 730 * DAY);
  const r = await sql<{ pipeline_id: number; type: string; samples: number; median: number; p90: number }>`
    select pipeline_id, type, count(*) as samples,
      percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at)::float8 / 86400) as median,
      percentile_cont(0.9) within group (order by extract(epoch from closed_at - created_at)::float8 / 86400) as p90
    from opportunities
    where status = 'won' and closed_at < ${at.toISOString()}::timestamptz and closed_at >= ${from.toISOString()}::timestamptz
    group by pipeline_id, type`.execute(db);
  return new Map(
    r.rows.map((x) => [
      `${x.pipeline_id}:${x.type}`,
      { medianDays: Number(x.median), p90Days: Number(x.p90), samples: Number(x.samples) },
    ]),
  );
}

async function oldWon(db: Db, from: Date, to: Date) {
  const r = await sql<{ owner_id: number | null; amount: number; count: number }>`
    select owner_id, coalesce(sum(amount_minor), 0) as amount, count(*) as count from opportunities
    where status = 'won' and closed_at >= ${from.toISOString()}::timestamptz and closed_at < ${to.toISOString()}::timestamptz
    group by owner_id`.execute(db);
  return new Map(
    r.rows.map((x) => [ownerKey(x.owner_id), { amount: Number(x.amount), count: Number(x.count) }]),
  );
}

async function oldCreated(db: Db, from: Date, at: Date) {
  const r = await sql<{
    owner_id: number | null;
    created_date: string;
    won_date: string | null;
    amount_minor: number;
  }>`
    select owner_id, to_char((created_at at time zone ${TZ})::date, 'YYYY-MM-DD') as created_date,
      case when status = 'won' and closed_at < ${at.toISOString()}::timestamptz
        then to_char((closed_at at time zone ${TZ})::date, 'YYYY-MM-DD') end as won_date,
      amount_minor
    from opportunities
    where created_at >= ${from.toISOString()}::timestamptz and created_at < ${at.toISOString()}::timestamptz
    order by id`.execute(db);
  return r.rows.map((x) => ({
    ownerKey: ownerKey(x.owner_id),
    createdDate: x.created_date,
    wonDate: x.won_date,
    amount: Number(x.amount_minor),
  }));
}

function byKey(a: { pipelineId: number; stageId: number; ownerKey: string }, b: typeof a) {
  return a.pipelineId - b.pipelineId || a.stageId - b.stageId || a.ownerKey.localeCompare(b.ownerKey);
}

describeStores('forecast inputs, set-based over checkpoints', (ctx) => {
  let instants: Date[] = [];

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    await pipeline(db);
    const reps = [await user(db, 'Ann'), await user(db, 'Bob')];
    const stageIds = (await db.selectFrom('stages').select('id').execute()).map((s) => s.id);
    const rnd = seededRandom(7_2026);
    const base = Date.parse('2025-01-03T10:11:12.345Z');
    const history: {
      opportunity_id: number;
      changed_at: string;
      stage_id: number;
      amount_minor: number;
      expected_close_date: string | null;
    }[] = [];
    for (let i = 0; i < 120; i++) {
      const created = base + rnd.int(0, 600) * DAY + rnd.int(0, 86_399) * 1000;
      const status = rnd.pick(['open', 'won', 'won', 'lost'] as const);
      const closed = status === 'open' ? null : created + rnd.int(0, 200) * DAY + rnd.int(0, 3600) * 1000;
      const id = await opportunity(db, {
        ownerId: rnd.chance(0.1) ? null : rnd.pick(reps),
        status,
        amount: rnd.int(1, 900) * 100,
        createdAt: new Date(created).toISOString(),
        closedAt: closed === null ? null : new Date(closed).toISOString(),
        type: rnd.pick(['new_business', 'upsell'] as const),
      });
      if (rnd.chance(0.3)) {
        await db
          .updateTable('opportunities')
          .set({ expected_close_date: new Date(created + rnd.int(10, 150) * DAY).toISOString().slice(0, 10) })
          .where('id', '=', id)
          .execute();
      }
      let at = created;
      for (let n = rnd.int(0, 7); n > 0; n--) {
        history.push({
          opportunity_id: id,
          changed_at: new Date(at).toISOString(),
          stage_id: rnd.pick(stageIds),
          amount_minor: 100,
          expected_close_date: rnd.chance(0.4)
            ? null
            : new Date(at + rnd.int(5, 120) * DAY).toISOString().slice(0, 10),
        });
        at += rnd.pick([0, 3_600_000, 5 * DAY, rnd.int(1, 60) * DAY]);
      }
    }
    await db.insertInto('opportunity_history').values(history).execute();
    // Checkpoints: on, just before and just after a sample of closings and creations, plus local midnights.
    const r = await sql<{ at: Date }>`
      select closed_at as at from opportunities where closed_at is not null
      union select created_at from opportunities`.execute(db);
    const marks = r.rows.map((x) => new Date(x.at).getTime()).filter((_, i) => i % 5 === 0);
    const points = marks.flatMap((m) => [m - 1, m, m + 1]);
    for (let d = Date.parse('2025-03-01T05:00:00Z'); d < Date.parse('2027-06-01T00:00:00Z'); d += 45 * DAY)
      points.push(d);
    instants = points.map((p) => new Date(p));
  }, 120_000);

  it('gives each checkpoint the stage outcomes, slips, cycle statistics, wins and created deals of its own query', async () => {
    const db = ctx.db;
    expect(instants.length).toBeGreaterThan(60);
    const [outcomes, slips, cycles, won, created, timings] = await Promise.all([
      stageOutcomesBeforeMany(db, instants),
      slipHistogramBeforeMany(db, instants, TZ),
      cycleStatsBeforeMany(db, instants),
      wonByOwnerMany(
        db,
        instants.map((at) => ({ from: new Date(at.getTime() - 90 * DAY), to: at })),
      ),
      createdDealsBeforeMany(
        db,
        instants.map((at) => ({ from: new Date(at.getTime() - 400 * DAY), at })),
        TZ,
      ),
      stageWinTimingMany(db, instants),
    ]);
    let seen = 0;
    for (const [i, at] of instants.entries()) {
      const label = at.toISOString();
      const wantOutcomes = await oldStageOutcomes(db, at);
      expect(rounded([...(outcomes[i] ?? [])].sort(byKey)), label).toEqual(wantOutcomes);
      expect(slips[i], label).toEqual(await oldSlips(db, at));
      expect(cycles[i], label).toEqual(await oldCycleStats(db, at));
      expect(won[i], label).toEqual(await oldWon(db, new Date(at.getTime() - 90 * DAY), at));
      const deals = created[i]?.deals ?? [];
      expect(
        deals.map(({ createdDay: _c, wonDay: _w, ...d }) => d),
        label,
      ).toEqual(await oldCreated(db, new Date(at.getTime() - 400 * DAY), at));
      // The day numbers the loader adds are those of the dates (the model reads them instead of the dates).
      const wrongDays = deals.filter(
        (d) =>
          d.createdDay !== dayNumber(d.createdDate) ||
          d.wonDay !== (d.wonDate === null ? null : dayNumber(d.wonDate)),
      );
      expect(wrongDays, label).toEqual([]);
      expectSameTiming(winTimingRows(timings[i] ?? []), await oldWinTiming(db, at), label);
      if (wantOutcomes.length > 0 && (slips[i]?.days.length ?? 0) > 0) seen += 1;
    }
    expect(seen).toBeGreaterThan(instants.length / 2);
  }, 180_000);

  // opportunity_stage_outcomes (migration 0016) is kept by triggers: after updates and deletes of every kind the
  // forecast's outcomes must still be the reference's, and the table what a rebuild from scratch would hold.
  it('keeps the stage outcomes and won stage entries right through status, owner, close, history and deletion changes', async () => {
    const db = ctx.db;
    const ids = (await db.selectFrom('opportunities').select('id').orderBy('id').execute()).map((r) => r.id);
    const [bob] = (await db.selectFrom('users').select('id').where('name', '=', 'Bob').execute()).map(
      (r) => r.id,
    );
    const closed = await db
      .selectFrom('opportunities')
      .select(['id', 'status'])
      .where('status', 'in', ['won', 'lost'])
      .orderBy('id')
      .execute();
    // A status flip alone (no stage, no close change: the spans do not follow it), an owner change, a close moved.
    await db.updateTable('opportunities').set({ status: 'lost' }).where('id', '=', closed[0]!.id).execute();
    await db
      .updateTable('opportunities')
      .set({ owner_id: bob ?? null })
      .where('id', '=', closed[1]!.id)
      .execute();
    await sql`update opportunities set closed_at = closed_at + interval '40 days' where id = ${closed[2]!.id}`.execute(
      db,
    );
    // A deal reopened, a history row removed, a history row added, a deal deleted.
    await db
      .updateTable('opportunities')
      .set({ status: 'open', closed_at: null })
      .where('id', '=', closed[3]!.id)
      .execute();
    const h = await db
      .selectFrom('opportunity_history')
      .select('id')
      .where('opportunity_id', '=', closed[4]!.id)
      .execute();
    if (h[0]) await db.deleteFrom('opportunity_history').where('id', '=', h[0].id).execute();
    const stage = await db.selectFrom('stages').select('id').orderBy('id').executeTakeFirstOrThrow();
    await sql`insert into opportunity_history (opportunity_id, changed_at, stage_id, amount_minor)
      select id, closed_at - interval '3 days', ${stage.id}, 100 from opportunities where id = ${closed[5]!.id}`.execute(
      db,
    );
    await db
      .deleteFrom('opportunity_history')
      .where('opportunity_id', '=', ids[ids.length - 1]!)
      .execute();
    await db
      .deleteFrom('opportunities')
      .where('id', '=', ids[ids.length - 1]!)
      .execute();

    const sample = instants.filter((_, i) => i % 3 === 0);
    const outcomes = await stageOutcomesBeforeMany(db, sample);
    const timings = await stageWinTimingMany(db, sample);
    for (const [i, at] of sample.entries()) {
      expect(rounded([...(outcomes[i] ?? [])].sort(byKey)), at.toISOString()).toEqual(
        await oldStageOutcomes(db, at),
      );
      expectSameTiming(winTimingRows(timings[i] ?? []), await oldWinTiming(db, at), at.toISOString());
    }
    const table = () =>
      sql<
        Record<string, unknown>
      >`select opportunity_id, stage_id, pipeline_id, owner_id, won, closed_at, days::text
        from opportunity_stage_outcomes order by opportunity_id, stage_id`.execute(db);
    // opportunity_won_stage_entries (0018) is refreshed with them.
    const entries = () =>
      sql<Record<string, unknown>>`select opportunity_id, stage_id, pipeline_id, closed_at, ge, gs
        from opportunity_won_stage_entries order by opportunity_id, stage_id, gs, ge`.execute(db);
    const kept = (await table()).rows;
    const keptEntries = (await entries()).rows;
    await sql`select opportunity_stage_outcomes_refresh(array(select id from opportunities))`.execute(db);
    expect(kept.length).toBeGreaterThan(50);
    expect(kept).toEqual((await table()).rows);
    expect(keptEntries.length).toBeGreaterThan(20);
    expect(keptEntries).toEqual((await entries()).rows);
  }, 180_000);
});
