import { z } from 'zod';
import { integrityReport } from '../../../store/queries/integrity/integrity-report.ts';
import { getSettingsWithRollupZone } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const Signal = z.object({
  value: z.number().nullable().describe('numerator / denominator; null without a denominator'),
  numerator: z.number().int(),
  denominator: z.number().int(),
  flagged: z.boolean(),
  reason: z.string().nullable().describe('why it is flagged, in plain language; null when it is not'),
});

const Signals = z.object({
  zero_length_call_share: Signal,
  repeat_touch_share: Signal,
  bulk_logged_share: Signal,
});

const WorstDay = z.object({
  date: LocalDate,
  zeroLengthCalls: z.number().int(),
  timedCalls: z.number().int(),
  repeatTouches: z.number().int(),
  touches: z.number().int(),
  bulkLogged: z.number().int(),
  typedIn: z.number().int(),
});

export const IntegrityReportSchema = z.object({
  from: LocalDate,
  to: LocalDate,
  thresholds: z.object({
    zeroLengthCallSeconds: z.number().int(),
    repeatTouchNth: z.number().int(),
    burstRows: z.number().int(),
    burstMinutes: z.number().int(),
  }),
  medians: z
    .object({
      zero_length_call_share: z.number().nullable(),
      repeat_touch_share: z.number().nullable(),
      bulk_logged_share: z.number().nullable(),
    })
    .describe('the median rep over all reps with enough rows; null when fewer than 5 reps qualify'),
  reps: z.array(
    z.object({
      userId: z.number().int(),
      name: z.string(),
      flagged: z.boolean(),
      signals: Signals,
      worstDays: z.array(WorstDay).describe("the rep's days with the most suspicious rows, up to 3"),
    }),
  ),
});

/**
 * GET /api/capture/integrity?from=&to=: the per-rep data-quality view (issue 18, docs/capture.md "Integrity (data
 * quality)"): zero-length calls, repeat touches and after-hours bulk logging per rep, flagged against the rules
 * and the median rep, with each rep's worst days. A rep sees themself, a manager their people, an admin everyone.
 */
const getIntegrity: RouteModule = (app, { reportDb: db }) => {
  app.get(
    '/api/capture/integrity',
    {
      schema: {
        tags: ['capture'],
        summary: 'Per-rep activity data quality (padding signals) for a period',
        querystring: z.object({ from: LocalDate, to: LocalDate }).strict(),
        response: { 200: IntegrityReportSchema },
      },
    },
    async (request) => {
      const viewer = requireRole(request, 'rep');
      const settings = await getSettingsWithRollupZone(db);
      return integrityReport(db, viewer, { from: request.query.from, to: request.query.to }, { settings });
    },
  );
};
export default getIntegrity;
