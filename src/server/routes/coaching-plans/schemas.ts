import { z } from 'zod';
import {
  ACTION_KINDS,
  CADENCES,
  COMPARISONS,
  DELTA_UNITS,
  OUTCOMES,
  PLAN_KINDS,
  SKILL_AREAS,
} from '../../../domain/coaching/plan.ts';
import { IdField, LocalDateField } from '../../input-schemas.ts';

/** A row id in a path or body: 1 .. 2^53 - 1 (larger numbers cannot name a row; see input-schemas.ts). */
export const PlanId = IdField;
export const PlanParams = z.object({ id: PlanId });
const UserId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const Skill = z.object({
  area: z.enum(SKILL_AREAS),
  skill: z.string().min(1).max(200),
  note: z.string().max(2000).default(''),
});

const Action = z.object({
  kind: z.enum(ACTION_KINDS),
  description: z.string().min(1).max(500),
  ownerId: UserId.nullable().default(null),
  dueOn: LocalDateField.nullable().default(null),
  done: z.boolean().default(false),
});

const TargetCommon = {
  metricId: z.string().min(1).max(100),
  comparison: z.enum(COMPARISONS).default('at_least'),
  cadence: z.enum(CADENCES).default('plan'),
};

/** An absolute target ({ target }) or a relative one ({ delta, unit, baselinePeriod? }). */
const Target = z.union([
  z.object({ ...TargetCommon, target: z.number().min(0).max(1e15) }).strict(),
  z
    .object({
      ...TargetCommon,
      delta: z.number().min(-1000).max(1000),
      unit: z.enum(DELTA_UNITS),
      baselinePeriod: z.string().min(1).max(40).optional(),
    })
    .strict(),
]);

export const PlanBody = z.object({
  userId: UserId,
  kind: z.enum(PLAN_KINDS),
  title: z.string().min(1).max(200),
  summary: z.string().max(4000).default(''),
  startOn: LocalDateField,
  endOn: LocalDateField.optional(),
  skills: z.array(Skill).max(30).default([]),
  actions: z.array(Action).max(50).default([]),
  targets: z.array(Target).max(20).default([]),
});

export const PlanPatchBody = z
  .object({
    title: z.string().min(1).max(200),
    summary: z.string().max(4000),
    endOn: LocalDateField,
    skills: z.array(Skill).max(30),
    actions: z.array(Action).max(50),
    targets: z.array(Target).max(20),
  })
  .partial()
  .strict();

export const CheckInBody = z.object({ onDate: LocalDateField.optional(), note: z.string().min(1).max(4000) });

export const OutcomeBody = z.object({
  outcome: z.enum(OUTCOMES),
  note: z.string().max(4000).default(''),
  newEndOn: LocalDateField.optional(),
});

const Status = z.enum(['not_started', 'on_track', 'behind', 'met', 'not_met', 'no_data']);

export const PlanSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  summary: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  state: z.enum(['open', 'closed']),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  outcomeAt: z.date().nullable(),
  outcomeBy: z.number().int().nullable(),
  createdBy: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  skills: z.array(z.object({ area: z.enum(SKILL_AREAS), skill: z.string(), note: z.string() })),
  actions: z.array(
    z.object({
      kind: z.enum(ACTION_KINDS),
      description: z.string(),
      ownerId: z.number().int().nullable(),
      dueOn: z.string().nullable(),
      doneAt: z.date().nullable(),
    }),
  ),
  targets: z.array(
    z.object({
      id: z.number().int(),
      metricId: z.string(),
      comparison: z.enum(COMPARISONS),
      cadence: z.enum(CADENCES),
      absoluteTarget: z.number().nullable(),
      relative: z
        .object({
          baselineStart: z.string(),
          baselineEnd: z.string().describe('exclusive'),
          delta: z.number(),
          unit: z.enum(DELTA_UNITS),
        })
        .nullable(),
      baselineValue: z.number().nullable(),
      resolvedTarget: z.number(),
      resolvedAt: z.date(),
    }),
  ),
  checkIns: z.array(
    z.object({
      id: z.number().int(),
      authorId: z.number().int().nullable(),
      authorName: z.string().nullable(),
      onDate: z.string(),
      note: z.string(),
      createdAt: z.date(),
    }),
  ),
});

export const PlanStatusSchema = z.object({
  planId: z.number().int(),
  asOf: z.string(),
  status: Status,
  targets: z.array(
    z.object({
      targetId: z.number().int(),
      metricId: z.string(),
      metricLabel: z.string(),
      unit: z.string(),
      comparison: z.enum(COMPARISONS),
      cadence: z.enum(CADENCES),
      resolvedTarget: z.number(),
      status: Status,
      windows: z.array(
        z.object({
          start: z.string(),
          endExclusive: z.string(),
          target: z.number(),
          expectedToDate: z.number(),
          actual: z.number().nullable(),
          elapsedShare: z.number(),
          status: Status,
        }),
      ),
    }),
  ),
  weeks: z.array(
    z.object({
      week: z.number().int(),
      start: z.string(),
      endExclusive: z.string(),
      checkIns: z.number().int(),
      started: z.boolean(),
    }),
  ),
});

/** A plan with its computed status, as lists and the detail return it. */
export const PlanWithStatusSchema = PlanSchema.extend({ status: PlanStatusSchema });
