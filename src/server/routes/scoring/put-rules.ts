import { z } from 'zod';
import { validateRuleSet } from '../../../domain/scoring/validate-rule-set.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { enqueueRescore } from '../../../store/tables/scoring-rescores.ts';
import { saveRuleSet } from '../../../store/tables/scoring-rule-sets.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { RescoreSchema, RuleSetDraftSchema, RuleSetSchema } from './schemas.ts';

/**
 * PUT /api/scoring/rules: an admin saves a new version of the rules and thresholds; it becomes active at once
 * and a background re-score of the open leads is queued (follow it at GET /api/scoring/rescores/:id). Every
 * problem is reported together; nothing is saved when there is one.
 */
const putRules: RouteModule = (app, { db }) => {
  app.put(
    '/api/scoring/rules',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Save a new version of the lead scoring rules and re-score open leads (admins)',
        body: RuleSetDraftSchema,
        response: { 200: z.object({ ruleSet: RuleSetSchema, rescore: RescoreSchema }) },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const errors = validateRuleSet(request.body);
      if (errors.length > 0) throw new AppError('validation', 'The rule set is invalid', errors);
      return db.transaction().execute(async (tx) => {
        const ruleSet = await saveRuleSet(tx, request.body, viewer.userId);
        const rescore = await enqueueRescore(tx, ruleSet.version, viewer.userId);
        await recordAudit(tx, viewer, {
          action: 'update',
          entity: 'scoring_rules',
          entityId: ruleSet.version,
          after: request.body,
        });
        return { ruleSet, rescore };
      });
    },
  );
};
export default putRules;
