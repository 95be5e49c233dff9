import { beforeAll, expect, it } from 'vitest';
import { describeStores, truncateAll } from '../support/stores.ts';
import { importFixture, importText } from './helpers.ts';

const ACTIVITIES = [
  'Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,Activity - Duration,Activity - Done,Activity - Assigned to user,Activity - Organization,Activity - Person,Activity - Deal',
  '1,Intro call,call,2024-01-04,09:30,00:15,Done,Alice Moreno,Acme Corp,Jane Roe,Acme Corp deal',
  '2,Demo,meeting,2024-01-10,14:00,01:00,Done,Alice Moreno,Acme Corp,Jane Roe,Acme Corp deal',
  '3,Follow up,email,2024-01-11,,,Done,Ben Okafor,Globex,John Poe,',
  '4,Planned call,call,2024-12-01,10:00,00:30,Undone,Ben Okafor,Globex,John Poe,',
].join('\n');

const CONTACTS = [
  '"Record ID","First Name","Last Name","Email","Associated Company","Contact owner","Lifecycle Stage"',
  '"501","Jane","Roe","Jane.Roe@Acme.test","Acme Corp","Alice Moreno","lead"',
  '"502","Mia","Lund","","Initech","","customer"',
].join('\n');

const LEADS = [
  '"Lead Owner","First Name","Last Name","Company / Account","Email","Lead Source","Lead Status","Create Date"',
  '"Alice Moreno","Ivy","Chen","Umbrella Ltd","ivy@umbrella.test","Web","Working - Contacted","3/4/2024 9:15 AM"',
  '"Ben Okafor","Raj","Nair","Hooli","","Partner Referral","Closed - Not Converted","3/5/2024 4:40 PM"',
  '"Ben Okafor","Raj","Nair","Hooli","","Partner Referral","Someday","3/5/2024 4:40 PM"',
].join('\r\n');

describeStores('activities and contacts imports', (ctx) => {
  beforeAll(async () => {
    await truncateAll(ctx.db);
    await importFixture(ctx.db, 'pipedrive-deals.csv');
  });

  it('imports Pipedrive activities: done only, durations, contacts created, deal linked by name, new-prospect flags', async () => {
    const s = await importText(ctx.db, ACTIVITIES, { createMissing: true });
    expect(s).toMatchObject({
      rowsRead: 4,
      created: 3,
      skipped: 1,
      rejected: 0,
      entity: 'activities',
      source: 'pipedrive',
    });
    const rows = await ctx.db
      .selectFrom('activities as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('contacts as c', 'c.id', 'a.contact_id')
      .leftJoin('opportunities as o', 'o.id', 'a.opportunity_id')
      .select([
        'a.external_id',
        'a.type',
        'a.duration_seconds',
        'a.occurred_at',
        'u.name as rep',
        'c.name as contact',
        'o.external_id as deal',
        'a.is_new_prospect',
      ])
      .orderBy('a.external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: 'pipedrive:1',
        type: 'call',
        duration_seconds: 900,
        occurred_at: new Date('2024-01-04T09:30:00Z'),
        rep: 'Alice Moreno',
        contact: 'Jane Roe',
        deal: 'pipedrive:100',
        is_new_prospect: true,
      },
      {
        external_id: 'pipedrive:2',
        type: 'meeting',
        duration_seconds: 3600,
        occurred_at: new Date('2024-01-10T14:00:00Z'),
        rep: 'Alice Moreno',
        contact: 'Jane Roe',
        deal: 'pipedrive:100',
        is_new_prospect: false,
      },
      {
        external_id: 'pipedrive:3',
        type: 'email',
        duration_seconds: null,
        occurred_at: new Date('2024-01-11T00:00:00Z'),
        rep: 'Ben Okafor',
        contact: 'John Poe',
        deal: null,
        is_new_prospect: true,
      },
    ]);
    const jane = await ctx.db
      .selectFrom('contacts')
      .select(['first_touch_at'])
      .where('name', '=', 'Jane Roe')
      .executeTakeFirstOrThrow();
    expect(jane.first_touch_at).toEqual(new Date('2024-01-04T09:30:00Z'));
    const again = await importText(ctx.db, ACTIVITIES, { createMissing: true });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, skipped: 1 });
  });

  it('imports HubSpot contacts into the existing account, keeping e-mails lower-case', async () => {
    const s = await importText(ctx.db, CONTACTS, { createMissing: true });
    expect(s).toMatchObject({ rowsRead: 2, created: 2, rejected: 0, entity: 'contacts', source: 'hubspot' });
    const rows = await ctx.db
      .selectFrom('contacts as c')
      .leftJoin('accounts as a', 'a.id', 'c.account_id')
      .leftJoin('users as u', 'u.id', 'c.owner_id')
      .select(['c.external_id', 'c.name', 'c.email', 'a.name as account', 'u.name as owner'])
      .where('c.external_id', 'is not', null)
      .orderBy('c.external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: 'hubspot:501',
        name: 'Jane Roe',
        email: 'jane.roe@acme.test',
        account: 'Acme Corp',
        owner: 'Alice Moreno',
      },
      { external_id: 'hubspot:502', name: 'Mia Lund', email: null, account: 'Initech', owner: null },
    ]);
    const acmeAccounts = await ctx.db
      .selectFrom('accounts')
      .select('id')
      .where('name', '=', 'Acme Corp')
      .execute();
    expect(acmeAccounts).toHaveLength(1);
  });

  it('imports a Salesforce Leads report: statuses mapped, 12-hour times, id derived from e-mail or name + created date', async () => {
    const ok = LEADS.split('\r\n').slice(0, 3).join('\r\n');
    const s = await importText(ctx.db, ok);
    expect(s).toMatchObject({ entity: 'leads', source: 'salesforce', created: 2, rejected: 0 });
    const rows = await ctx.db
      .selectFrom('leads as l')
      .leftJoin('users as u', 'u.id', 'l.owner_id')
      .select(['l.name', 'l.email', 'l.company', 'l.source', 'l.status', 'l.created_at', 'u.name as owner'])
      .orderBy('l.created_at')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Ivy Chen',
        email: 'ivy@umbrella.test',
        company: 'Umbrella Ltd',
        source: 'Web',
        status: 'working',
        created_at: new Date('2024-03-04T09:15:00Z'),
        owner: 'Alice Moreno',
      },
      {
        name: 'Raj Nair',
        email: null,
        company: 'Hooli',
        source: 'Partner Referral',
        status: 'disqualified',
        created_at: new Date('2024-03-05T16:40:00Z'),
        owner: 'Ben Okafor',
      },
    ]);
    expect(await importText(ctx.db, ok)).toMatchObject({ created: 0, unchanged: 2 });
    const bad = await importText(ctx.db, LEADS, { skipInvalid: true });
    expect(bad.rejects.map((r) => [r.line, r.errors[0]!.field, r.errors[0]!.reason])).toEqual([
      [
        4,
        'status',
        '\'Someday\' is not one of new, working, mql, sql, disqualified, converted (map it with "values")',
      ],
    ]);
  });
});
