import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores, truncateAll } from '../support/stores.ts';
import { signIn, testApp } from '../support/app.ts';
import { seedUser } from '../support/users.ts';
import { FIXTURES } from './helpers.ts';

const HUBSPOT = readFileSync(new URL('hubspot-deals.csv', FIXTURES), 'utf8');
const BAD = HUBSPOT.replace('"12000"', '"-12000"');

describeStores('imports API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: Record<string, string>;
  let rep: Record<string, string>;
  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    admin = await signIn(app, await seedUser(ctx.db, { role: 'admin' }));
    rep = await signIn(app, await seedUser(ctx.db, { role: 'rep' }));
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, body: string, headers: Record<string, string>) =>
    app.inject({ method: 'POST', url, payload: body, headers: { ...headers, 'content-type': 'text/csv' } });

  it('imports a CSV body, rejects a bad one whole with 422, lists runs and serves the rejects as CSV', async () => {
    const forbidden = await post('/api/imports?createMissing=true', HUBSPOT, rep);
    expect(forbidden.statusCode).toBe(403);

    const ok = await post('/api/imports?createMissing=true&fileName=deals.csv', HUBSPOT, admin);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      source: 'hubspot',
      entity: 'opportunities',
      rowsRead: 20,
      created: 20,
      rejected: 0,
      rejects: [],
    });

    const bad = await post('/api/imports?fileName=bad.csv', BAD, admin);
    expect(bad.statusCode).toBe(422);
    const body = bad.json() as { error: { code: string; details: Array<Record<string, unknown>> } };
    expect(body.error.code).toBe('import_rejected');
    expect(body.error.details).toEqual([
      { file: 'bad.csv', line: 2, field: 'amount', value: '-12000', reason: "amount '-12000' is negative" },
    ]);

    const list = await app.inject({ method: 'GET', url: '/api/imports', headers: admin });
    expect(list.statusCode).toBe(200);
    const runs = (
      list.json() as { imports: Array<{ id: number; status: string; rowsCreated: number; fileName: string }> }
    ).imports;
    expect(runs.map((r) => [r.fileName, r.status, r.rowsCreated])).toEqual([
      ['bad.csv', 'rejected', 0],
      ['deals.csv', 'succeeded', 20],
    ]);

    const csv = await app.inject({
      method: 'GET',
      url: `/api/imports/${runs[0]!.id}/rejects.csv`,
      headers: admin,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'Record ID,Deal Name,Deal Stage,Close Date,Create Date,Amount,Deal owner,Pipeline,Associated Company,line,field,reason',
    );
    expect(lines[1]).toMatch(
      /^18000000000,Acme Corp - New Business,.*,'-12000,.*,2,amount,amount '-12000' is negative$/,
    );
  });

  it('accepts the file as a multipart form upload, named by the part', async () => {
    const boundary = 'pacesetter-test-boundary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hubspot.csv"\r\n` +
      `Content-Type: text/csv\r\n\r\n${HUBSPOT}\r\n--${boundary}--\r\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      payload,
      headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'hubspot.csv', rowsRead: 20, created: 0, unchanged: 20 });
  });

  // Regression: app.inject hands the route a light body stream, a real server hands it the request itself. The NUL
  // guard once walked that request's object graph (socket, server, ...) and hung the server on every CSV upload;
  // only the browser test noticed. This sends the CSV over a real socket.
  it('imports a text/csv body sent over real HTTP', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    const res = await fetch(`http://127.0.0.1:${address.port}/api/imports?fileName=over-http.csv`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'text/csv' },
      body: HUBSPOT,
      signal: AbortSignal.timeout(60_000),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ fileName: 'over-http.csv', rowsRead: 20, unchanged: 20 });
  });
});
