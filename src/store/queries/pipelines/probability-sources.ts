import type { ProbabilitySource } from '../../../domain/forecast/compute.ts';
import type { Db } from '../../db.ts';

/** Ids of the pipelines whose forecast uses learned stage probabilities (workspace setting, migration 0012). */
export async function learnedPipelineIds(db: Db): Promise<Set<number>> {
  const rows = await db
    .selectFrom('pipelines')
    .select('id')
    .where('probability_source', '=', 'learned')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Sets which stage probabilities a pipeline's deals are forecast with; false when there is no such pipeline. */
export async function setProbabilitySource(
  db: Db,
  pipelineId: number,
  source: ProbabilitySource,
): Promise<boolean> {
  const r = await db
    .updateTable('pipelines')
    .set({ probability_source: source, updated_at: new Date() })
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
