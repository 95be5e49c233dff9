import type { Viewer } from '../../../domain/access/viewer.ts';
import { canSeeOwner } from '../../../domain/access/viewer.ts';
import { periodContaining } from '../../../domain/calendar/period.ts';
import { instantToLocal } from '../../../domain/calendar/zoned.ts';
import { mayReadStatement } from '../../../domain/commissions/access.ts';
import { computeStatementChecked } from './compute-checked.ts';
import type { CreditedDeal, StatementLine } from '../../../domain/commissions/types.ts';
import { AppError } from '../../../errors.ts';
import type { Db } from '../../db.ts';
import { convertAmount } from '../money/convert-amount.ts';
import { getSettings } from '../../tables/settings.ts';
import { buildStatementInputs } from './build-inputs.ts';

export interface DealEstimate {
  currency: string;
  periodKey: string;
  payoutNowMinor: number;
  payoutIfWonMinor: number;
  differenceMinor: number;
  /** The lines the deal would add (its commission, SPIF, ...) plus the period's bonus, cap and draw lines. */
  lines: StatementLine[];
}

function notFound(id: number): AppError {
  return new AppError('not_found', `Opportunity ${id} not found`, [
    { field: 'opportunityId', value: String(id), reason: 'no such opportunity', rule: 'not_found' },
  ]);
}

/** round(a x b / 10000) half away from zero, exactly. */
function shareOf(amountMinor: number, shareBp: number): number {
  const p = BigInt(amountMinor) * BigInt(shareBp);
  const rounded = ((p < 0n ? -p : p) + 5000n) / 10000n;
  return Number(p < 0n ? -rounded : rounded);
}

/**
 * "What I earn if I close this deal": the current period's statement of the person credited with an open deal
 * (the viewer when they share it, else its owner), computed now and again with the deal won today at its
 * amount. The deal must be one the viewer can see and the person one whose statements the viewer may read
 * (treating the estimate like a locked statement: a rep estimates for themself only); otherwise 404.
 */
export async function estimateDeal(
  db: Db,
  viewer: Viewer,
  opportunityId: number,
  now = new Date(),
): Promise<DealEstimate> {
  const opp = await db
    .selectFrom('opportunities')
    .select(['id', 'name', 'owner_id', 'status', 'amount_minor', 'currency', 'type', 'product'])
    .where('id', '=', opportunityId)
    .executeTakeFirst();
  const splits = opp
    ? await db
        .selectFrom('opportunity_splits')
        .select(['user_id', 'share_bp'])
        .where('opportunity_id', '=', opportunityId)
        .orderBy('user_id')
        .execute()
    : [];
  const sharers =
    splits.length > 0 ? splits : opp?.owner_id ? [{ user_id: opp.owner_id, share_bp: 10000 }] : [];
  const visible =
    opp !== undefined &&
    (canSeeOwner(viewer, opp.owner_id) || sharers.some((s) => canSeeOwner(viewer, s.user_id)));
  if (!opp || !visible) throw notFound(opportunityId);
  const subject = sharers.find((s) => s.user_id === viewer.userId) ?? sharers[0];
  if (!subject || !mayReadStatement(viewer, { userId: subject.user_id, status: 'locked' }))
    throw notFound(opportunityId);
  if (opp.status !== 'open') {
    throw new AppError('conflict', `Opportunity ${opportunityId} is ${opp.status}, not open`, [
      { field: 'opportunityId', value: String(opportunityId), reason: 'only an open deal can be estimated' },
    ]);
  }
  const settings = await getSettings(db);
  const today = instantToLocal(now, settings.timeZone).date;
  const plan = await db
    .selectFrom('commission_assignments as a')
    .innerJoin('commission_plan_versions as v', 'v.plan_id', 'a.plan_id')
    .select(['v.rules'])
    .where('a.user_id', '=', subject.user_id)
    .where('a.effective_from', '<=', today)
    .where((eb) => eb.or([eb('a.effective_to', 'is', null), eb('a.effective_to', '>', today)]))
    .where('v.effective_from', '<=', today)
    .orderBy('v.effective_from', 'desc')
    .executeTakeFirst();
  if (!plan) {
    throw new AppError('conflict', `User ${subject.user_id} has no commission plan on ${today}`, [
      {
        field: 'opportunityId',
        value: String(opportunityId),
        reason: 'the credited person is on no plan today',
      },
    ]);
  }
  const period = periodContaining(today, plan.rules.period, settings);
  const { inputs } = await buildStatementInputs(db, { periodKey: period.key, userIds: [subject.user_id] });
  const input = inputs[0];
  if (!input) throw notFound(opportunityId);
  // An open deal in another currency is credited as it would be if won today: converted by today's rate
  // (crediting converts by the credit date); without a rate it stays in its currency and reads as excluded.
  const own = { currency: opp.currency.trim(), amountMinor: opp.amount_minor };
  const converted =
    own.currency === settings.currency
      ? null
      : await convertAmount(db, own.amountMinor, own.currency, today, settings.currency);
  const amount = converted ?? own.amountMinor;
  // Split shares round half away from zero; the last sharer (highest user id) takes the remainder.
  const last = sharers.at(-1)!;
  const others = sharers.filter((s) => s !== last).reduce((sum, s) => sum + shareOf(amount, s.share_bp), 0);
  const credited = subject === last ? amount - others : shareOf(amount, subject.share_bp);
  const deal: CreditedDeal = {
    opportunityId: opp.id,
    name: opp.name,
    creditedOn: today,
    type: opp.type,
    product: opp.product,
    currency: converted === null ? own.currency : settings.currency,
    amountMinor: amount,
    ...(converted === null ? {} : { convertedFrom: own }),
    shareBp: subject.share_bp,
    creditedMinor: credited,
    role: splits.length > 0 ? 'split' : 'owner',
  };
  const before = computeStatementChecked(input);
  const after = computeStatementChecked({ ...input, deals: [...input.deals, deal] });
  const context = new Set(['bonus', 'cap', 'draw', 'draw_recovery']);
  return {
    currency: after.currency,
    periodKey: period.key,
    payoutNowMinor: before.totals.payoutMinor,
    payoutIfWonMinor: after.totals.payoutMinor,
    differenceMinor: after.totals.payoutMinor - before.totals.payoutMinor,
    lines: after.lines.filter((l) => l.opportunityId === opp.id || context.has(l.kind)),
  };
}
