import { z } from 'zod';
import { TEXT_ATTRIBUTES } from '../../../domain/scoring/rules.ts';
import { EVENT_TYPE } from '../../../domain/scoring/validate-rule-set.ts';

const RuleId = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower_snake_case, starting with a letter');
const Points = z.number().int().min(-1000).max(1000);
const Text = z.string().trim().min(1).max(200);

const FitCondition = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('equals'), attribute: z.enum(TEXT_ATTRIBUTES), value: Text }),
  z.object({
    kind: z.literal('in_list'),
    attribute: z.enum(TEXT_ATTRIBUTES),
    values: z.array(Text).min(1).max(200),
  }),
  z.object({
    kind: z.literal('company_size'),
    min: z.number().int().min(0).nullable(),
    max: z.number().int().min(0).nullable(),
  }),
  z.object({ kind: z.literal('email_domain'), domains: z.array(Text).min(1).max(500) }),
  z.object({ kind: z.literal('data_quality'), is: z.enum(['ok', 'inaccurate', 'unassessed']) }),
]);

export const RuleSchema = z.discriminatedUnion('type', [
  z.object({ id: RuleId, label: Text, type: z.literal('fit'), condition: FitCondition, points: Points }),
  z.object({
    id: RuleId,
    label: Text,
    type: z.literal('engagement'),
    eventType: z.string().regex(EVENT_TYPE, 'lower_snake_case, e.g. page_view'),
    urlPattern: z.string().trim().min(1).max(500).nullable(),
    points: Points,
    cap: z.number().int().positive().max(100_000).nullable(),
    windowDays: z.number().int().positive().max(3660).nullable(),
    halfLifeDays: z.number().positive().max(3660).nullable(),
  }),
]);

/** A rule set as PUT and preview take it (validateRuleSet adds the checks across fields). */
export const RuleSetDraftSchema = z.object({
  rules: z.array(RuleSchema).max(200),
  mqlThreshold: Points,
  sqlThreshold: Points,
  demoRequestQualifies: z.boolean(),
});

export const RuleSetSchema = RuleSetDraftSchema.extend({
  version: z.number().int(),
  active: z.boolean(),
  createdBy: z.number().int().nullable(),
  createdAt: z.date(),
});

export const RescoreSchema = z.object({
  id: z.number().int(),
  ruleSetVersion: z.number().int(),
  status: z.enum(['pending', 'running', 'done', 'superseded']),
  leadsTotal: z.number().int().nullable(),
  leadsDone: z.number().int(),
  promoted: z.number().int(),
  requestedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export const BandCounts = z.object({ below: z.number().int(), mql: z.number().int(), sql: z.number().int() });

export const RulePreviewSchema = z.object({
  openLeads: z.number().int(),
  current: BandCounts,
  proposed: BandCounts,
  moves: z.array(
    z.object({
      from: z.enum(['below', 'mql', 'sql']),
      to: z.enum(['below', 'mql', 'sql']),
      leads: z.number().int(),
    }),
  ),
  wouldPromote: z.number().int(),
  asOf: z.date(),
});

/** One rule that fired for a lead, with its points (lead_scores.why; src/domain/scoring/evaluate.ts RuleHit). */
export const RuleHitSchema = z.object({
  ruleId: z.string(),
  label: z.string(),
  type: z.enum(['fit', 'engagement']),
  points: z.number().int(),
  events: z.number().int(),
  capped: z.boolean(),
});
