import { AppError } from '../../errors.ts';
import { isValidTimeZone } from '../../domain/calendar/zoned.ts';
import type { Db } from '../db.ts';

/** A rep's routing profile; null hours fields mean the workspace's. */
export interface RoutingRepProfile {
  userId: number;
  weight: number;
  maxOpenLeads: number | null;
  timeZone: string | null;
  workingDays: number[] | null;
  workStartMinute: number | null;
  workEndMinute: number | null;
}

export const DEFAULT_REP_PROFILE: Omit<RoutingRepProfile, 'userId'> = {
  weight: 1,
  maxOpenLeads: null,
  timeZone: null,
  workingDays: null,
  workStartMinute: null,
  workEndMinute: null,
};

/** Every user's profile (default for users without a row), by user id. */
export async function listRoutingReps(db: Db, userIds?: readonly number[]): Promise<RoutingRepProfile[]> {
  let q = db
    .selectFrom('users as u')
    .leftJoin('routing_reps as r', 'r.user_id', 'u.id')
    .select([
      'u.id',
      'r.weight',
      'r.max_open_leads',
      'r.time_zone',
      'r.working_days',
      'r.work_start_minute',
      'r.work_end_minute',
    ])
    .orderBy('u.id');
  if (userIds) q = q.where('u.id', 'in', userIds.length > 0 ? [...userIds] : [-1]);
  const rows = await q.execute();
  return rows.map((r) => ({
    userId: r.id,
    weight: r.weight ?? DEFAULT_REP_PROFILE.weight,
    maxOpenLeads: r.max_open_leads,
    timeZone: r.time_zone,
    workingDays: r.working_days === null ? null : r.working_days.map(Number),
    workStartMinute: r.work_start_minute,
    workEndMinute: r.work_end_minute,
  }));
}

/** Sets a rep's profile (the whole of it). */
export async function saveRoutingRep(db: Db, p: RoutingRepProfile): Promise<RoutingRepProfile> {
  if (p.timeZone !== null && !isValidTimeZone(p.timeZone))
    throw new AppError('validation', 'Invalid routing profile', [
      { field: 'timeZone', value: p.timeZone, reason: 'not an IANA time zone' },
    ]);
  if ((p.workStartMinute === null) !== (p.workEndMinute === null))
    throw new AppError('validation', 'Invalid routing profile', [
      { field: 'workEndMinute', reason: 'set both workStartMinute and workEndMinute, or neither' },
    ]);
  const user = await db.selectFrom('users').select('id').where('id', '=', p.userId).executeTakeFirst();
  if (!user) throw new AppError('not_found', `User ${p.userId} not found`);
  const values = {
    weight: p.weight,
    max_open_leads: p.maxOpenLeads,
    time_zone: p.timeZone,
    working_days: p.workingDays,
    work_start_minute: p.workStartMinute,
    work_end_minute: p.workEndMinute,
    updated_at: new Date(),
  };
  await db
    .insertInto('routing_reps')
    .values({ user_id: p.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
  return p;
}
