import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { opportunity } from '../metrics/fixtures.ts';

describeStores('exchange rates API', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let admin: AuthHeaders;
  let rep: AuthHeaders;
  let repId = 0;

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const a = await seedUser(ctx.db, { role: 'admin' });
    const r = await seedUser(ctx.db, { role: 'rep' });
    repId = r.id;
    admin = await signIn(app, a);
    rep = await signIn(app, r);
  });
  afterAll(async () => {
    await app?.close();
  });

  const list = async (headers: AuthHeaders) => {
    const res = await app.inject({ method: 'GET', url: '/api/exchange-rates', headers });
    expect(res.statusCode).toBe(200);
    return res.json() as { currency: string; rates: Array<Record<string, unknown>> };
  };

  it('lets an admin add and replace rates; a rep reads them but cannot write', async () => {
    let res = await app.inject({
      method: 'PUT',
      url: '/api/exchange-rates',
      headers: admin,
      payload: {
        rates: [
          { currency: 'EUR', effectiveFrom: '2026-07-01', rate: '1.10' },
          { currency: 'JPY', effectiveFrom: '2026-01-01', rate: '0.0067' },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    // Same currency and date: replaced, not added.
    res = await app.inject({
      method: 'PUT',
      url: '/api/exchange-rates',
      headers: admin,
      payload: { rates: [{ currency: 'EUR', effectiveFrom: '2026-07-01', rate: '1.125' }] },
    });
    expect(res.statusCode).toBe(200);
    const got = await list(rep);
    expect(got.currency).toBe('USD');
    expect(got.rates).toEqual([
      { quoteCurrency: 'USD', currency: 'EUR', effectiveFrom: '2026-07-01', rate: '1.125', applies: true },
      { quoteCurrency: 'USD', currency: 'JPY', effectiveFrom: '2026-01-01', rate: '0.0067', applies: true },
    ]);
    for (const req of [
      {
        method: 'PUT' as const,
        url: '/api/exchange-rates',
        payload: { rates: [{ currency: 'EUR', effectiveFrom: '2026-08-01', rate: '2' }] },
      },
      { method: 'DELETE' as const, url: '/api/exchange-rates/EUR/2026-07-01' },
      {
        method: 'POST' as const,
        url: '/api/exchange-rates/import',
        payload: 'currency,effective_from,rate\nEUR,2026-08-01,2\n',
      },
    ]) {
      const type =
        'payload' in req
          ? { 'content-type': req.url.endsWith('import') ? 'text/csv' : 'application/json' }
          : {};
      const denied = await app.inject({ ...req, headers: { ...rep, ...type } });
      expect(denied.statusCode).toBe(403);
    }
    const anonymous = await app.inject({ method: 'GET', url: '/api/exchange-rates' });
    expect(anonymous.statusCode).toBe(401);
    expect((await list(admin)).rates).toHaveLength(2); // the rep's attempts changed nothing
  });

  it('refuses odd rates and codes, naming the row and field', async () => {
    const put = (rate: Record<string, string>) =>
      app.inject({ method: 'PUT', url: '/api/exchange-rates', headers: admin, payload: { rates: [rate] } });
    for (const rate of ['0', '-1', '1e5', '1.0000000000001', '10000000000000', '1\u00002', '']) {
      const res = await put({ currency: 'EUR', effectiveFrom: '2026-09-01', rate });
      expect(res.statusCode).toBe(400);
    }
    // Valid shapes the store refuses: the workspace currency, an unknown code, an impossible date.
    const ws = await put({ currency: 'USD', effectiveFrom: '2026-09-01', rate: '1' });
    expect(ws.statusCode).toBe(400);
    expect(ws.json().error.details).toEqual([
      { field: 'rates[0].currency', value: 'USD', reason: 'is the workspace currency (its rate is 1)' },
    ]);
    const unknown = await put({ currency: 'EUE', effectiveFrom: '2026-02-30', rate: '1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'rates[0].currency',
      'rates[0].effective_from',
    ]);
    expect((await list(admin)).rates).toHaveLength(2);
  });

  it('imports a CSV whole or not at all, naming each bad line and field', async () => {
    const post = (csv: string) =>
      app.inject({
        method: 'POST',
        url: '/api/exchange-rates/import',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: csv,
      });
    const bad = await post(
      'currency,effective_from,rate\nEUR,2026-08-01,1.2\nGBP,2026-13-01,1.3\nXX,2026-08-01,abc\nEUR,2026-08-01,1.21\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      {
        file: 'rates.csv',
        line: 3,
        field: 'effective_from',
        value: '2026-13-01',
        reason: 'expected a date YYYY-MM-DD',
      },
      {
        file: 'rates.csv',
        line: 4,
        field: 'currency',
        value: 'XX',
        reason: 'expected an ISO 4217 code such as EUR',
      },
      {
        file: 'rates.csv',
        line: 4,
        field: 'rate',
        value: 'abc',
        reason: 'expected a positive decimal such as 4.2718 (up to 12 digits before and after the point)',
      },
      {
        file: 'rates.csv',
        line: 5,
        field: 'effective_from',
        value: '2026-08-01',
        reason: 'same currency and date as line 2',
      },
    ]);
    expect((await list(admin)).rates).toHaveLength(2); // line 2 was fine, but nothing was stored
    const missing = await post('currency,rate\nEUR,1.2\n');
    expect(missing.json().error.details).toEqual([
      { file: 'rates.csv', line: 1, field: 'effective_from', reason: 'column missing from the header' },
    ]);
    const good = await post('rate,currency,effective_from\r\n1.2,eur,2026-08-01\r\n"0.9",GBP,2026-01-01\r\n');
    expect(good.statusCode).toBe(200);
    expect(good.json().imported).toBe(2);
    expect(
      (await list(admin)).rates.map(
        (r) => `${String(r.currency)} ${String(r.effectiveFrom)} ${String(r.rate)}`,
      ),
    ).toEqual(['EUR 2026-07-01 1.125', 'EUR 2026-08-01 1.2', 'GBP 2026-01-01 0.9', 'JPY 2026-01-01 0.0067']);
  });

  it('changes money metrics at once (stored answers are recomputed) and deletes a rate', async () => {
    await opportunity(ctx.db, {
      ownerId: repId,
      status: 'won',
      amount: 10_000,
      currency: 'GBP',
      createdAt: '2026-05-01T00:00:00Z',
      closedAt: '2026-08-10T12:00:00Z',
    });
    const revenue = async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/metrics?ids=won_revenue&period=2026-Q3&group=company',
        headers: rep,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      return { value: body.rows[0].values.won_revenue.value, warnings: body.warnings };
    };
    expect(await revenue()).toEqual({ value: 9_000, warnings: undefined }); // 100.00 GBP x 0.9
    const del = await app.inject({
      method: 'DELETE',
      url: '/api/exchange-rates/GBP/2026-01-01',
      headers: admin,
    });
    expect(del.statusCode).toBe(200);
    const after = await revenue();
    expect(after.value).toBe(0);
    expect(after.warnings).toEqual([expect.stringContaining('Deals in GBP are left out')]);
    const again = await app.inject({
      method: 'DELETE',
      url: '/api/exchange-rates/GBP/2026-01-01',
      headers: admin,
    });
    expect(again.statusCode).toBe(404);
  });

  it('keeps rates of a former workspace currency but does not apply them', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: admin,
      payload: { currency: 'EUR' },
    });
    expect(res.statusCode).toBe(200);
    const got = await list(rep);
    expect(got.currency).toBe('EUR');
    expect(got.rates.every((r) => r.applies === false && r.quoteCurrency === 'USD')).toBe(true);
    // Now EUR is the workspace currency: a EUR rate is refused, a USD one accepted (quoting EUR).
    const put = await app.inject({
      method: 'PUT',
      url: '/api/exchange-rates',
      headers: admin,
      payload: { rates: [{ currency: 'USD', effectiveFrom: '2026-01-01', rate: '0.9' }] },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().rates[0]).toEqual({
      quoteCurrency: 'EUR',
      currency: 'USD',
      effectiveFrom: '2026-01-01',
      rate: '0.9',
      applies: true,
    });
  });
});
