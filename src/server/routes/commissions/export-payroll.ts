import { payrollCsv } from '../../../store/queries/commissions/payroll.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { ExportQuery } from './schemas.ts';

/** GET /api/commissions/export?period=: payroll CSV of the period's locked and paid statements; admins only. */
const exportPayrollRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/commissions/export',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Payroll CSV of a period (locked and paid statements)',
        querystring: ExportQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const viewer = requireRole(request, 'admin');
      const { periodKey, csv } = await payrollCsv(db, viewer, request.query.period, request.query.separator);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="commissions-${periodKey}.csv"`)
        .send(csv);
    },
  );
};
export default exportPayrollRoute;
