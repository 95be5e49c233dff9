import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { getStage, setStageProbability } from '../../../store/queries/pipelines/pipelines-with-stages.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { StageSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/**
 * PATCH /api/stages/:id: an admin changes a stage's default win probability (used by the stage-weighted
 * forecast). Won and lost stages keep 100% and 0%. Audited with before/after.
 */
const updateStageRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/stages/:id',
    {
      schema: {
        tags: ['settings'],
        summary: "Change a stage's win probability (admins)",
        params: z.object({ id: IdField }),
        body: z.object({ probabilityPct: z.number().min(0).max(100) }).strict(),
        response: { 200: StageSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const id = request.params.id;
      return db.transaction().execute(async (tx) => {
        const before = await getStage(tx, id);
        if (!before) {
          throw new AppError('not_found', 'No such stage', [
            { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
          ]);
        }
        if (before.isWon || before.isLost) {
          throw new AppError('validation', 'Won and lost stages have a fixed probability', [
            { field: 'probabilityPct', reason: `stage '${before.name}' is a closed stage` },
          ]);
        }
        await setStageProbability(tx, id, request.body.probabilityPct);
        const after = await getStage(tx, id);
        if (!after) throw new Error('stage vanished inside the transaction');
        await recordAudit(tx, viewer, { action: 'update', entity: 'stage', entityId: id, before, after });
        return after;
      });
    },
  );
};
export default updateStageRoute;
