import { z } from 'zod';
import type { Viewer } from '../../../domain/access/viewer.ts';
import { canSeeOwner } from '../../../domain/access/viewer.ts';
import { parsePeriod } from '../../../domain/calendar/period.ts';
import { parseScope, type ForecastScope } from '../../../domain/forecast/scope.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../../store/db.ts';
import { recordCall } from '../../../store/queries/forecast/forecast-calls.ts';
import { resolveScope } from '../../../store/queries/forecast/resolve-scope.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { getSettings } from '../../../store/tables/settings.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireWrite } from '../../auth/guards.ts';
import { ScopeField } from '../../input-schemas.ts';
import { CallSchema, PeriodField } from './schemas.ts';

const Body = z.object({
  period: PeriodField,
  scope: ScopeField,
  amount: z.number().int().min(0).describe('the call, minor units'),
  kind: z
    .enum(['call', 'override'])
    .optional()
    .describe(
      "default: 'call' on your own scope (yourself, a team you manage, the company for admins), else 'override'",
    ),
  note: z.string().max(2000).nullable().optional(),
  deals: z
    .array(
      z.object({
        opportunityId: z.number().int().positive(),
        forecastCategory: z.enum(['pipeline', 'best_case', 'commit', 'omitted']),
        forecastAmount: z.number().int().min(0).nullable().optional(),
      }),
    )
    .max(500)
    .optional()
    .describe('per-deal forecast category and amount, set in the same request'),
});

async function isOwnScope(db: Db, viewer: Viewer, scope: ForecastScope): Promise<boolean> {
  if (viewer.userId === null) return scope.type === 'company';
  if (scope.type === 'rep') return scope.id === viewer.userId;
  if (scope.type === 'company') return viewer.role === 'admin';
  const team = await db
    .selectFrom('teams')
    .select('manager_id')
    .where('id', '=', scope.id)
    .executeTakeFirst();
  return team?.manager_id === viewer.userId;
}

/**
 * PUT /api/forecast/calls: a rep calls their number (and sets deal categories); a manager calls their team's number
 * or overrides a rep's. Calls are appended, never replaced, so both the call and the override stay with who and when.
 */
const putCalls: RouteModule = (app, { db }) => {
  app.put(
    '/api/forecast/calls',
    {
      schema: {
        tags: ['forecast'],
        summary: 'Make a forecast call or override (and set deal forecast categories)',
        body: Body,
        response: { 200: z.object({ call: CallSchema, dealsUpdated: z.number().int() }) },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      const b = request.body;
      const settings = await getSettings(db);
      const period = parsePeriod(b.period, settings);
      const scope = parseScope(b.scope);
      await resolveScope(db, viewer, scope);
      const own = await isOwnScope(db, viewer, scope);
      const kind = b.kind ?? (own ? 'call' : 'override');
      const allowed =
        viewer.role === 'admin' ||
        (viewer.role === 'manager' &&
          scope.type !== 'company' &&
          (kind === 'override' ? !own : own || scope.type === 'team')) ||
        (viewer.role === 'rep' && own && kind === 'call');
      if (!allowed) {
        throw new AppError('forbidden', `You may not ${kind === 'call' ? 'call' : 'override'} ${b.scope}`, [
          {
            field: 'scope',
            value: b.scope,
            reason: 'reps call their own number; managers override their reps',
          },
        ]);
      }
      const now = new Date();
      return db.transaction().execute(async (tx) => {
        let dealsUpdated = 0;
        for (const d of b.deals ?? []) {
          const opp = await tx
            .selectFrom('opportunities')
            .selectAll()
            .where('id', '=', d.opportunityId)
            .executeTakeFirst();
          if (
            !opp ||
            !canSeeOwner(viewer, opp.owner_id) ||
            (viewer.role === 'rep' && opp.owner_id !== viewer.userId)
          ) {
            throw new AppError('not_found', `No opportunity ${d.opportunityId} of yours`, [
              {
                field: 'deals.opportunityId',
                value: String(d.opportunityId),
                reason: 'not found or not yours',
              },
            ]);
          }
          if (opp.status !== 'open') {
            throw new AppError('validation', `Opportunity ${d.opportunityId} is closed`, [
              {
                field: 'deals.opportunityId',
                value: String(d.opportunityId),
                reason: 'only open deals take a forecast category',
              },
            ]);
          }
          await tx
            .updateTable('opportunities')
            .set({
              forecast_category: d.forecastCategory,
              forecast_amount_minor: d.forecastAmount ?? null,
              updated_at: now,
            })
            .where('id', '=', opp.id)
            .execute();
          // Stage history keeps the category too, so a backtest sees the category as it was.
          await tx
            .insertInto('opportunity_history')
            .values({
              opportunity_id: opp.id,
              changed_at: now,
              stage_id: opp.stage_id,
              amount_minor: opp.amount_minor,
              expected_close_date: opp.expected_close_date,
              forecast_category: d.forecastCategory,
              owner_id: opp.owner_id,
              changed_by: viewer.userId,
            })
            .execute();
          dealsUpdated += 1;
        }
        const call = await recordCall(tx, viewer, {
          periodKey: period.key,
          scope,
          kind,
          amount: b.amount,
          currency: settings.currency,
          note: b.note ?? null,
          at: now,
        });
        await recordAudit(tx, viewer, {
          action: kind,
          entity: 'forecast_call',
          entityId: call.id,
          after: { ...call, deals: b.deals ?? [] },
        });
        return { call, dealsUpdated };
      });
    },
  );
};
export default putCalls;
