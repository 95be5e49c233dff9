import { beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/store/tables/api-tokens.ts';
import { bearer, signIn, testApp } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

type App = Awaited<ReturnType<typeof testApp>>;

describeStores('events CSV over the API', (ctx) => {
  let app: App;
  let leadId: number;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    leadId = (
      await ctx.db
        .insertInto('leads')
        .values({ name: 'L', external_id: 'crm-1', status: 'new', persona: 'buyer', created_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    return () => app.close();
  });

  const at = new Date(Date.now() - 3_600_000).toISOString();
  const post = (headers: Record<string, string>, csv: string) =>
    app.inject({
      method: 'POST',
      url: '/api/events/import?fileName=web.csv',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: csv,
    });

  it('stores a good file once (idempotent), scores the lead; a bad file names line and field and stores nothing; reps may not', async () => {
    const a = await seedUser(ctx.db, { role: 'admin' });
    const admin = await signIn(app, a);
    const token = bearer(
      (await createApiToken(ctx.db, { name: 'mkt', scope: 'write', createdBy: a.id })).token,
    );
    const good = [
      'event_id,lead_external_id,type,url,occurred_at',
      `e1,crm-1,page_view,https://x.example/pricing,${at}`,
      `e2,crm-1,email_open,,${at}`,
      `e3,crm-1,email_open,,${at}`,
      `e4,crm-1,email_click,,${at}`,
    ].join('\n');
    const first = await post(token, good);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ received: 4, inserted: 4, duplicates: 0, leadsScored: 1 });
    // The example: pricing 10 + two opens 2 + a click 3 + buyer persona 5 = 20.
    const score = await ctx.db
      .selectFrom('lead_scores')
      .select('score')
      .where('lead_id', '=', leadId)
      .executeTakeFirst();
    expect(score?.score).toBe(20);
    const again = await post(admin, good);
    expect(again.json()).toMatchObject({ received: 4, inserted: 0, duplicates: 4 });

    const bad = [
      'event_id,lead_id,type,occurred_at',
      `e9,${leadId},page_view,${at}`,
      `e10,${leadId},Bad Type,yesterday`,
    ].join('\n');
    const rejected = await post(admin, bad);
    expect(rejected.statusCode).toBe(400);
    const details = rejected.json<{ error: { details: { file: string; line: number; field: string }[] } }>()
      .error.details;
    expect(details.map((d) => [d.file, d.line, d.field])).toEqual([
      ['web.csv', 3, 'type'],
      ['web.csv', 3, 'occurred_at'],
    ]);
    const stored = await ctx.db.selectFrom('lead_events').select('external_id').execute();
    expect(stored.map((e) => e.external_id).sort()).toEqual(['e1', 'e2', 'e3', 'e4']);

    const rep = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
    expect((await post(rep, good)).statusCode).toBe(403);
  });
});
