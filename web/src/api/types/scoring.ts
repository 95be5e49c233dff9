/** Lead scoring shapes the web app reads (src/server/routes/scoring/*). */

export interface ScoreReason {
  ruleId: string;
  label: string;
  type: 'fit' | 'engagement';
  points: number;
  events: number;
  capped: boolean;
}

export type ScoringRule =
  | { id: string; label: string; type: 'fit'; condition: Record<string, unknown>; points: number }
  | {
      id: string;
      label: string;
      type: 'engagement';
      eventType: string;
      urlPattern: string | null;
      points: number;
      cap: number | null;
      windowDays: number | null;
      halfLifeDays: number | null;
    };

export interface RuleSetDraft {
  rules: ScoringRule[];
  mqlThreshold: number;
  sqlThreshold: number;
  demoRequestQualifies: boolean;
}

export interface RuleSet extends RuleSetDraft {
  version: number;
  active: boolean;
}

export const RULES_FIELDS = ['active', 'versions'] as const;

export interface RulePreview {
  openLeads: number;
  current: { below: number; mql: number; sql: number };
  proposed: { below: number; mql: number; sql: number };
  moves: { from: 'below' | 'mql' | 'sql'; to: 'below' | 'mql' | 'sql'; leads: number }[];
  wouldPromote: number;
}

export const PREVIEW_FIELDS = [
  'openLeads',
  'current',
  'proposed',
  'moves',
  'wouldPromote',
] as const satisfies readonly (keyof RulePreview)[];

export interface ThresholdEffect {
  threshold: number;
  passed: number;
  passRate: number | null;
  winsCaught: number;
  recall: number | null;
  precision: number | null;
  opportunityRate: number | null;
}

export interface CalibrationReport {
  from: string;
  to: string;
  ruleSetVersion: number;
  leads: number;
  bands: {
    from: number | null;
    to: number | null;
    leads: number;
    opportunities: number;
    wins: number;
    opportunityRate: number | null;
    winRate: number | null;
  }[];
  thresholds: { mql: ThresholdEffect; sql: ThresholdEffect; proposed: ThresholdEffect | null };
  model: {
    trainedOn: number;
    heldOut: number;
    rulesAuc: number | null;
    modelAuc: number | null;
    rules: { id: string; label: string; points: number; weight: number; impliedPoints: number }[];
  } | null;
}

export const CALIBRATION_FIELDS = [
  'from',
  'to',
  'ruleSetVersion',
  'leads',
  'bands',
  'thresholds',
  'model',
] as const satisfies readonly (keyof CalibrationReport)[];
