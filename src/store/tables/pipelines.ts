import type { Db } from '../db.ts';

/** The brief's default pipeline: stage name, default win probability (%), and closed flags. */
export const DEFAULT_STAGES = [
  { name: 'Discovery', probability: 10, isWon: false, isLost: false },
  { name: 'Qualified', probability: 20, isWon: false, isLost: false },
  { name: 'Demo', probability: 40, isWon: false, isLost: false },
  { name: 'Trial', probability: 60, isWon: false, isLost: false },
  { name: 'Final negotiation', probability: 80, isWon: false, isLost: false },
  { name: 'Won', probability: 100, isWon: true, isLost: false },
  { name: 'Lost', probability: 0, isWon: false, isLost: true },
] as const;

/** Creates the default pipeline and its stages when no pipeline exists; returns the default pipeline's id. */
export async function ensureDefaultPipeline(db: Db): Promise<number> {
  const existing = await db
    .selectFrom('pipelines')
    .select('id')
    .orderBy('is_default', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (existing) return existing.id;
  return db.transaction().execute(async (tx) => {
    const { id } = await tx
      .insertInto('pipelines')
      .values({ name: 'Sales', is_default: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('stages')
      .values(
        DEFAULT_STAGES.map((s, i) => ({
          pipeline_id: id,
          name: s.name,
          position: i + 1,
          probability_pct: s.probability,
          is_won: s.isWon,
          is_lost: s.isLost,
        })),
      )
      .execute();
    return id;
  });
}

/** The default pipeline (created when none exists) with its name and its won stages, for funnel read-outs. */
export async function defaultPipelineFunnel(
  db: Db,
): Promise<{ pipeline: { id: number; name: string }; wonStageIds: Set<number> }> {
  const id = await ensureDefaultPipeline(db);
  const pipeline = await db
    .selectFrom('pipelines')
    .select(['id', 'name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const won = await db
    .selectFrom('stages')
    .select('id')
    .where('pipeline_id', '=', id)
    .where('is_won', '=', true)
    .execute();
  return { pipeline, wonStageIds: new Set(won.map((s) => s.id)) };
}
