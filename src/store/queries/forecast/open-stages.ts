import type { Db } from '../../db.ts';

/** An open stage (neither won nor lost) with its configured probability (0-1), as a calibration table lists it. */
export interface OpenStage {
  pipelineId: number;
  stageId: number;
  stageName: string;
  configured: number;
}

/** Every pipeline's open stages in pipeline and funnel order (the rows of a calibration table). */
export async function openStages(db: Db): Promise<OpenStage[]> {
  const rows = await db
    .selectFrom('stages')
    .select(['id', 'pipeline_id', 'name', 'probability_pct'])
    .where('is_won', '=', false)
    .where('is_lost', '=', false)
    .orderBy('pipeline_id')
    .orderBy('position')
    .execute();
  return rows.map((s) => ({
    pipelineId: s.pipeline_id,
    stageId: s.id,
    stageName: s.name,
    configured: Number(s.probability_pct) / 100,
  }));
}
