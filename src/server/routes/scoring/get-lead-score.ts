import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { explainLead } from '../../../store/queries/scoring/explain-lead.ts';
import { getLead } from '../../../store/queries/records/list-leads.ts';
import { getLeadScore } from '../../../store/tables/lead-scores.ts';
import { leadStatusChanges } from '../../../store/tables/lead-status-changes.ts';
import { getActiveRuleSet } from '../../../store/tables/scoring-rule-sets.ts';
import type { RouteModule } from '../../app-types.ts';
import { RuleHitSchema as Hit } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

/**
 * GET /api/leads/:id/score: the lead's stored score with why (every rule that fired and its points), the rule
 * version and instant it was computed, and the status changes scoring made. A lead never scored is evaluated
 * now with the active rules (`stored: false`). Visibility as GET /api/leads/:id (404 when not yours to see).
 */
const getLeadScoreRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/leads/:id/score',
    {
      schema: {
        tags: ['scoring'],
        summary: "A lead's score and why",
        params: z.object({ id: IdField }),
        response: {
          200: z.object({
            leadId: z.number().int(),
            stored: z.boolean(),
            ruleSetVersion: z.number().int(),
            fit: z.number().int(),
            engagement: z.number().int(),
            score: z.number().int(),
            demoRequested: z.boolean(),
            computedAt: z.date(),
            why: z.array(Hit),
            statusChanges: z.array(
              z.object({
                from: z.string(),
                to: z.string(),
                at: z.date(),
                score: z.number().int().nullable(),
                ruleSetVersion: z.number().int().nullable(),
                reason: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const lead = await getLead(db, request.viewer, request.params.id);
      if (!lead) throw new AppError('not_found', 'No such lead');
      const statusChanges = await leadStatusChanges(db, lead.id);
      const stored = await getLeadScore(db, lead.id);
      if (stored) return { ...stored, stored: true, statusChanges };
      const rs = await getActiveRuleSet(db);
      const now = new Date();
      const live = await explainLead(db, lead.id, rs, now);
      if (!live) throw new AppError('not_found', 'No such lead');
      return {
        leadId: lead.id,
        stored: false,
        ruleSetVersion: rs.version,
        fit: live.fit,
        engagement: live.engagement,
        score: live.score,
        demoRequested: live.demoRequested,
        computedAt: now,
        why: live.why,
        statusChanges,
      };
    },
  );
};
export default getLeadScoreRoute;
