/** Hiring shapes the web app reads (src/server/routes/hiring/*). */

export interface Criterion {
  id: number;
  name: string;
  kind: 'role_fit' | 'past_achievement' | 'acumen' | 'culture_fit' | 'custom';
  weight: number;
  position: number;
}

export interface Opening {
  id: number;
  name: string;
  teamId: number | null;
  teamName: string | null;
  ownerId: number | null;
  scaleMin: number;
  scaleMax: number;
  status: 'open' | 'closed';
  candidates: number;
  criteria: Criterion[];
}

export interface RankedCandidate {
  id: number;
  name: string;
  email: string | null;
  status: string;
  hiredUserId: number | null;
  rank: number | null;
  total: number | null;
  complete: boolean;
  interviewers: number;
  maxSpread: number | null;
  criteria: Array<{ criterionId: number; mean: number | null; n: number; spread: number | null }>;
  myScores: Record<string, number>;
}

export interface Comparison {
  opening: Opening;
  candidates: RankedCandidate[];
}

export interface Predictors {
  asOf: string;
  minObservedDays: number;
  hires: Array<{
    userId: number;
    name: string;
    openingName: string;
    hireDate: string;
    leftOn: string | null;
    total: number | null;
    band: string | null;
    firstYearTo: string;
    daysObserved: number;
    quotaAttainment: number | null;
    wonRevenue: number | null;
    counted: boolean;
  }>;
  predictors: Array<{
    key: string;
    rho: number | null;
    n: number;
    verdict: 'too_few' | 'no_variation' | 'computed';
  }>;
}

export interface TurnoverRow {
  key: string | null;
  name: string;
  leavers: number;
  averageHeadcount: number;
  turnover: number | null;
  medianTenureMonths: number | null;
}

export interface Turnover {
  from: string;
  to: string;
  company: TurnoverRow;
  byTeam: TurnoverRow[];
  byBand: TurnoverRow[];
}
