import type { TimeCategory } from '../../domain/capture/captured-activity.ts';
import type { ActivityOutcome, ActivityType } from '../../store/schema.ts';
import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import { externalIdFor, num, ownerRef, text, when, type PersonRef } from './common.ts';

/** An activity as read from one row. */
export interface ActivityRecord {
  line: number;
  externalId: string;
  type: ActivityType;
  direction: 'outbound' | 'inbound';
  outcome: ActivityOutcome | null;
  durationSeconds: number | null;
  owner: PersonRef | null;
  occurredAt: Date;
  subject: string | null;
  account: string | null;
  contact: { name: string | null; email: string | null } | null;
  opportunity: string | null;
  timeCategory: TimeCategory | null;
  bookedAt: Date | null;
  note: string | null;
}

/** Builds an activity record; returns 'skip' for planned-but-not-done rows (they are not activities yet). */
export function toActivityRecord(
  spec: MappingSpec,
  v: RowValues,
  line: number,
): ActivityRecord | FieldError[] | 'skip' {
  if (v.done === false) return 'skip';
  const externalId = externalIdFor(spec, v);
  if (typeof externalId !== 'string') return [externalId];
  const occurred = when(v, 'occurredAt');
  const type = text(v, 'type') as ActivityType | null;
  if (!occurred || !type)
    return [{ field: occurred ? 'type' : 'occurredAt', reason: 'required value is empty', rule: 'required' }];
  const booked = when(v, 'bookedAt');
  // A booking date belongs to a meeting, and a meeting is set before it happens (meetings_booked counts by it).
  if (booked && type !== 'meeting')
    return [{ field: 'bookedAt', value: booked.instant.toISOString(), reason: 'only meetings are booked' }];
  if (booked && booked.instant.getTime() > occurred.instant.getTime())
    return [
      {
        field: 'bookedAt',
        value: booked.instant.toISOString(),
        reason: "is after the meeting's occurredAt (a meeting is set before it happens)",
      },
    ];
  const contactName = text(v, 'contact');
  const contactEmail = text(v, 'contactEmail')?.toLowerCase() ?? null;
  return {
    line,
    externalId,
    type,
    direction: (text(v, 'direction') as 'outbound' | 'inbound' | null) ?? 'outbound',
    outcome: text(v, 'outcome') as ActivityOutcome | null,
    durationSeconds: num(v, 'duration'),
    owner: ownerRef(v),
    occurredAt: occurred.instant,
    subject: text(v, 'subject'),
    account: text(v, 'account'),
    contact: contactName || contactEmail ? { name: contactName, email: contactEmail } : null,
    opportunity: text(v, 'opportunity'),
    timeCategory: text(v, 'timeCategory') as TimeCategory | null,
    bookedAt: booked?.instant ?? null,
    note: text(v, 'note'),
  };
}
