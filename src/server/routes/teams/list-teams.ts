import { z } from 'zod';
import { listTeams } from '../../../store/tables/teams.ts';
import type { RouteModule } from '../../app-types.ts';
import { TeamSchema } from './schemas.ts';

/** GET /api/teams: teams the viewer may see (admins: all; managers: their subtree; reps: their own team). */
const listTeamsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/teams',
    {
      schema: {
        tags: ['teams'],
        summary: 'List teams visible to you',
        response: { 200: z.object({ items: z.array(TeamSchema) }) },
      },
    },
    async (request) => ({ items: await listTeams(db, request.viewer) }),
  );
};
export default listTeamsRoute;
