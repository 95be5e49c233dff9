import { z } from 'zod';
import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { getTeam, updateTeam } from '../../../store/tables/teams.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { assertTeamRefs, rethrowDuplicateExternalId } from './checks.ts';
import { TeamFields, TeamSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/**
 * PATCH /api/teams/:id: an admin renames a team or changes its manager or parent. A parent that would make
 * the hierarchy loop is rejected. Visibility follows at once: managers' subtrees are computed per request.
 */
const updateTeamRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/teams/:id',
    {
      schema: {
        tags: ['teams'],
        summary: 'Change a team (admins)',
        params: z.object({ id: IdField }),
        body: TeamFields.partial(),
        response: { 200: TeamSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const id = request.params.id;
      await assertTeamRefs(db, id, request.body);
      return db
        .transaction()
        .execute(async (tx) => {
          const before = await getTeam(tx, SYSTEM_VIEWER, id);
          if (!before)
            throw new AppError('not_found', 'No such team', [
              { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
            ]);
          await updateTeam(tx, id, request.body);
          const after = await getTeam(tx, SYSTEM_VIEWER, id);
          if (!after) throw new Error('team vanished inside the transaction');
          await recordAudit(tx, viewer, { action: 'update', entity: 'team', entityId: id, before, after });
          return after;
        })
        .catch((err: unknown) => rethrowDuplicateExternalId(err, request.body.externalId));
    },
  );
};
export default updateTeamRoute;
