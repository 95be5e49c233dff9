import { payStatements } from '../../../store/queries/commissions/lock-pay.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { IdParams, StatusChangeSchema } from './schemas.ts';

/** POST /api/commissions/statements/:id/pay: marks one locked statement paid; admins only. */
const payStatementRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/statements/:id/pay',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Mark one locked statement paid',
        params: IdParams,
        response: { 200: StatusChangeSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      return { statementIds: await payStatements(db, viewer, { statementId: request.params.id }) };
    },
  );
};
export default payStatementRoute;
