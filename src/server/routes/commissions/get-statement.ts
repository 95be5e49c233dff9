import { AppError } from '../../../errors.ts';
import { getStatement } from '../../../store/queries/commissions/statements-read.ts';
import type { RouteModule } from '../../app-types.ts';
import { IdParams, StatementDetailSchema } from './schemas.ts';

/** GET /api/commissions/statements/:id: 404 for a statement that does not exist or the viewer may not read. */
const getStatementRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/commissions/statements/:id',
    {
      schema: {
        tags: ['commissions'],
        summary: 'One commission statement with its lines, totals, curve and disputes',
        params: IdParams,
        response: { 200: StatementDetailSchema },
      },
    },
    async (request) => {
      const s = await getStatement(db, request.viewer, request.params.id);
      if (!s) {
        throw new AppError('not_found', `Statement ${request.params.id} not found`, [
          { field: 'id', value: String(request.params.id), reason: 'no such statement', rule: 'not_found' },
        ]);
      }
      return s;
    },
  );
};
export default getStatementRoute;
