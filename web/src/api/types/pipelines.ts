/** One stage with its win probability (percent, 0-100). */
export interface Stage {
  id: number;
  name: string;
  position: number;
  probabilityPct: number;
  isWon: boolean;
  isLost: boolean;
  /** Won share of the days closed deals spent in the stage, last 365 days (percent); null: none closed. */
  observedPct: number | null;
  closedDeals: number;
  /** What a learned forecast uses: observed shrunk toward configured (percent). */
  learnedPct: number | null;
}

/** A pipeline and its stages in order (GET /api/pipelines items). */
export interface Pipeline {
  id: number;
  name: string;
  isDefault: boolean;
  /** Stage probabilities the forecast uses for this pipeline's deals. */
  probabilitySource: 'configured' | 'learned';
  stages: Stage[];
}
