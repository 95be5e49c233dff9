import { z } from 'zod';
import { DEAL_TYPES } from '../../../domain/commissions/types.ts';
import { CsvSeparatorQuery } from '../../csv/send-csv.ts';
import { IdField, LocalDateField } from '../../input-schemas.ts';
import { noticesSchema } from '../../notice-schema.ts';
import { STATEMENT_NOTICES } from '../../../domain/notices.ts';

/*
 * Request and response schemas of the commissions API (docs/commissions.md, "API and CLI"). Money is integer
 * minor units; rates are basis points; dates are local YYYY-MM-DD, ranges [from, to).
 */

/** A row id in a path or query (input-schemas.ts IdField: one spelling per row). */
export const RowId = IdField;
export const IdParams = z.object({ id: RowId });
const BodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Money in minor units: a JavaScript number stays exact up to 2^53; plans never need more than 10^15. */
const Minor = z.number().int().min(0).max(1e15);
const SignedMinor = z.number().int().min(-1e15).max(1e15);
const Bp = z.number().int().min(0).max(1_000_000);
const Pct = z.number().min(0).max(100_000);
const DealTypeField = z.enum(DEAL_TYPES as unknown as ['new_business', 'upsell', 'renewal']);

/**
 * The shape of PlanRules (src/domain/commissions/types.ts) for OpenAPI and a first check; the engine's
 * parsePlanRules (called by the store on every write, CLI included) fills defaults and checks what a shape
 * cannot (tier order, SPIF windows), naming the field.
 */
export const PlanRulesSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
    period: z.enum(['month', 'quarter', 'year']),
    creditOn: z.enum(['close', 'paid']),
    tierMode: z.enum(['marginal', 'retroactive']),
    tiers: z
      .array(z.object({ fromPct: Pct, rateBp: Bp }).strict())
      .min(1)
      .max(20),
    typeRates: z.partialRecord(DealTypeField, Bp),
    attainmentTypes: z.array(DealTypeField).max(3),
    capMinor: Minor.nullable(),
    bonuses: z
      .array(z.object({ label: z.string().min(1).max(200), atPct: Pct, amountMinor: Minor }).strict())
      .max(20),
    spifs: z
      .array(
        z
          .object({
            label: z.string().min(1).max(200),
            from: LocalDateField,
            to: LocalDateField,
            product: z.string().min(1).max(200).nullable(),
            dealType: DealTypeField.nullable(),
            amountMinor: Minor,
          })
          .strict(),
      )
      .max(50),
    draw: z.object({ amountMinor: Minor, recoverable: z.boolean() }).strict().nullable(),
    ramp: z.boolean(),
    rollUp: z.boolean(),
    clawbackDays: z.number().int().min(1).max(3660).nullable(),
  })
  .strict();

const Version = z.object({
  id: z.number(),
  version: z.number(),
  effectiveFrom: z.string(),
  rules: PlanRulesSchema,
});
const Assignment = z.object({
  id: z.number(),
  userId: z.number(),
  userName: z.string(),
  planId: z.number(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  targetMinor: z.number().nullable(),
});
export const AssignmentSchema = Assignment;
export const PlanSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  archived: z.boolean(),
  versions: z.array(Version),
  assignments: z.array(Assignment),
});
export const PlanListSchema = z.object({ plans: z.array(PlanSchema) });

/** Rules in a request: fields the engine has defaults for may be left out; parsePlanRules names what is wrong. */
const RulesBody = PlanRulesSchema.partial();

export const CreatePlanBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).default(''),
    effectiveFrom: LocalDateField,
    rules: RulesBody,
  })
  .strict();
export const CreateVersionBody = z.object({ effectiveFrom: LocalDateField, rules: RulesBody }).strict();
export const CreateAssignmentBody = z
  .object({
    userId: BodyId,
    planId: BodyId,
    effectiveFrom: LocalDateField,
    effectiveTo: LocalDateField.nullable().optional(),
    targetMinor: Minor.nullable().optional(),
  })
  .strict();

/** A period key a plan computes: '2026-11', '2026-Q4' or '2026' (fiscal keys when the fiscal year is shifted). */
export const PeriodField = z.string().min(4).max(20).describe("'2026-11', '2026-Q4', '2026' or 'FY2027-Q1'");

export const RunBody = z.object({ period: PeriodField }).strict();
export const RunResultSchema = z.object({
  periodKey: z.string(),
  statements: z.number(),
  drafts: z.number(),
  skippedLocked: z.number(),
  payoutByCurrency: z.array(z.object({ currency: z.string(), payoutMinor: z.number() })),
});

export const StatementStatusField = z.enum(['draft', 'locked', 'paid']);
export const StatementSummarySchema = z.object({
  id: z.number(),
  userId: z.number(),
  userName: z.string(),
  periodKey: z.string(),
  status: StatementStatusField,
  currency: z.string(),
  creditedMinor: z.number(),
  targetMinor: z.number(),
  attainmentPct: z.number(),
  payoutMinor: z.number(),
  openDisputes: z.number(),
});
export const StatementListQuery = z
  .object({
    period: PeriodField.optional(),
    userId: RowId.optional(),
    status: StatementStatusField.optional(),
  })
  .strict();
export const StatementListSchema = z.object({ statements: z.array(StatementSummarySchema) });

const LineKindField = z.enum([
  'commission',
  'type_rate',
  'cap',
  'bonus',
  'spif',
  'clawback',
  'adjustment',
  'draw',
  'draw_recovery',
  'excluded',
]);
export const LineSchema = z.object({
  id: z.number(),
  lineNo: z.number(),
  kind: LineKindField,
  segment: z.number().nullable(),
  opportunityId: z.number().nullable(),
  label: z.string(),
  creditedMinor: z.number().nullable(),
  rateBp: z.number().nullable(),
  tier: z.number().nullable(),
  attainmentFromPct: z.number().nullable(),
  attainmentToPct: z.number().nullable(),
  amountMinor: z.number(),
  fromPeriodKey: z.string().nullable(),
  explanation: z.string(),
  /** The explanation as data (src/domain/commissions/line-reasons.ts); absent on statements computed before it. */
  reason: z.looseObject({ code: z.string() }).optional(),
});
export const DisputeSchema = z.object({
  id: z.number(),
  statementId: z.number(),
  lineId: z.number().nullable(),
  raisedBy: z.number(),
  raisedByName: z.string(),
  personName: z.string().describe("the statement's person"),
  periodKey: z.string(),
  currency: z.string(),
  comment: z.string(),
  status: z.enum(['open', 'accepted', 'rejected']),
  resolution: z.string().nullable(),
  adjustmentMinor: z.number().nullable(),
  appliedInStatementId: z.number().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export const StatementDetailSchema = z.object({
  statement: StatementSummarySchema.extend({
    periodStart: z.string(),
    periodEnd: z.string(),
    computedAt: z.string(),
    lockedAt: z.string().nullable(),
    paidAt: z.string().nullable(),
  }),
  segments: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      planId: z.number(),
      planName: z.string(),
      planVersion: z.number(),
      targetMinor: z.number(),
    }),
  ),
  lines: z.array(LineSchema),
  totals: z.object({
    creditedMinor: z.number(),
    targetMinor: z.number(),
    attainmentPct: z.number(),
    commissionMinor: z.number(),
    bonusMinor: z.number(),
    spifMinor: z.number(),
    clawbackMinor: z.number(),
    adjustmentMinor: z.number(),
    drawMinor: z.number(),
    payoutMinor: z.number(),
  }),
  curve: z.array(
    z.object({
      date: z.string(),
      opportunityId: z.number(),
      creditedToDateMinor: z.number(),
      attainmentPct: z.number(),
      commissionToDateMinor: z.number(),
    }),
  ),
  warnings: z.array(z.string()).describe('notes the reader must see, in English'),
  notices: noticesSchema(STATEMENT_NOTICES)
    .nullable()
    .describe('the warnings as codes and values; null on a statement computed before notices existed'),
  disputes: z.array(DisputeSchema),
});

export const LockBody = z
  .object({ period: PeriodField, userIds: z.array(BodyId).min(1).max(10_000).optional() })
  .strict();
export const StatusChangeSchema = z.object({ statementIds: z.array(z.number()) });

export const DisputeBody = z.object({ lineId: BodyId, comment: z.string().trim().min(1).max(2000) }).strict();
export const DisputeListQuery = z
  .object({ status: z.enum(['open', 'accepted', 'rejected']).optional() })
  .strict();
export const DisputeListSchema = z.object({ disputes: z.array(DisputeSchema) });
export const ResolveBody = z
  .object({
    decision: z.enum(['accepted', 'rejected']),
    resolution: z.string().trim().min(1).max(2000),
    adjustmentMinor: SignedMinor.optional(),
  })
  .strict();

export const ExportQuery = z.object({ period: PeriodField, ...CsvSeparatorQuery }).strict();
export const EstimateQuery = z.object({ opportunityId: RowId }).strict();
export const EstimateSchema = z.object({
  currency: z.string(),
  periodKey: z.string(),
  payoutNowMinor: z.number(),
  payoutIfWonMinor: z.number(),
  differenceMinor: z.number(),
  lines: z.array(LineSchema.omit({ id: true, lineNo: true })),
});
