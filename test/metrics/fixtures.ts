import type { Db } from '../../src/store/db.ts';
import { refreshActivityFlags } from '../../src/store/derived/activity-flags.ts';
import { resolveAffectedPeople } from '../../src/store/derived/people.ts';
import { ensureDefaultPipeline } from '../../src/store/tables/pipelines.ts';
import type { TimeCategory } from '../../src/domain/capture/captured-activity.ts';
import type { ActivityOutcome, ActivityType, OpportunityType } from '../../src/store/schema.ts';

/** Small inserters for metric tests: each writes one row with explicit values and returns its id. */

let seq = 0;
const next = () => (seq += 1);

/** The default pipeline and its stage ids by name. */
export async function pipeline(db: Db): Promise<{ id: number; stage: (name: string) => number }> {
  const id = await ensureDefaultPipeline(db);
  const stages = await db.selectFrom('stages').select(['id', 'name']).where('pipeline_id', '=', id).execute();
  return {
    id,
    stage: (name) => {
      const s = stages.find((x) => x.name === name);
      if (!s) throw new Error(`no stage ${name}`);
      return s.id;
    },
  };
}

export async function team(db: Db, name: string, parentId: number | null = null): Promise<number> {
  const r = await db
    .insertInto('teams')
    .values({ name, parent_team_id: parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function user(
  db: Db,
  name: string,
  teamId: number | null = null,
  role: 'rep' | 'manager' | 'admin' = 'rep',
): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${next()}@example.test`,
      role,
      team_id: teamId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function account(db: Db, name = `Account ${next()}`): Promise<number> {
  const r = await db.insertInto('accounts').values({ name }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function contact(db: Db, accountId: number | null = null): Promise<number> {
  const r = await db
    .insertInto('contacts')
    .values({ name: `Contact ${next()}`, account_id: accountId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface ActivityInput {
  userId: number;
  type: ActivityType;
  at: string;
  outcome?: ActivityOutcome | null;
  direction?: 'outbound' | 'inbound';
  contactId?: number | null;
  leadId?: number | null;
  accountId?: number | null;
  isNewProspect?: boolean;
  durationSeconds?: number | null;
  timeCategory?: TimeCategory | null;
  bookedAt?: string | null;
}

export async function activities(db: Db, rows: ActivityInput[]): Promise<void> {
  if (rows.length === 0) return;
  const inserted = await db
    .insertInto('activities')
    .values(
      rows.map((a) => ({
        user_id: a.userId,
        type: a.type,
        occurred_at: a.at,
        outcome: a.outcome ?? null,
        direction: a.direction ?? 'outbound',
        contact_id: a.contactId ?? null,
        lead_id: a.leadId ?? null,
        account_id: a.accountId ?? null,
        is_new_prospect: a.isNewProspect ?? false,
        duration_seconds: a.durationSeconds ?? null,
        time_category: a.timeCategory ?? null,
        booked_at: a.bookedAt ?? null,
      })),
    )
    .returning('id')
    .execute();
  // The per-row signals kept at write time (0041: repeat_touch, held_meeting_before), as every write path keeps
  // them; is_new_prospect stays what the test set.
  const people = await resolveAffectedPeople(db, {
    contactIds: [...new Set(rows.flatMap((a) => (a.contactId == null ? [] : [a.contactId])))],
    leadIds: [...new Set(rows.flatMap((a) => (a.leadId == null ? [] : [a.leadId])))],
  });
  const ids = inserted.map((r) => Number(r.id));
  await refreshActivityFlags(db, people === null ? null : { ...people, activityIds: ids }, ids);
}

export interface OppInput {
  ownerId: number | null;
  status: 'open' | 'won' | 'lost';
  amount: number;
  createdAt: string;
  closedAt?: string | null;
  currency?: string;
  type?: OpportunityType;
  stage?: string;
  pipelineId?: number;
  leadSource?: string | null;
  accountId?: number | null;
  contactId?: number | null;
}

export async function opportunity(db: Db, o: OppInput): Promise<number> {
  const p = await pipeline(db);
  const stage = o.stage ?? (o.status === 'won' ? 'Won' : o.status === 'lost' ? 'Lost' : 'Discovery');
  const r = await db
    .insertInto('opportunities')
    .values({
      name: `Deal ${next()}`,
      owner_id: o.ownerId,
      pipeline_id: o.pipelineId ?? p.id,
      stage_id: p.stage(stage),
      status: o.status,
      amount_minor: o.amount,
      currency: o.currency ?? 'USD',
      type: o.type ?? 'new_business',
      lead_source: o.leadSource ?? null,
      account_id: o.accountId ?? null,
      contact_id: o.contactId ?? null,
      created_at: o.createdAt,
      closed_at: o.closedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface LeadInput {
  ownerId: number | null;
  createdAt: string;
  source?: string | null;
  mqlAt?: string | null;
  sqlAt?: string | null;
  firstResponseAt?: string | null;
  responseMinutes?: number | null;
}

export async function lead(db: Db, l: LeadInput): Promise<number> {
  const r = await db
    .insertInto('leads')
    .values({
      name: `Lead ${next()}`,
      owner_id: l.ownerId,
      created_at: l.createdAt,
      source: l.source ?? null,
      mql_at: l.mqlAt ?? null,
      sql_at: l.sqlAt ?? null,
      first_response_at: l.firstResponseAt ?? null,
      first_touch_at: l.firstResponseAt ?? null,
      response_business_minutes: l.responseMinutes ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
