import { z } from 'zod';
import { PROBABILITY_SOURCES } from '../../../domain/forecast/compute.ts';
import { AppError } from '../../../errors.ts';
import { setProbabilitySource } from '../../../store/queries/pipelines/probability-sources.ts';
import { pipelinesWithCalibration } from '../../../store/queries/pipelines/stage-calibration.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { PipelineSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/**
 * PATCH /api/pipelines/:id: an admin chooses whether the forecast uses the pipeline's configured stage
 * probabilities or the ones learned from its closed deals. Audited with before/after.
 */
const updatePipelineRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/pipelines/:id',
    {
      schema: {
        tags: ['settings'],
        summary: 'Choose configured or learned stage probabilities for a pipeline (admins)',
        params: z.object({ id: IdField }),
        body: z.object({ probabilitySource: z.enum(PROBABILITY_SOURCES) }).strict(),
        response: { 200: PipelineSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const id = request.params.id;
      return db.transaction().execute(async (tx) => {
        const before = await tx
          .selectFrom('pipelines')
          .select(['id', 'probability_source'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!before || !(await setProbabilitySource(tx, id, request.body.probabilitySource))) {
          throw new AppError('not_found', 'No such pipeline', [
            { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
          ]);
        }
        await recordAudit(tx, viewer, {
          action: 'update',
          entity: 'pipeline',
          entityId: id,
          before: { probabilitySource: before.probability_source },
          after: { probabilitySource: request.body.probabilitySource },
        });
        const after = (await pipelinesWithCalibration(tx, new Date())).find((p) => p.id === id);
        if (!after) throw new Error('pipeline vanished inside the transaction');
        return after;
      });
    },
  );
};
export default updatePipelineRoute;
