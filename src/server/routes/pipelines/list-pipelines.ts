import { z } from 'zod';
import { pipelinesWithStages } from '../../../store/queries/pipelines/pipelines-with-stages.ts';
import type { RouteModule } from '../../app-types.ts';
import { PipelineSchema } from './schemas.ts';

/** GET /api/pipelines: every pipeline with its stages and their default win probabilities. */
const listPipelinesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/pipelines',
    {
      schema: {
        tags: ['settings'],
        summary: 'Pipelines and their stages with win probabilities',
        response: { 200: z.object({ items: z.array(PipelineSchema) }) },
      },
    },
    async () => ({ items: await pipelinesWithStages(db) }),
  );
};
export default listPipelinesRoute;
