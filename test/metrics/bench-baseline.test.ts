import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { metricIds } from '../../src/domain/metrics/registry.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { baselineParams, runBaseline } from '../../bench/suite/baseline.ts';
import { compareDashboard, dashboardQuery } from '../../bench/suite/dashboard.ts';
import { loadIntegrityFixture, type IntegrityFixture } from '../integrity/fixture.ts';
import { describeStores } from '../support/stores.ts';

// The bench's hand-written baseline (bench/baseline/*.sql, written from docs/metrics.md) answers every registry
// metric and agrees with the engine, on both stores: the bench's dashboard speedup is like for like only while this
// holds. A metric added to the registry without a baseline fails here ("baseline has no such rep/metric").

const Q3 = { from: '2026-07-01', to: '2026-09-30' };
const NOW = new Date('2026-11-21T05:00:00Z');

describeStores('bench baseline against the engine', (ctx) => {
  const compare = async () => {
    const engine = await runMetrics(ctx.db, SYSTEM_VIEWER, dashboardQuery(Q3.from, Q3.to), { now: NOW });
    const baseline = await runBaseline(ctx.db, await baselineParams(ctx.db, Q3.from, Q3.to, NOW));
    return { engine, baseline, ...compareDashboard(engine, baseline) };
  };

  describe('the integrity fixture (ties, the local day, after-hours bursts)', () => {
    let f: IntegrityFixture;
    beforeAll(async () => {
      f = await loadIntegrityFixture(ctx.db);
    });

    it('gives the hand-computed signals and every other metric as the engine does', async () => {
      const { engine, baseline, mismatches, compared } = await compare();
      // Ann's signals as counted by hand in test/integrity/fixture.ts.
      expect(baseline.get(`${f.ann}:zero_length_call_share`)).toBeCloseTo(2 / 4, 12);
      expect(baseline.get(`${f.ann}:repeat_touch_share`)).toBeCloseTo(4 / 11, 12);
      expect(baseline.get(`${f.ann}:bulk_logged_share`)).toBeCloseTo(19 / 49, 12);
      expect(mismatches).toEqual([]);
      expect(compared).toBe(engine.length * metricIds().length);
    });
  });

  describe('a demo quarter', () => {
    beforeAll(async () => {
      await loadDemo(ctx.db, { seed: 5, until: '2026-11-20', reps: 3, months: 6 }, { reset: true });
    }, 120_000);

    it('agrees on every metric by rep, managers paid on roll-up plans included', async () => {
      const { engine, baseline, mismatches, compared } = await compare();
      expect(mismatches).toEqual([]);
      expect(compared).toBe(engine.length * metricIds().length);
      expect(new Set([...baseline.keys()].map((k) => k.split(':')[1]))).toEqual(new Set(metricIds()));
      // The rows include someone who is not a rep (a manager with a commission statement of the quarter).
      const managers = await ctx.db.selectFrom('users').select('id').where('role', '=', 'manager').execute();
      expect(engine.some((r) => managers.some((m) => m.id === Number(r.groupId)))).toBe(true);
    });
  });
});
