import { z } from 'zod';
import { PACK_PERIOD } from '../../../domain/meeting-pack/meeting-pack.ts';
import { meetingPack } from '../../../store/queries/meeting-pack/meeting-pack.ts';
import type { RouteModule } from '../../app-types.ts';
import { StageComparisonSchema, StageSideSchema } from '../coaching/get-funnel-diagnosis.ts';
import { GoalPacingSchema } from '../goals/schemas.ts';
import { LeaderboardLineSchema } from '../leaderboards/get-leaderboard.ts';

/** A team id with one spelling (no leading zeros, signs or exponents), or 'company'. */
export const PackTeamParam = z
  .string()
  .regex(/^(company|[1-9]\d{0,9})$/, "a team id (a positive integer without leading zeros) or 'company'")
  .transform((s) => (s === 'company' ? ('company' as const) : Number(s)))
  .refine((v) => v === 'company' || v <= 2_147_483_647, 'at most 2147483647');

/** A pack period: a week (named by the ISO week of its Monday, see Period) or a month. */
export const PackPeriodParam = z.string().regex(PACK_PERIOD, 'a week (2026-W47) or a month (2026-11)');

const Span = z.object({ key: z.string(), from: z.string(), to: z.string() });

const Deal = z.object({
  opportunityId: z.number(),
  name: z.string(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  currency: z.string(),
  amountMinor: z.number(),
  workspaceAmountMinor: z.number().nullable().describe('in the workspace currency; null without a rate'),
  stageName: z.string(),
  date: z.string().nullable(),
  days: z.number().nullable(),
});

export const MeetingPackSchema = z.object({
  subject: z.object({ type: z.enum(['team', 'company']), id: z.number().nullable(), name: z.string() }),
  period: Span,
  previousPeriod: Span,
  asOf: z.string(),
  currency: z.string(),
  kpis: z.array(
    z.object({ metricId: z.string(), value: z.number().nullable(), previous: z.number().nullable() }),
  ),
  goals: z.array(GoalPacingSchema),
  hottest: z.object({
    windowDays: z.number(),
    deals: z.array(
      z.object({
        opportunityId: z.number(),
        name: z.string(),
        ownerId: z.number().nullable(),
        ownerName: z.string().nullable(),
        currency: z.string(),
        stageName: z.string(),
        probabilityPct: z.number(),
        amountMinor: z.number(),
        workspaceAmountMinor: z.number(),
        weightedMinor: z.number(),
        expectedCloseDate: z.string().nullable(),
        moves: z.array(
          z.enum(['new', 'advanced', 'amount_up', 'amount_down', 'close_earlier', 'close_later']),
        ),
      }),
    ),
  }),
  stalled: z.object({ stalledDays: z.number(), total: z.number(), deals: z.array(Deal) }),
  wins: z.array(Deal),
  currenciesWithoutRate: z.array(z.string()),
  warnings: z.array(z.string()),
  leaderboard: z.object({
    metricId: z.string(),
    previousPeriod: z.string(),
    lines: z.array(LeaderboardLineSchema),
  }),
  funnel: z.object({
    from: z.string(),
    to: z.string(),
    pipeline: z.object({ id: z.number(), name: z.string() }),
    stages: z.array(
      StageComparisonSchema.extend({
        rep: StageSideSchema.describe("the pack's people"),
        team: StageSideSchema.describe('the company'),
      }),
    ),
    weakest: z
      .object({
        stageId: z.number(),
        from: z.string(),
        to: z.string(),
        entered: z.number(),
        advanced: z.number(),
        rate: z.number(),
        companyRate: z.number().nullable(),
      })
      .nullable(),
  }),
});

/**
 * GET /api/meeting-pack?team=&period=: the sales meeting pack of a team (managers: the teams they manage; admins:
 * any team or 'company') for a week or month, default the last complete week. Reps and other teams' managers get
 * 404, as for a team that does not exist.
 */
const getMeetingPack: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/meeting-pack',
    {
      schema: {
        tags: ['coaching'],
        summary:
          'Sales meeting pack: KPIs vs goals, hottest and stalled deals, leaderboard, wins, weakest step',
        querystring: z.object({
          team: PackTeamParam.optional().describe(
            "team id or 'company' (default: the company for admins, a manager's first team)",
          ),
          period: PackPeriodParam.optional().describe('week or month (default: the last complete week)'),
        }),
        response: { 200: MeetingPackSchema },
      },
    },
    async (request) => meetingPack(db, request.viewer, request.query),
  );
};
export default getMeetingPack;
