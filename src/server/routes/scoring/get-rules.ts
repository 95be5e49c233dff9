import { z } from 'zod';
import { listRuleSets } from '../../../store/tables/scoring-rule-sets.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { RuleSetSchema } from './schemas.ts';

/** GET /api/scoring/rules: the active rule set and every earlier version (admins). */
const getRules: RouteModule = (app, { db }) => {
  app.get(
    '/api/scoring/rules',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Lead scoring rules: the active version and the history (admins)',
        response: { 200: z.object({ active: RuleSetSchema, versions: z.array(RuleSetSchema) }) },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const versions = await listRuleSets(db);
      const active = versions.find((v) => v.active);
      if (!active) throw new Error('no active scoring rule set after listRuleSets');
      return { active, versions };
    },
  );
};
export default getRules;
