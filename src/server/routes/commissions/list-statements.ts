import { listStatements } from '../../../store/queries/commissions/statements-read.ts';
import type { RouteModule } from '../../app-types.ts';
import { StatementListQuery, StatementListSchema } from './schemas.ts';

/**
 * GET /api/commissions/statements: the statements the viewer may read (admin all; manager their people and
 * their own once locked; rep their own once locked). A filter never widens that: userId of someone else is [].
 */
const listStatementsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/commissions/statements',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Commission statements the viewer may read',
        querystring: StatementListQuery,
        response: { 200: StatementListSchema },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        statements: await listStatements(db, request.viewer, {
          periodKey: q.period,
          userId: q.userId,
          status: q.status,
        }),
      };
    },
  );
};
export default listStatementsRoute;
