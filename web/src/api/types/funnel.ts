/** One stage of GET /api/funnel: how many reached it, how many moved on, and how long they stayed. */
export interface FunnelStage {
  stageId?: number | null;
  name: string;
  entered: number;
  advanced: number;
  /** advanced / entered, 0..1, from the server. */
  conversion: number | null;
  medianDaysInStage: number | null;
}

/** GET /api/funnel. */
export interface Funnel {
  stages: FunnelStage[];
}
