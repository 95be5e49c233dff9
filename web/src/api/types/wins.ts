/** GET /api/win-analysis (src/server/routes/win-analysis/get-win-analysis.ts). */
export interface WinSide {
  n: number;
  median: number;
  mean: number;
}

export interface WinFinding {
  feature: string;
  label: string;
  /** The stage's name of a `stage_days:<id>` feature, else null. */
  stageName: string | null;
  won: WinSide;
  lost: WinSide;
  difference: number;
  ratio: number | null;
  effect: number;
  size: 'negligible' | 'small' | 'moderate' | 'large';
  sentence: string;
}

export interface WinAnalysisReport {
  period: { key: string; from: string; to: string };
  subject: { type: 'rep' | 'team' | 'visible'; id: number | null; name: string };
  currency: string;
  deals: { won: number; lost: number; winRate: number | null };
  minDealsPerSide: number;
  findings: WinFinding[];
  skipped: {
    feature: string;
    label: string;
    stageName: string | null;
    wonN: number;
    lostN: number;
    sentence: string;
  }[];
  sources: {
    source: string | null;
    deals: number;
    won: number;
    winRate: number;
    differencePoints: number;
    sentence: string;
  }[];
  otherSources: { sources: number; deals: number };
}

/** Fields the win analysis page reads (checked against /api/openapi.json by e2e/api-contract.test.ts). */
export const WIN_ANALYSIS_FIELDS = [
  'period',
  'subject',
  'deals',
  'findings',
  'skipped',
  'sources',
  'otherSources',
] as const satisfies readonly (keyof WinAnalysisReport)[];
