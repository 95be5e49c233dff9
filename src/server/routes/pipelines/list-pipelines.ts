import { z } from 'zod';
import { pipelinesWithCalibration } from '../../../store/queries/pipelines/stage-calibration.ts';
import type { RouteModule } from '../../app-types.ts';
import { PipelineSchema } from './schemas.ts';

/**
 * GET /api/pipelines: every pipeline with its stages, their configured win probabilities beside what closed deals
 * observed and what the learned forecast uses (the calibration table), and which of the two the forecast uses.
 */
const listPipelinesRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/pipelines',
    {
      schema: {
        tags: ['settings'],
        summary: 'Pipelines and their stages: configured vs observed win probabilities',
        response: { 200: z.object({ items: z.array(PipelineSchema) }) },
      },
    },
    async () => ({ items: await pipelinesWithCalibration(db, new Date()) }),
  );
};
export default listPipelinesRoute;
