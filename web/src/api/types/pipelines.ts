/** One stage with its win probability (percent, 0-100). */
export interface Stage {
  id: number;
  name: string;
  position: number;
  probabilityPct: number;
  isWon: boolean;
  isLost: boolean;
}

/** A pipeline and its stages in order (GET /api/pipelines items). */
export interface Pipeline {
  id: number;
  name: string;
  isDefault: boolean;
  stages: Stage[];
}
