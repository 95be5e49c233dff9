import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import type { Db } from '../../src/store/db.ts';
import { truncateAll } from './stores.ts';

/** Empties the store and returns the default pipeline and its first stage, where seeded deals start. */
export async function emptyStoreWithPipeline(db: Db): Promise<{ pipelineId: number; firstStageId: number }> {
  await truncateAll(db);
  const pipelineId = await ensureDefaultPipeline(db);
  const stage = await db
    .selectFrom('stages')
    .select('id')
    .where('pipeline_id', '=', pipelineId)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return { pipelineId, firstStageId: stage.id };
}
