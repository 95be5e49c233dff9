import { afterAll, beforeAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { addMonths } from '../../src/domain/calendar/local-date.ts';
import { loadDemo, type DemoLoadResult } from '../../src/demo/load.ts';
import type { Db } from '../../src/store/db.ts';
import { repQuadrants, type QuadrantsReport } from '../../src/store/queries/coaching/quadrants.ts';
import { openTestStore } from '../support/stores.ts';

// The demo's reps carry a built-in trend (src/demo/sim/rates.ts: booking and winning go from 0.65 to 1.35 of
// their skill over the window for improving reps, the other way for declining ones). Quadrants must find it.
// One small demo on PGlite only: the SQL runs on both stores in coaching-api.test.ts.
const UNTIL = '2026-11-20';
const OPTIONS = { seed: 7, until: UNTIL, reps: 6, months: 12 };
const NOW = new Date(`${UNTIL}T12:00:00Z`);
const GROWING = ['rising_star', 'improving_laggard'];

describe('quadrants on demo data', () => {
  let db: Db;
  let close: () => Promise<void>;
  let loaded: DemoLoadResult;
  let report: QuadrantsReport;
  let hired: Map<number, string | null>;

  beforeAll(async () => {
    ({ db, close } = await openTestStore('pglite'));
    loaded = await loadDemo(db, OPTIONS, { reset: true });
    // The last four complete fiscal quarters before UNTIL, with three windows of history.
    report = await repQuadrants(db, SYSTEM_VIEWER, {
      periods: 4,
      grain: 'quarter',
      history: 3,
      basis: 'results',
      now: NOW,
    });
    const users = await db.selectFrom('users').select(['id', 'hire_date']).execute();
    hired = new Map(users.map((u) => [u.id, u.hire_date]));
  }, 180_000);
  afterAll(async () => {
    await close?.();
  });

  it('puts improving reps in a growing group and declining reps in a falling one', () => {
    const windowStart = report.window[0];
    expect(report.reps.length).toBe(OPTIONS.reps);
    let checked = 0;
    for (const r of report.reps) {
      const trend = loaded.reps.find((x) => x.userId === r.userId)!.trend;
      // A rep hired during the demo (every fifth) ramps up over the window, which outweighs a built-in decline;
      // the generator's trend is only comparable for reps already ramped a year before the end.
      const hire = hired.get(r.userId) ?? null;
      if (trend === 'steady' || hire === null || hire > addMonths(UNTIL, -12)) continue;
      expect(r.quadrant, `rep ${r.userId} (${trend}), window from ${windowStart}`).not.toBeNull();
      if (trend === 'improving') expect(GROWING).toContain(r.quadrant);
      else expect(GROWING).not.toContain(r.quadrant);
      checked += 1;
    }
    // Six reps: two improving and two declining; one declining rep is the new hire.
    expect(checked).toBe(3);
  });

  it('keeps the group history per window, the last one being the current group', () => {
    for (const r of report.reps) {
      expect(r.history).toHaveLength(3);
      expect(r.history[2]!.quadrant).toBe(r.quadrant);
      expect(r.scores).toHaveLength(4 + 3 - 1);
    }
    expect(report.window).toHaveLength(4);
  });

  it('gives a rep hired inside the window no group until they have enough periods', () => {
    const newHire = report.reps.find((r) => {
      const hire = hired.get(r.userId) ?? null;
      return hire !== null && hire > addMonths(UNTIL, -12);
    });
    expect(newHire).toBeDefined();
    expect(newHire!.periodsWithScore).toBeLessThan(4);
    // Placed only with at least minPeriods (3) quarters scored since the hire date.
    expect(newHire!.quadrant === null).toBe(newHire!.periodsWithScore < report.thresholds.minPeriods);
  });
});
