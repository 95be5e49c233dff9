import type { Kysely } from 'kysely';
import type { ProbabilitySource } from '../../../domain/forecast/compute.ts';
import type { Database } from '../../schema.ts';

/** A stage as settings and the API show it; probability in percent (0-100). */
export interface StageInfo {
  id: number;
  name: string;
  position: number;
  probabilityPct: number;
  isWon: boolean;
  isLost: boolean;
}

/** A pipeline with its stages in order. */
export interface PipelineInfo {
  id: number;
  name: string;
  isDefault: boolean;
  /** Stage probabilities the forecast uses for this pipeline's deals (workspace setting). */
  probabilitySource: ProbabilitySource;
  stages: StageInfo[];
}

/** Every pipeline (default first) with its stages ordered by position: workspace configuration, a handful of rows. */
export async function pipelinesWithStages(db: Kysely<Database>): Promise<PipelineInfo[]> {
  const pipelines = await db
    .selectFrom('pipelines')
    .select(['id', 'name', 'is_default', 'probability_source'])
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .execute();
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'pipeline_id', 'name', 'position', 'probability_pct', 'is_won', 'is_lost'])
    .orderBy('pipeline_id')
    .orderBy('position')
    .execute();
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: p.is_default,
    probabilitySource: p.probability_source,
    stages: stages.filter((s) => s.pipeline_id === p.id).map(toStageInfo),
  }));
}

/** One stage by id, or undefined. */
export async function getStage(db: Kysely<Database>, id: number): Promise<StageInfo | undefined> {
  const row = await db
    .selectFrom('stages')
    .select(['id', 'name', 'position', 'probability_pct', 'is_won', 'is_lost'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStageInfo(row) : undefined;
}

/** Sets a stage's default win probability (percent). */
export async function setStageProbability(
  db: Kysely<Database>,
  id: number,
  probabilityPct: number,
): Promise<void> {
  await db
    .updateTable('stages')
    .set({ probability_pct: probabilityPct, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

function toStageInfo(row: {
  id: number;
  name: string;
  position: number;
  probability_pct: number | string;
  is_won: boolean;
  is_lost: boolean;
}): StageInfo {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    // numeric(5,2) may arrive as text depending on the driver's parsers.
    probabilityPct: Number(row.probability_pct),
    isWon: row.is_won,
    isLost: row.is_lost,
  };
}
