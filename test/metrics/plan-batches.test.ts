import { beforeAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { metricIds } from '../../src/domain/metrics/registry.ts';
import { resolveMetrics } from '../../src/domain/metrics/resolve.ts';
import { planBatches } from '../../src/store/queries/metrics/plan.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { loadIntegrityFixture } from '../integrity/fixture.ts';
import { describeStores } from '../support/stores.ts';

// The activities source's per-row probes (first held meeting, repeat touches, bulk logging) run in statements of
// their own: in one statement with the cheap parts, the planner kept the first-held-meeting joins for every row and
// a quarter by rep at 200 reps ran for minutes (docs/performance.md, "Dashboard: one statement per costly column").

const COSTLY = ['held_meeting_before', 'integrity_repeat_touch', 'integrity_bulk_logged'];

const names = (part: { aggregate: { where?: readonly { column: string }[]; column?: string } }) => [
  ...(part.aggregate.where ?? []).map((c) => c.column),
  ...(part.aggregate.column ? [part.aggregate.column] : []),
];

describe('planBatches', () => {
  const batches = planBatches(resolveMetrics(metricIds())).filter(
    (b) => b.source === 'activities' && !b.timeColumn,
  );

  it('gives each costly column of the raw activities its own statement, and the cheap parts one together', () => {
    const costlyOf = (b: (typeof batches)[number]) =>
      [...new Set(b.parts.flatMap((p) => names(p.part)).filter((c) => COSTLY.includes(c)))].sort();
    const keys = batches.map((b) => costlyOf(b).join(','));
    expect(keys.sort()).toEqual(['', ...COSTLY].sort());
    // The cheap batch still holds the many parts that share one scan (counts, minutes, distinct people...).
    expect(batches.find((b) => costlyOf(b).length === 0)!.parts.length).toBeGreaterThan(10);
  });

  it('keeps rollup batches whole: a rollup never reads a costly column', () => {
    const withRollup = planBatches(resolveMetrics(metricIds()), (part) =>
      part.source === 'activities' && !names(part).some((c) => COSTLY.includes(c))
        ? ({ name: 'r' } as never)
        : null,
    ).filter((b) => b.source === 'activities' && !b.timeColumn);
    expect(withRollup.filter((b) => b.rollup)).toHaveLength(1);
    expect(withRollup.filter((b) => !b.rollup)).toHaveLength(COSTLY.length);
  });
});

describeStores('metrics in split statements give the numbers each metric gives alone', (ctx) => {
  beforeAll(async () => {
    await loadIntegrityFixture(ctx.db);
  });

  it('every registry metric, July by rep, raw and auto: all at once equals one at a time', async () => {
    const ids = metricIds();
    const q = { from: '2026-07-01', to: '2026-07-31', groupBy: 'rep' as const };
    const now = new Date('2026-08-01T00:00:00Z');
    for (const strategy of ['raw', 'auto'] as const) {
      const together = await runMetrics(ctx.db, SYSTEM_VIEWER, { ...q, metricIds: ids }, { strategy, now });
      expect(together.length).toBeGreaterThan(1);
      for (const id of ids) {
        const alone = await runMetrics(ctx.db, SYSTEM_VIEWER, { ...q, metricIds: [id] }, { strategy, now });
        expect(alone.map((r) => [r.groupId, r.values[id]])).toEqual(
          together.map((r) => [r.groupId, r.values[id]]),
        );
      }
    }
    // The fixture's integrity signals are not all zero, so the split statements were really exercised.
    const numerators = together0(await runMetrics(ctx.db, SYSTEM_VIEWER, { ...q, metricIds: ids }, { now }));
    expect(numerators.repeat_touch_share).toBeGreaterThan(0);
    expect(numerators.bulk_logged_share).toBeGreaterThan(0);
  });
});

function together0(rows: Awaited<ReturnType<typeof runMetrics>>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const r of rows)
    for (const [id, v] of Object.entries(r.values)) sums[id] = (sums[id] ?? 0) + (v.numerator ?? 0);
  return sums;
}
