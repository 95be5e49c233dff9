import { z } from 'zod';
import { SCORE_BANDS } from '../../../domain/coaching/hiring.ts';
import { CANDIDATE_STATUSES, CRITERION_KINDS } from '../../../store/tables/hiring.ts';
import { IdField, LocalDateField } from '../../input-schemas.ts';

/** A row id in a path or body: a positive safe integer (bigger numbers are refused by zod, not by the database). */
export const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: IdField });

export const CriterionSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(CRITERION_KINDS),
  weight: z.number(),
  position: z.number(),
});

export const OpeningSchema = z.object({
  id: z.number(),
  name: z.string(),
  teamId: z.number().nullable(),
  teamName: z.string().nullable(),
  ownerId: z.number().nullable(),
  scaleMin: z.number(),
  scaleMax: z.number(),
  status: z.enum(['open', 'closed']),
  candidates: z.number(),
  criteria: z.array(CriterionSchema),
});

export const OpeningBody = z.object({
  name: z.string().trim().min(1).max(200),
  teamId: Id.nullable().optional(),
  ownerId: Id.nullable().optional(),
  scaleMin: z.number().int().min(0).max(99).optional(),
  scaleMax: z.number().int().min(1).max(100).optional(),
  criteria: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(200),
        kind: z.enum(CRITERION_KINDS),
        weight: z.number().positive().max(1000),
      }),
    )
    .min(1)
    .max(30),
});

export const CandidateSchema = z.object({
  id: z.number(),
  openingId: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(CANDIDATE_STATUSES),
  hiredUserId: z.number().nullable(),
});

export const CandidateBody = z.object({
  openingId: Id,
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  status: z.enum(CANDIDATE_STATUSES).optional(),
});

export const CandidatePatch = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  status: z.enum(CANDIDATE_STATUSES).optional(),
  hiredUserId: Id.nullable().optional(),
});

export const ScoresBody = z.object({
  scores: z
    .array(
      z.object({
        criterionId: Id,
        score: z.number().int().min(0).max(100),
        note: z.string().trim().max(2000).nullable().optional(),
      }),
    )
    .min(1)
    .max(30),
});

const CriterionResultSchema = z.object({
  criterionId: z.number(),
  mean: z.number().nullable(),
  n: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number().nullable().describe('max - min of the interviewers’ scores: their disagreement'),
});

export const ComparisonSchema = z.object({
  opening: OpeningSchema,
  candidates: z.array(
    CandidateSchema.omit({ openingId: true }).extend({
      rank: z.number().nullable(),
      total: z.number().nullable().describe('weighted mean of the criterion means, on the opening’s scale'),
      complete: z.boolean(),
      interviewers: z.number(),
      maxSpread: z.number().nullable(),
      criteria: z.array(CriterionResultSchema),
      myScores: z.record(z.string(), z.number()),
    }),
  ),
});

const Band = z.enum(SCORE_BANDS);

export const PredictorsSchema = z.object({
  asOf: z.string(),
  minObservedDays: z.number(),
  hires: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      candidateId: z.number(),
      openingId: z.number(),
      openingName: z.string(),
      hireDate: z.string(),
      rampMonths: z.number(),
      leftOn: z.string().nullable(),
      total: z.number().nullable().describe('weighted score on the 1-5 scale'),
      band: Band.nullable(),
      scores: z.record(z.string(), z.number().nullable()),
      firstYearFrom: z.string(),
      firstYearTo: z.string(),
      daysObserved: z.number(),
      fullYear: z.boolean(),
      quotaAttainment: z.number().nullable(),
      wonRevenue: z.number().nullable(),
      counted: z.boolean(),
    }),
  ),
  predictors: z.array(
    z.object({
      key: z.string(),
      rho: z.number().nullable(),
      n: z.number(),
      verdict: z.enum(['too_few', 'no_variation', 'computed']),
    }),
  ),
});

const TurnoverRowSchema = z.object({
  key: z.string().nullable(),
  name: z.string(),
  leavers: z.number(),
  averageHeadcount: z.number(),
  turnover: z.number().nullable(),
  medianTenureMonths: z.number().nullable(),
});

export const TurnoverSchema = z.object({
  from: z.string(),
  to: z.string(),
  company: TurnoverRowSchema,
  byTeam: z.array(TurnoverRowSchema),
  byBand: z.array(TurnoverRowSchema),
});

export const TurnoverQuery = z.object({ from: LocalDateField.optional(), to: LocalDateField.optional() });
