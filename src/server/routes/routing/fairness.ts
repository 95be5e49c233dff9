import { z } from 'zod';
import { GRAINS } from '../../../domain/calendar/period.ts';
import { fairness } from '../../../store/queries/routing/fairness.ts';
import type { RouteModule } from '../../app-types.ts';
import { FairnessRowSchema, ReportRangeQuery } from './schemas.ts';

/** GET /api/routing/fairness: leads received per rep per period (a rep sees their own row, a manager their subtree). */
const fairnessRoute: RouteModule = (app, { db, reportDb }) => {
  app.get(
    '/api/routing/fairness',
    {
      schema: {
        tags: ['routing'],
        summary: 'Leads received per rep per period',
        querystring: ReportRangeQuery.extend({ grain: z.enum(GRAINS).optional() }),
        response: { 200: z.object({ rows: z.array(FairnessRowSchema) }) },
      },
    },
    async (request) => {
      const q = request.query;
      return {
        rows: await fairness(reportDb ?? db, request.viewer, {
          from: q.from,
          to: q.to,
          grain: q.grain ?? null,
        }),
      };
    },
  );
};
export default fairnessRoute;
