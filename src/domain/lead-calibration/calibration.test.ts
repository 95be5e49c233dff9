import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded-random.ts';
import { rocAuc } from './auc.ts';
import { inHoldout } from './holdout.ts';
import { fitLogistic, predictLogistic } from './logistic-regression.ts';
import type { LeadOutcome } from './outcomes.ts';
import { evenEdges, scoreBands } from './score-bands.ts';
import { thresholdCurve, thresholdEffect } from './threshold.ts';
import { calibrationReport } from './report.ts';

const lead = (score: number, opportunity: boolean, won: boolean): LeadOutcome => ({
  score,
  opportunity,
  won,
});

describe('rocAuc', () => {
  it('counts the pairs a positive outranks (hand-computed: 3 of 4 pairs)', () => {
    // Ranks: 0.1 (-) 1, 0.35 (+) 2, 0.4 (-) 3, 0.8 (+) 4; U = (2 + 4) - 2*3/2 = 3; AUC = 3 / (2 * 2).
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
  });
  it('counts a tie between a positive and a negative as half', () => {
    expect(rocAuc([1, 1], [true, false])).toBe(0.5);
    expect(rocAuc([0, 1, 1, 2], [false, true, false, true])).toBe(0.875);
  });
  it('is null when one class is missing', () => {
    expect(rocAuc([1, 2], [true, true])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });
});

describe('fitLogistic', () => {
  it('finds the maximum-likelihood answer of a one-feature table (hand-computed logits)', () => {
    // x = 0: 1 win in 4 -> logit(1/4) = ln(1/3); x = 1: 3 in 4 -> ln 3. The weight is their difference.
    const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const labels = [true, false, false, false, true, true, true, false];
    const m = fitLogistic(rows, labels, { l2: 1e-9 });
    expect(m.converged).toBe(true);
    expect(m.intercept).toBeCloseTo(Math.log(1 / 3), 6);
    expect(m.weights[0]).toBeCloseTo(Math.log(3) - Math.log(1 / 3), 5);
    expect(predictLogistic(m, [1])).toBeCloseTo(0.75, 6);
  });

  it('recovers the weights that generated the data, and gives a constant feature no weight', () => {
    const rng = seededRandom(42);
    const rows: number[][] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const x1 = rng.next() * 4;
      const x2 = rng.chance(0.3) ? 1 : 0;
      rows.push([x1, x2, 7]);
      const p = 1 / (1 + Math.exp(-(-2 + 0.8 * x1 - 1.5 * x2)));
      labels.push(rng.chance(p));
    }
    const m = fitLogistic(rows, labels, { l2: 0.01 });
    expect(m.converged).toBe(true);
    expect(m.intercept).toBeCloseTo(-2, 0);
    expect(Math.abs((m.weights[0] as number) - 0.8)).toBeLessThan(0.08);
    expect(Math.abs((m.weights[1] as number) + 1.5)).toBeLessThan(0.15);
    expect(m.weights[2]).toBe(0);
  });

  it('rejects rows of different widths', () => {
    expect(() => fitLogistic([[1], [1, 2]], [true, false])).toThrow(/width/);
  });
});

describe('scoreBands', () => {
  const outcomes = [
    lead(-5, false, false),
    lead(3, false, false),
    lead(8, true, false),
    lead(12, true, true),
    lead(15, false, false),
    lead(25, true, true),
  ];
  it('counts leads, opportunities and wins per band with their rates', () => {
    const bands = scoreBands(outcomes, [0, 10, 20]);
    expect(bands.map((b) => [b.from, b.to, b.leads, b.opportunities, b.wins])).toEqual([
      [null, 0, 1, 0, 0],
      [0, 10, 2, 1, 0],
      [10, 20, 2, 1, 1],
      [20, null, 1, 1, 1],
    ]);
    expect(bands[1]?.opportunityRate).toBe(0.5);
    expect(bands[2]?.winRate).toBe(0.5);
  });
  it('gives round edges every width points, widening to fit the band count', () => {
    expect(evenEdges(outcomes, 10)).toEqual([0, 10, 20]);
    expect(evenEdges(outcomes, 1, 4)).toEqual([0, 16]);
  });
});

describe('thresholdEffect', () => {
  const outcomes = [
    lead(5, false, false),
    lead(10, true, false),
    lead(20, true, true),
    lead(20, false, false),
    lead(30, true, true),
    lead(2, true, true),
  ];
  it('gives leads passed, recall and precision of a threshold (hand-computed)', () => {
    // Passed at 20: three leads (20, 20, 30); wins caught 2 of 3 (the lead at 2 won too): recall 2/3, precision 2/3.
    const e = thresholdEffect(outcomes, 20);
    expect(e.passed).toBe(3);
    expect(e.passRate).toBe(0.5);
    expect(e.winsCaught).toBe(2);
    expect(e.recall).toBeCloseTo(2 / 3, 12);
    expect(e.precision).toBeCloseTo(2 / 3, 12);
    expect(e.opportunityRate).toBeCloseTo(2 / 3, 12);
  });
  it('has a curve whose every point equals the single-threshold answer', () => {
    const curve = thresholdCurve(outcomes);
    expect(curve.map((c) => c.threshold)).toEqual([2, 5, 10, 20, 30]);
    for (const point of curve) expect(point).toEqual(thresholdEffect(outcomes, point.threshold));
  });
});

describe('inHoldout', () => {
  it('puts about the share asked for in the hold-out, the same way every time', () => {
    let n = 0;
    for (let id = 1; id <= 20_000; id += 1) if (inHoldout(id, 0.25)) n += 1;
    expect(n / 20_000).toBeGreaterThan(0.24);
    expect(n / 20_000).toBeLessThan(0.26);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((id) => inHoldout(id))).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((id) => inHoldout(id)),
    );
  });
});

describe('calibrationReport', () => {
  it('finds a rule the points overrate: the model implies fewer points for it, and ranks the hold-out better', () => {
    // Two rules given equal points; only the first relates to conversion in this history.
    const rng = seededRandom(7);
    const leads = [];
    for (let id = 1; id <= 4_000; id += 1) {
      const a = rng.chance(0.4) ? 1 : 0;
      const b = rng.chance(0.4) ? 1 : 0;
      const opportunity = rng.chance(a ? 0.5 : 0.1);
      leads.push({
        id,
        score: 10 * a + 10 * b,
        opportunity,
        won: opportunity && rng.chance(0.3),
        features: [a, b],
      });
    }
    const report = calibrationReport(
      leads,
      [
        { id: 'a', label: 'A', points: 10 },
        { id: 'b', label: 'B', points: 10 },
      ],
      {
        mqlThreshold: 10,
        sqlThreshold: 20,
        proposedThreshold: 15,
        bandWidth: 10,
        holdoutShare: 0.25,
        minLeadsForModel: 200,
      },
    );
    expect(report.leads).toBe(4_000);
    expect(report.bands.reduce((n, b) => n + b.leads, 0)).toBe(4_000);
    expect(report.thresholds.proposed).toEqual(thresholdEffect(leads, 15));
    const model = report.model;
    expect(model).not.toBeNull();
    expect((model?.trainedOn ?? 0) + (model?.heldOut ?? 0)).toBe(4_000);
    const [ruleA, ruleB] = model?.rules ?? [];
    expect(ruleA?.weight).toBeGreaterThan(1.5);
    expect(Math.abs(ruleB?.weight ?? 9)).toBeLessThan(0.3);
    expect(ruleA?.impliedPoints).toBeGreaterThan(ruleB?.impliedPoints ?? 99);
    expect(model?.modelAuc).toBeGreaterThan(model?.rulesAuc ?? 1);
  });

  it('leaves the model out when the history is too small or has one outcome only', () => {
    const leads = [1, 2, 3].map((id) => ({ id, score: id, opportunity: false, won: false, features: [id] }));
    const options = {
      mqlThreshold: 1,
      sqlThreshold: 2,
      proposedThreshold: null,
      bandWidth: 1,
      holdoutShare: 0.25,
      minLeadsForModel: 2,
    };
    expect(calibrationReport(leads, [{ id: 'x', label: 'X', points: 1 }], options).model).toBeNull();
    expect(
      calibrationReport(leads, [{ id: 'x', label: 'X', points: 1 }], { ...options, minLeadsForModel: 10 })
        .model,
    ).toBeNull();
  });
});
