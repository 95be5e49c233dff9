import { beforeAll, expect, it } from 'vitest';
import { readIcsOccurrences } from '../../src/capture/calendar/read-ics.ts';
import { importCalendar } from '../../src/store/queries/capture/import-calendar.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { bookedAtOf } from '../../src/domain/capture/calendar-meetings.ts';
import { runMetrics } from '../../src/store/queries/metrics/run-metrics.ts';
import { saveCaptureSettings } from '../../src/store/tables/capture-settings.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

const NOW = new Date('2026-11-30T12:00:00Z');
const WINDOW = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };

/** A weekly meeting across the end of US daylight time, with an EXDATE, a moved and a cancelled occurrence. */
const WEEKLY = [
  'BEGIN:VEVENT',
  'UID:weekly-1@test',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;TZID=America/New_York:20261019T100000',
  'DTEND;TZID=America/New_York:20261019T103000',
  'RRULE:FREQ=WEEKLY;COUNT=8',
  'EXDATE;TZID=America/New_York:20261026T100000',
  'SUMMARY:Weekly check-in',
  'ORGANIZER:mailto:rep@acme.test',
  'ATTENDEE;CN=Rita Rep:mailto:rep@acme.test',
  'ATTENDEE;CN=Bea Buyer:mailto:bea@client.test',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-1@test',
  'DTSTAMP:20261001T000000Z',
  'RECURRENCE-ID;TZID=America/New_York:20261109T100000',
  'DTSTART;TZID=America/New_York:20261110T140000',
  'DTEND;TZID=America/New_York:20261110T150000',
  'SUMMARY:Weekly check-in (moved)',
  'ATTENDEE;CN=Bea Buyer:mailto:bea@client.test',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-1@test',
  'DTSTAMP:20261001T000000Z',
  'RECURRENCE-ID;TZID=America/New_York:20261116T100000',
  'DTSTART;TZID=America/New_York:20261116T100000',
  'DTEND;TZID=America/New_York:20261116T103000',
  'STATUS:CANCELLED',
  'SUMMARY:Weekly check-in',
  'ATTENDEE:mailto:bea@client.test',
  'END:VEVENT',
];

const OTHERS = [
  'BEGIN:VEVENT',
  'UID:demo-2@test',
  'CREATED:20260915T080000Z',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;TZID=Europe/Berlin:20261203T150000',
  'DTEND;TZID=Europe/Berlin:20261203T160000',
  'SUMMARY:Demo for Cal',
  'ATTENDEE;CN=Cal Client:mailto:cal@client.test',
  'ATTENDEE:mailto:boss@acme.test',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:internal-3@test',
  'DTSTAMP:20261001T000000Z',
  'DTSTART:20261105T090000Z',
  'DTEND:20261105T100000Z',
  'SUMMARY:Pipeline review',
  'ATTENDEE:mailto:boss@acme.test',
  'ATTENDEE:mailto:someone@acme.test',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:allday-4@test',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;VALUE=DATE:20261111',
  'SUMMARY:Offsite',
  'END:VEVENT',
];

const ics = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//pacesetter test//EN', ...events.flat(), 'END:VCALENDAR'].join(
    '\r\n',
  );

describeStores('calendar import', (ctx) => {
  let repId = 0;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    repId = (await seedUser(ctx.db, { role: 'rep', email: 'rep@acme.test' })).id;
    await seedUser(ctx.db, { role: 'manager', email: 'boss@acme.test' });
    await saveCaptureSettings(ctx.db, { emailAddress: null, allowedDomains: ['acme.test'] });
  });

  const meetings = () =>
    ctx.db
      .selectFrom('activities as a')
      .innerJoin('contacts as c', 'c.id', 'a.contact_id')
      .select(['a.external_id', 'a.occurred_at', 'a.outcome', 'a.duration_seconds', 'a.subject', 'c.email'])
      .where('a.type', '=', 'meeting')
      .where('a.user_id', '=', repId)
      .orderBy('a.occurred_at')
      .execute();

  it('logs meetings with outside attendees: recurrences expanded in their zone, overrides and cancellations applied', async () => {
    const occurrences = readIcsOccurrences(ics(WEEKLY, OTHERS), WINDOW, 'cal.ics');
    const summary = await importCalendar(ctx.db, { userEmail: 'REP@acme.test', occurrences, now: NOW });
    // Seven meetings and the internal pipeline review (logged as internal meeting time, not as a meeting).
    expect(summary).toMatchObject({
      created: 8,
      updated: 0,
      removed: 0,
      internal: 1,
      skippedCancelled: 1,
    });
    const key = (rid: string) => `ics:${repId}:weekly-1@test:${rid}`;
    expect(await meetings()).toEqual([
      // 10:00 New York is 14:00Z in daylight time (until 1 Nov 2026), 15:00Z after.
      {
        external_id: key('2026-10-19T14:00:00.000Z'),
        occurred_at: new Date('2026-10-19T14:00:00Z'),
        outcome: 'held',
        duration_seconds: 1800,
        subject: 'Weekly check-in',
        email: 'bea@client.test',
      },
      {
        external_id: key('2026-11-02T15:00:00.000Z'),
        occurred_at: new Date('2026-11-02T15:00:00Z'),
        outcome: 'held',
        duration_seconds: 1800,
        subject: 'Weekly check-in',
        email: 'bea@client.test',
      },
      // The 9 Nov occurrence moved to 10 Nov 14:00 New York; it keeps its RECURRENCE-ID as key.
      {
        external_id: key('2026-11-09T15:00:00.000Z'),
        occurred_at: new Date('2026-11-10T19:00:00Z'),
        outcome: 'held',
        duration_seconds: 3600,
        subject: 'Weekly check-in (moved)',
        email: 'bea@client.test',
      },
      {
        external_id: key('2026-11-23T15:00:00.000Z'),
        occurred_at: new Date('2026-11-23T15:00:00Z'),
        outcome: 'held',
        duration_seconds: 1800,
        subject: 'Weekly check-in',
        email: 'bea@client.test',
      },
      // Not over yet at NOW (12:00Z on 30 Nov): scheduled, not held.
      {
        external_id: key('2026-11-30T15:00:00.000Z'),
        occurred_at: new Date('2026-11-30T15:00:00Z'),
        outcome: 'scheduled',
        duration_seconds: 1800,
        subject: 'Weekly check-in',
        email: 'bea@client.test',
      },
      // 15:00 Berlin in winter is 14:00Z.
      {
        external_id: `ics:${repId}:demo-2@test`,
        occurred_at: new Date('2026-12-03T14:00:00Z'),
        outcome: 'scheduled',
        duration_seconds: 3600,
        subject: 'Demo for Cal',
        email: 'cal@client.test',
      },
      {
        external_id: key('2026-12-07T15:00:00.000Z'),
        occurred_at: new Date('2026-12-07T15:00:00Z'),
        outcome: 'scheduled',
        duration_seconds: 1800,
        subject: 'Weekly check-in',
        email: 'bea@client.test',
      },
    ]);
  });

  it('sets time categories and booked_at: meetings are selling time booked at CREATED (else DTSTAMP); internal ones are not meetings', async () => {
    const rows = await ctx.db
      .selectFrom('activities')
      .select(['external_id', 'type', 'outcome', 'contact_id', 'time_category', 'booked_at', 'logged_via'])
      .where('user_id', '=', repId)
      .where('external_id', 'in', [
        `ics:${repId}:demo-2@test`,
        `ics:${repId}:internal-3@test`,
        `ics:${repId}:weekly-1@test:2026-10-19T14:00:00.000Z`,
      ])
      .orderBy('external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: `ics:${repId}:demo-2@test`,
        type: 'meeting',
        outcome: 'scheduled',
        contact_id: expect.any(Number),
        time_category: 'selling',
        booked_at: new Date('2026-09-15T08:00:00Z'),
        logged_via: 'calendar',
      },
      {
        external_id: `ics:${repId}:internal-3@test`,
        type: 'other',
        outcome: null,
        contact_id: null,
        time_category: 'internal_meetings',
        booked_at: null,
        logged_via: 'calendar',
      },
      {
        external_id: `ics:${repId}:weekly-1@test:2026-10-19T14:00:00.000Z`,
        type: 'meeting',
        outcome: 'held',
        contact_id: expect.any(Number),
        time_category: 'selling',
        booked_at: new Date('2026-10-01T00:00:00Z'),
        logged_via: 'calendar',
      },
    ]);
    // The internal hour counts as non-selling time and in no meeting metric.
    const [rep] = await runMetrics(ctx.db, SYSTEM_VIEWER, {
      metricIds: ['meetings', 'meetings_held', 'meetings_booked', 'activities', 'non_selling_time_share'],
      groupBy: 'rep',
      from: '2026-11-05',
      to: '2026-11-05',
    });
    expect(rep!.values.meetings?.value).toBe(0);
    expect(rep!.values.meetings_held?.value).toBe(0);
    expect(rep!.values.activities?.value).toBe(0);
    expect(rep!.values.non_selling_time_share).toEqual({ value: 1, numerator: 60, denominator: 60 });
    // The weekly series (DTSTAMP 1 Oct) and the demo (CREATED 15 Sep): booked by the date they were set.
    const [oct] = await runMetrics(ctx.db, SYSTEM_VIEWER, {
      metricIds: ['meetings_booked'],
      groupBy: 'rep',
      from: '2026-10-01',
      to: '2026-10-01',
    });
    expect(oct!.values.meetings_booked?.value).toBe(6);
  });

  it('re-imports update and never duplicate; an occurrence cancelled since is removed', async () => {
    const again = await importCalendar(ctx.db, {
      userEmail: 'rep@acme.test',
      occurrences: readIcsOccurrences(ics(WEEKLY, OTHERS), WINDOW, 'cal.ics'),
      now: NOW,
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 8, removed: 0 });
    // A week later the 30 Nov meeting is over, and the 7 Dec one was cancelled.
    const cancel7Dec = [
      'BEGIN:VEVENT',
      'UID:weekly-1@test',
      'DTSTAMP:20261201T000000Z',
      'RECURRENCE-ID;TZID=America/New_York:20261207T100000',
      'DTSTART;TZID=America/New_York:20261207T100000',
      'DTEND;TZID=America/New_York:20261207T103000',
      'STATUS:CANCELLED',
      'SUMMARY:Weekly check-in',
      'END:VEVENT',
    ];
    const later = new Date('2026-12-01T12:00:00Z');
    const third = await importCalendar(ctx.db, {
      userEmail: 'rep@acme.test',
      occurrences: readIcsOccurrences(ics(WEEKLY, cancel7Dec, OTHERS), WINDOW, 'cal.ics'),
      now: later,
    });
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 6, removed: 1, skippedCancelled: 2 });
    const rows = await meetings();
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.occurred_at.getTime() === Date.parse('2026-11-30T15:00:00Z'))?.outcome).toBe(
      'held',
    );
    expect(rows.some((r) => r.occurred_at.getTime() === Date.parse('2026-12-07T15:00:00Z'))).toBe(false);
  });

  it('names the problem when the rep is unknown', async () => {
    await expect(
      importCalendar(ctx.db, { userEmail: 'nobody@acme.test', occurrences: [], now: NOW }),
    ).rejects.toMatchObject({
      code: 'validation',
      details: [{ field: 'user', value: 'nobody@acme.test' }],
    });
  });

  it('takes no booking date stamped after the meeting began (an edit or an export, not the booking)', () => {
    const start = new Date('2026-11-05T09:00:00Z');
    expect(bookedAtOf({ created: new Date('2026-11-01T00:00:00Z'), start })).toEqual(
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(bookedAtOf({ created: start, start })).toEqual(start);
    expect(bookedAtOf({ created: new Date('2026-11-05T09:00:01Z'), start })).toBeNull();
    expect(bookedAtOf({ created: null, start })).toBeNull();
  });
});
