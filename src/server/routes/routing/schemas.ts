import { z } from 'zod';
import { RESPONSE_BUCKETS } from '../../../domain/metrics/response-buckets.ts';
import { LocalDateField } from '../../input-schemas.ts';

const Id = z.number().int().positive();
const Strings = z.array(z.string().trim().min(1).max(100)).max(200).nullable();

export const RoutingRuleFields = z.object({
  name: z.string().trim().min(1).max(200),
  position: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in upper case'))
    .max(250)
    .nullable(),
  regions: Strings,
  industries: Strings,
  minCompanySize: z.number().int().min(0).nullable(),
  maxCompanySize: z.number().int().min(0).nullable(),
  accountIds: z.array(Id).max(10_000).nullable(),
  repIds: z.array(Id).max(1000),
  teamId: Id.nullable(),
});

export const RoutingRuleSchema = RoutingRuleFields.extend({ id: Id });

/** A new rule: criteria default to none (a catch-all), position to the end. */
export const RoutingRuleCreateBody = RoutingRuleFields.partial().required({ name: true });

export const RoutingSettingsSchema = z.object({
  routeOn: z.enum(['off', 'sql', 'created']),
  reassignOnSlaBreach: z.boolean(),
  maxSlaReassignments: z.number().int().min(0).max(10),
});

export const RepProfileSchema = z.object({
  userId: Id,
  weight: z.number().int().min(0).max(100),
  maxOpenLeads: z.number().int().min(0).nullable(),
  timeZone: z.string().max(100).nullable(),
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7).nullable(),
  workStartMinute: z.number().int().min(0).max(1440).nullable(),
  workEndMinute: z.number().int().min(0).max(1440).nullable(),
});

export const OutOfOfficeSchema = z.object({
  id: Id,
  userId: Id,
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
});

export const OutOfOfficeBody = z.object({
  userId: Id.optional(),
  startsOn: LocalDateField,
  endsOn: LocalDateField,
  note: z.string().max(500).nullable().optional(),
});

export const AssignmentSchema = z.object({
  id: Id,
  leadId: Id,
  leadName: z.string(),
  userId: Id,
  userName: z.string(),
  previousUserId: Id.nullable(),
  ruleId: Id.nullable(),
  ruleName: z.string().nullable(),
  kind: z.enum(['initial', 'sla_reassign', 'manual']),
  reason: z.string(),
  trace: z.unknown(),
  assignedAt: z.string(),
  respondBy: z.string().nullable(),
});

const SkippedSchema = z.object({ userId: z.number(), reason: z.string(), detail: z.string() });
export const DecisionSchema = z.object({
  kind: z.enum(['assigned', 'unassigned']),
  assignmentKind: z.enum(['initial', 'sla_reassign', 'manual']),
  leadId: z.number(),
  userId: z.number().optional(),
  ruleId: z.number().optional(),
  reason: z.string(),
  trace: z.array(
    z.object({
      ruleId: z.number(),
      ruleName: z.string(),
      outcome: z.enum(['no_match', 'no_available_rep', 'chosen']),
      detail: z.string(),
      skipped: z.array(SkippedSchema),
    }),
  ),
});

export const ReportRangeQuery = z.object({ from: LocalDateField, to: LocalDateField });

export const FairnessRowSchema = z.object({
  userId: z.number(),
  name: z.string(),
  period: z.string().nullable(),
  leadsAssigned: z.number(),
  averageScore: z.number().nullable().describe('mean score of the leads received, as scored when assigned'),
});

export const SpeedToLeadRowSchema = z.object({
  groupType: z.enum(['company', 'rep', 'source']),
  groupId: z.number().nullable(),
  groupName: z.string(),
  bucket: z.enum(RESPONSE_BUCKETS),
  leads: z.number(),
  converted: z.number(),
  won: z.number(),
  conversionRate: z.number().nullable(),
  winRate: z.number().nullable(),
});
