import { z } from 'zod';
import { listScorecards } from '../../../store/tables/scorecards.ts';
import type { RouteModule } from '../../app-types.ts';
import { ScorecardSchema } from './schemas.ts';

/** GET /api/coaching/scorecards: every scorecard definition (anyone signed in). */
const listScorecardsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/coaching/scorecards',
    {
      schema: {
        tags: ['coaching'],
        summary: 'Scorecard definitions per sales role',
        response: { 200: z.object({ scorecards: z.array(ScorecardSchema) }) },
      },
    },
    async () => ({ scorecards: await listScorecards(db) }),
  );
};
export default listScorecardsRoute;
