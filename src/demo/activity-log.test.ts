import { describe, expect, it } from 'vitest';
import { copyLine } from '../store/bulk/copy-text.ts';
import { ActivityLog, type LoggedActivity } from './activity-log.ts';
import { ACTIVITY_COLUMNS } from './columns.ts';

const T0 = Date.UTC(2026, 10, 2, 14, 0);

function activity(minute: number, over: Partial<LoggedActivity> = {}): LoggedActivity {
  return {
    type: 'call',
    direction: 'outbound',
    outcome: 'connected',
    durationSeconds: 120,
    userId: 3,
    leadId: null,
    contactId: 7,
    accountId: 2,
    opportunityId: null,
    subject: null,
    occurredAt: T0 + minute * 60_000,
    ...over,
  };
}

describe('ActivityLog', () => {
  it('holds the same rows whether sized for them, sized short (growing past it) or not sized', () => {
    const fill = (log: ActivityLog) => {
      for (let i = 0; i < 50_000; i += 1)
        log.push(
          activity(i % 997, {
            userId: 1 + (i % 13),
            bookedAt: i % 5 === 0 ? T0 - i * 60_000 : null,
            durationSeconds: i % 3 === 0 ? null : i,
          }),
        );
      log.sortByTime();
      return [...log.copyLines()];
    };
    const unsized = fill(new ActivityLog());
    expect(fill(new ActivityLog(50_000))).toEqual(unsized);
    expect(fill(new ActivityLog(20_000))).toEqual(unsized);
    expect(unsized).toHaveLength(50_000);
    // booked_at is null (\N) in the four rows of five that booked nothing, wherever the column stands in the line.
    const booked = Object.keys(ACTIVITY_COLUMNS).indexOf('booked_at');
    expect(booked).toBeGreaterThan(0);
    expect(unsized.filter((l) => l.split('\t')[booked] === '\\N')).toHaveLength(40_000);
  });

  it('sorts by time and keeps logging order for equal instants, like a stable sort of the rows', () => {
    const log = new ActivityLog();
    log.push(activity(5, { userId: 1 }));
    log.push(activity(0, { userId: 2 }));
    log.push(activity(5, { userId: 3 }));
    log.push(activity(-60, { userId: 4 }));
    log.push(activity(0, { userId: 5 }));
    log.sortByTime();
    expect([...log.rows()].map((r) => r[4])).toEqual([4, 2, 5, 1, 3]);
  });

  it('falls back to a comparison sort for instants that are not whole minutes, with the same tie rule', () => {
    const log = new ActivityLog();
    log.push(activity(1, { userId: 1 }));
    log.push(activity(0, { userId: 2, occurredAt: T0 + 1_500 }));
    log.push(activity(1, { userId: 3 }));
    log.push(activity(0, { userId: 4 }));
    log.sortByTime();
    expect([...log.rows()].map((r) => r[4])).toEqual([4, 2, 1, 3]);
  });

  it('grows past its first capacity without losing rows', () => {
    const log = new ActivityLog();
    for (let i = 0; i < 40_000; i += 1) log.push(activity(40_000 - i, { userId: i + 1 }));
    log.sortByTime();
    const users = [...log.rows()].map((r) => r[4]);
    expect(users.length).toBe(40_000);
    expect(users[0]).toBe(40_000);
    expect(users[39_999]).toBe(1);
  });

  it('encodes each row exactly as the generic COPY encoder does, nulls and escapes included', () => {
    const log = new ActivityLog();
    log.push(activity(0));
    log.push(
      activity(1, {
        type: 'meeting',
        direction: 'inbound',
        outcome: null,
        durationSeconds: null,
        leadId: 12,
        contactId: null,
        accountId: null,
        opportunityId: 9,
        subject: 'Tab\there, back\\slash, line\nbreak',
        bookedAt: T0 - 3 * 86_400_000 + 30 * 60_000,
      }),
    );
    log.push(activity(2, { durationSeconds: 0, occurredAt: T0 + 2 * 60_000 + 123 }));
    // A typed-in row written later (issue 18's padder): its own logged_via and created_at.
    log.push(activity(3, { loggedVia: 'quick_log', createdAt: T0 + 5 * 3_600_000 + 20_000 }));
    // A non-selling time row (src/demo/work-time.ts): type other with its time category.
    log.push(
      activity(4, { type: 'other', outcome: null, durationSeconds: 1_800, timeCategory: 'crm_updates' }),
    );
    log.sortByTime();
    log.newProspect[0] = 1;
    const names = Object.keys(ACTIVITY_COLUMNS);
    const types = names.map((n) => ACTIVITY_COLUMNS[n] as string);
    const expected = [...log.rows()].map((row, i) => copyLine('activities', names, types, row, i));
    expect([...log.copyLines()]).toEqual(expected);
    // ... is_new_prospect, logged_via, created_at, time_category, booked_at, held_meeting_before (0041).
    expect(expected[0]).toContain('\tt\tdemo\t2026-11-02T14:00:00.000Z\t\\N\t\\N\tf\n');
    expect(expected[3]).toContain('\tf\tquick_log\t2026-11-02T19:00:20.000Z\t\\N\t\\N\tf\n');
    expect(expected[4]).toContain('other\toutbound\t\\N\t1800\t');
    expect(expected[4]).toContain('\tdemo\t2026-11-02T14:04:00.000Z\tcrm_updates\t\\N\tf\n');
    expect(expected[1]).toBe(
      'meeting\tinbound\t\\N\t\\N\t3\t12\t\\N\t\\N\t9\tTab\\there, back\\\\slash, line\\nbreak\t2026-11-02T14:01:00.000Z\tf\tdemo\t2026-11-02T14:01:00.000Z\t\\N\t2026-10-30T14:30:00.000Z\tf\n',
    );
  });
});
