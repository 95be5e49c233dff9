import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { revokeApiToken } from '../../../store/tables/api-tokens.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdField } from '../../input-schemas.ts';

/** DELETE /api/tokens/:id: revoke a token; it stops working on the next request, in every server process. */
const revokeToken: RouteModule = (app, { db }) => {
  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token (admins)',
        params: z.object({ id: IdField }),
        response: { 200: z.object({ revoked: z.literal(true) }) },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const id = request.params.id;
      await db.transaction().execute(async (tx) => {
        if (!(await revokeApiToken(tx, id, new Date()))) {
          throw new AppError('not_found', 'No such active API token', [
            { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
          ]);
        }
        await recordAudit(tx, viewer, { action: 'revoke', entity: 'api_token', entityId: id });
      });
      return { revoked: true as const };
    },
  );
};
export default revokeToken;
