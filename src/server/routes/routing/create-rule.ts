import { createRoutingRule, listRoutingRules } from '../../../store/tables/routing-rules.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { RoutingRuleCreateBody, RoutingRuleSchema } from './schemas.ts';

/** POST /api/routing/rules: an admin adds a rule (criteria default to none, position to after the last rule). */
const createRuleRoute: RouteModule = (app, { db }) => {
  app.post(
    '/api/routing/rules',
    {
      schema: {
        tags: ['routing'],
        summary: 'Create a routing rule (admins)',
        body: RoutingRuleCreateBody,
        response: { 201: RoutingRuleSchema },
      },
    },
    async (request, reply) => {
      requireWrite(request);
      requireRole(request, 'admin');
      const b = request.body;
      const last = (await listRoutingRules(db)).at(-1);
      const rule = await createRoutingRule(db, {
        name: b.name,
        position: b.position ?? (last ? last.position + 1 : 1),
        active: b.active ?? true,
        countries: b.countries ?? null,
        regions: b.regions ?? null,
        industries: b.industries ?? null,
        minCompanySize: b.minCompanySize ?? null,
        maxCompanySize: b.maxCompanySize ?? null,
        accountIds: b.accountIds ?? null,
        repIds: b.repIds ?? [],
        teamId: b.teamId ?? null,
      });
      return reply.code(201).send(rule);
    },
  );
};
export default createRuleRoute;
