import { lockStatements } from '../../../store/queries/commissions/lock-pay.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { LockBody, StatusChangeSchema } from './schemas.ts';

/** POST /api/commissions/statements/lock: locks a period's drafts (optionally some people's); admins only. */
const lockPeriodRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/statements/lock',
    {
      schema: {
        tags: ['commissions'],
        summary: "Lock a period's draft statements",
        body: LockBody,
        response: { 200: StatusChangeSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const { period, userIds } = request.body;
      return { statementIds: await lockStatements(db, viewer, { periodKey: period, userIds }) };
    },
  );
};
export default lockPeriodRoute;
