import { validateRuleSet } from '../../../domain/scoring/validate-rule-set.ts';
import { AppError } from '../../../errors.ts';
import { previewRuleSet } from '../../../store/queries/scoring/preview.ts';
import { getActiveRuleSet } from '../../../store/tables/scoring-rule-sets.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';
import { RulePreviewSchema, RuleSetDraftSchema } from './schemas.ts';

/**
 * POST /api/scoring/rules/preview: how many open leads a proposed rule set would move across the MQL and SQL
 * thresholds compared with the active one, scored now; nothing is saved (admins).
 */
const previewRules: RouteModule = (app, { db }) => {
  app.post(
    '/api/scoring/rules/preview',
    {
      schema: {
        tags: ['scoring'],
        summary: 'Preview a rule change: open leads moved across the thresholds (admins, nothing saved)',
        body: RuleSetDraftSchema,
        response: { 200: RulePreviewSchema },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      const errors = validateRuleSet(request.body);
      if (errors.length > 0) throw new AppError('validation', 'The rule set is invalid', errors);
      const active = await getActiveRuleSet(db);
      return previewRuleSet(db, active, { ...request.body, version: 0 }, new Date());
    },
  );
};
export default previewRules;
