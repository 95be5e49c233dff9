import { whatIf } from '../../../store/queries/commissions/what-if.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { WhatIfBody, WhatIfResponse } from './what-if-schemas.ts';

/**
 * POST /api/commissions/what-if: what a plan would have paid over the last N periods against today's plans, and
 * over simulated attainment. Admins for anyone, managers for the people below them; reps 403. Writes nothing
 * (a POST only because the rules are a body; read-only tokens are refused by the viewer hook as for any POST).
 */
const whatIfRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/commissions/what-if',
    {
      schema: {
        tags: ['commissions'],
        summary: 'Model the cost of a commission plan on past deals and simulated attainment',
        body: WhatIfBody,
        response: { 200: WhatIfResponse },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'manager');
      return whatIf(db, viewer, request.body);
    },
  );
};
export default whatIfRoute;
