import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../src/domain/random/seeded-random.ts';
import type { Db } from '../../src/store/db.ts';
import { stageDurationsBeforeMany } from '../../src/store/queries/forecast/stage-outcomes.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { opportunity, pipeline, user } from '../metrics/fixtures.ts';

// stageDurationsBeforeMany reads each stay once and classifies per checkpoint only the stays not yet settled at
// it. The reference below is the query it replaced: one classification per (stay, checkpoint) pair. Both must give
// the same rows for checkpoints on, just before and just after entries, stage exits, closings and window starts,
// over random deals (open stays, same-instant entries, stages revisited, deals won long after leaving a stage,
// history after closing), and for a repeated checkpoint.

const DAY = 86_400_000;

async function pairwiseDurations(db: Db, ats: readonly Date[]) {
  const from = ats.map((at) => new Date(at.getTime() - 365 * DAY).toISOString());
  const r = await sql<{
    i: number;
    pipeline_id: number;
    stage_id: number;
    day: number;
    kind: string;
    n: string;
  }>`
    with stays as (
      select c.i, e.pipeline_id, e.stage_id,
        least(e.left_at, o.closed_at) as ended_at, e.changed_at as entered_at, c.at,
        o.status = 'won' and o.closed_at < c.at as won
      from unnest(${sql.val(from)}::timestamptz[], ${sql.val(ats.map((at) => at.toISOString()))}::timestamptz[])
        with ordinality c(from_at, at, i)
      join opportunity_stage_spans e on e.is_entry and e.changed_at >= c.from_at and e.changed_at < c.at
      join opportunities o on o.id = e.opportunity_id
      where o.closed_at is null or e.changed_at < o.closed_at
    )
    select i, pipeline_id, stage_id,
      floor(extract(epoch from (case when ended_at < at then ended_at else at end) - entered_at) / 86400)::int as day,
      case when ended_at >= at or ended_at is null then 'open' when won then 'won' else 'ended' end as kind,
      count(*) as n
    from stays group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(db);
  const out = ats.map(
    () => [] as { pipelineId: number; stageId: number; day: number; kind: string; n: number }[],
  );
  for (const x of r.rows) {
    out[Number(x.i) - 1]?.push({
      pipelineId: x.pipeline_id,
      stageId: x.stage_id,
      day: Number(x.day),
      kind: x.kind,
      n: Number(x.n),
    });
  }
  return out;
}

describeStores('stage durations, each stay read once', (ctx) => {
  let instants: Date[] = [];

  beforeAll(async () => {
    const db = ctx.db;
    await truncateAll(db);
    await pipeline(db);
    const reps = [await user(db, 'Ann'), await user(db, 'Bob')];
    const stageIds = (await db.selectFrom('stages').select('id').execute()).map((s) => s.id);
    const rnd = seededRandom(12_2026);
    const base = Date.parse('2025-01-03T10:11:12.345Z');
    const history: { opportunity_id: number; changed_at: string; stage_id: number; amount_minor: number }[] =
      [];
    for (let i = 0; i < 150; i++) {
      const created = base + rnd.int(0, 500) * DAY + rnd.int(0, 86_399) * 1000;
      const status = rnd.pick(['open', 'open', 'won', 'won', 'lost'] as const);
      const closed = status === 'open' ? null : created + rnd.int(0, 300) * DAY + rnd.int(0, 3600) * 1000;
      const id = await opportunity(db, {
        ownerId: rnd.pick(reps),
        status,
        amount: 100,
        createdAt: new Date(created).toISOString(),
        closedAt: closed === null ? null : new Date(closed).toISOString(),
      });
      let at = created;
      for (let n = rnd.int(0, 7); n > 0; n--) {
        history.push({
          opportunity_id: id,
          changed_at: new Date(at).toISOString(),
          stage_id: rnd.pick(stageIds),
          amount_minor: 100,
        });
        at += rnd.pick([0, 3_600_000, 5 * DAY, rnd.int(1, 90) * DAY]);
      }
    }
    await db.insertInto('opportunity_history').values(history).execute();
    // Checkpoints: on and 1 ms around a sample of entries (an entry is the previous stay's end), closings, and
    // window starts (an entry exactly 365 days before), plus a checkpoint every 40 days and one repeated.
    const r = await sql<{ at: Date }>`
      select closed_at as at from opportunities where closed_at is not null
      union select changed_at from opportunity_stage_spans where is_entry`.execute(db);
    const marks = r.rows.map((x) => new Date(x.at).getTime()).filter((_, i) => i % 7 === 0);
    const points = marks.flatMap((m) => [m - 1, m, m + 1, m + 365 * DAY]);
    for (let d = Date.parse('2025-03-01T05:00:00Z'); d < Date.parse('2027-06-01T00:00:00Z'); d += 40 * DAY)
      points.push(d);
    points.push(points[0]!);
    instants = points.map((p) => new Date(p));
  }, 120_000);

  it('gives each checkpoint the (day, kind) counts of classifying every stay at it', async () => {
    const db = ctx.db;
    expect(instants.length).toBeGreaterThan(100);
    const got = await stageDurationsBeforeMany(db, instants);
    const want = await pairwiseDurations(db, instants);
    expect(got).toEqual(want);
    // The fixture exercises every kind, and stays classified 'ended' at one checkpoint and 'won' at a later one.
    const kinds = new Set(want.flat().map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['ended', 'open', 'won']);
    expect(want.flat().reduce((s, b) => s + b.n, 0)).toBeGreaterThan(1000);
  }, 120_000);

  it('answers a subset of the checkpoints in any order the same', async () => {
    const db = ctx.db;
    const some = instants.filter((_, i) => i % 4 === 1).reverse();
    expect(await stageDurationsBeforeMany(db, some)).toEqual(await pairwiseDurations(db, some));
  }, 120_000);
});
