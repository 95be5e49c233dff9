import { lockStatements } from '../../../store/queries/commissions/lock-pay.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdParams, StatusChangeSchema } from './schemas.ts';

/** POST /api/commissions/statements/:id/lock: locks one draft; admins only. */
const lockStatementRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/statements/:id/lock',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Lock one draft statement',
        params: IdParams,
        response: { 200: StatusChangeSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return { statementIds: await lockStatements(db, viewer, { statementId: request.params.id }) };
    },
  );
};
export default lockStatementRoute;
