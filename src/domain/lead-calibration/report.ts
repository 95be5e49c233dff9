import { rocAuc } from './auc.ts';
import { inHoldout } from './holdout.ts';
import { fitLogistic, predictLogistic } from './logistic-regression.ts';
import type { LeadOutcome } from './outcomes.ts';
import { evenEdges, scoreBands, type ScoreBand } from './score-bands.ts';
import { thresholdCurve, thresholdEffect, type ThresholdEffect } from './threshold.ts';

/** A past lead with its score under the rules and the rules' evidence for it (one value per rule). */
export interface CalibrationLead extends LeadOutcome {
  id: number;
  /** Per rule, in rule-set order: 1/0 for a fit rule, the (decayed) count of matching events for an engagement rule. */
  features: readonly number[];
}

export interface CalibrationRule {
  id: string;
  label: string;
  points: number;
}

/** The fitted model beside the rules: does it rank the hold-out better than the points do? */
export interface ModelComparison {
  trainedOn: number;
  heldOut: number;
  /** AUC of the rules' score on the hold-out, for becoming an opportunity (0.5 = no better than chance). */
  rulesAuc: number | null;
  /** AUC of the fitted model on the same hold-out and outcome. */
  modelAuc: number | null;
  converged: boolean;
  /**
   * Per rule: the model's weight (change in log-odds of becoming an opportunity per hit or event) and the points
   * it implies on the rules' own scale (weights times the one factor that best matches the current points), so
   * "pricing page: you give 10, the history says 14" reads directly.
   */
  rules: { id: string; label: string; points: number; weight: number; impliedPoints: number }[];
}

export interface CalibrationReport {
  leads: number;
  bands: ScoreBand[];
  /** What the MQL and SQL thresholds (and a proposed one, if asked) would have passed. */
  thresholds: { mql: ThresholdEffect; sql: ThresholdEffect; proposed: ThresholdEffect | null };
  /** Every distinct score as a threshold: the precision / recall curve. */
  curve: ThresholdEffect[];
  /** Null when the history is too small to fit a model (fewer than `minLeadsForModel` or one class only). */
  model: ModelComparison | null;
}

export interface CalibrationOptions {
  mqlThreshold: number;
  sqlThreshold: number;
  proposedThreshold: number | null;
  bandWidth: number;
  holdoutShare: number;
  minLeadsForModel: number;
}

/** The calibration report over past leads: bands, thresholds, curve, and the fitted model against the points. */
export function calibrationReport(
  leads: readonly CalibrationLead[],
  rules: readonly CalibrationRule[],
  options: CalibrationOptions,
): CalibrationReport {
  return {
    leads: leads.length,
    bands: scoreBands(leads, evenEdges(leads, options.bandWidth)),
    thresholds: {
      mql: thresholdEffect(leads, options.mqlThreshold),
      sql: thresholdEffect(leads, options.sqlThreshold),
      proposed: options.proposedThreshold === null ? null : thresholdEffect(leads, options.proposedThreshold),
    },
    curve: thresholdCurve(leads),
    model: compareModel(leads, rules, options),
  };
}

function compareModel(
  leads: readonly CalibrationLead[],
  rules: readonly CalibrationRule[],
  options: CalibrationOptions,
): ModelComparison | null {
  if (leads.length < options.minLeadsForModel || rules.length === 0) return null;
  const train: CalibrationLead[] = [];
  const test: CalibrationLead[] = [];
  for (const l of leads) (inHoldout(l.id, options.holdoutShare) ? test : train).push(l);
  const trainLabels = train.map((l) => l.opportunity);
  if (!trainLabels.includes(true) || !trainLabels.includes(false)) return null;
  const model = fitLogistic(
    train.map((l) => l.features),
    trainLabels,
    { l2: 1 },
  );
  const testLabels = test.map((l) => l.opportunity);
  const weights = model.weights;
  // One factor k for all rules, least squares between k * weight and the points: the model's weights on the
  // rules' scale. Zero weights everywhere (nothing learned) leave k at 0.
  let num = 0;
  let den = 0;
  rules.forEach((r, j) => {
    const w = weights[j] ?? 0;
    num += r.points * w;
    den += w * w;
  });
  const k = den > 0 ? num / den : 0;
  return {
    trainedOn: train.length,
    heldOut: test.length,
    rulesAuc: rocAuc(
      test.map((l) => l.score),
      testLabels,
    ),
    modelAuc: rocAuc(
      test.map((l) => predictLogistic(model, l.features)),
      testLabels,
    ),
    converged: model.converged,
    rules: rules.map((r, j) => ({
      id: r.id,
      label: r.label,
      points: r.points,
      weight: weights[j] ?? 0,
      impliedPoints: Math.round(k * (weights[j] ?? 0)),
    })),
  };
}
