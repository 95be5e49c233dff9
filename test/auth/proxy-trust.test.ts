import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { testApp } from '../support/app.ts';
import { seedUser } from '../support/users.ts';

// Issue 11, item 6: the server trusted every X-Forwarded-For, so a client that wrote a new address on each
// try was never throttled per IP. Only a configured number of proxy hops (default none) may name the client.

type App = Awaited<ReturnType<typeof testApp>>;

describeStores('client address and scheme behind proxies', (ctx) => {
  let direct: App; // the default: no proxy trusted
  let oneHop: App; // PACESETTER_TRUST_PROXY=1: the proxy on the socket appends the client's address
  let byAddress: App; // PACESETTER_TRUST_PROXY=127.0.0.1 (app.inject connects from 127.0.0.1)
  beforeAll(async () => {
    direct = await testApp(ctx.db);
    oneHop = await testApp(ctx.db, { PACESETTER_TRUST_PROXY: '1' });
    byAddress = await testApp(ctx.db, { PACESETTER_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' });
  });
  afterAll(async () => {
    await direct?.close();
    await oneHop?.close();
    await byAddress?.close();
  });
  beforeEach(async () => truncateAll(ctx.db));

  /** One failed sign-in for a fresh email (so only the per-IP limit can bite), from the given forwarded chain. */
  const failedSignIn = (app: App, i: number, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { email: `nobody${i}@example.test`, password: 'wrong password' },
    });

  it('ignores X-Forwarded-For by default: 25 failed sign-ins with rotating addresses reach 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await failedSignIn(direct, i, `198.51.100.${i}`)).statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
  });

  it('with one trusted hop, throttles the right-most address, not what the client wrote before it', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await failedSignIn(oneHop, i, `198.51.100.${i}, 203.0.113.7`)).statusCode).toBe(401);
    }
    expect((await failedSignIn(oneHop, 20, '198.51.100.99, 203.0.113.7')).statusCode).toBe(429);
    // Another client behind the same proxy is a different address and still signs in attempts.
    expect((await failedSignIn(oneHop, 21, '203.0.113.8')).statusCode).toBe(401);
  });

  it('with trusted proxy addresses, reads the client from X-Forwarded-For sent by them', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await failedSignIn(byAddress, i, `192.0.2.1, 10.1.2.3, 203.0.113.9`)).statusCode).toBe(401);
    }
    expect((await failedSignIn(byAddress, 20, '203.0.113.9')).statusCode).toBe(429);
    expect((await failedSignIn(byAddress, 21, '203.0.113.10')).statusCode).toBe(401);
  });

  it('trusts X-Forwarded-Proto for the Secure cookie flag only from a trusted proxy', async () => {
    const u = await seedUser(ctx.db, { role: 'rep' });
    const signIn = (app: App) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: u.email, password: u.password },
      });
    const spoofed = await signIn(direct);
    expect(spoofed.cookies.find((c) => c.name === 'pacesetter_session')?.secure).toBeUndefined();
    const behindTls = await signIn(oneHop);
    expect(behindTls.cookies.find((c) => c.name === 'pacesetter_session')?.secure).toBe(true);
  });
});

it('PACESETTER_TRUST_PROXY takes a hop count or addresses and CIDR ranges, and names what is wrong', () => {
  expect(parseConfig({}).trustProxy).toEqual({ hops: 0 });
  expect(parseConfig({ PACESETTER_TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
  expect(parseConfig({ PACESETTER_TRUST_PROXY: '10.0.0.1, fd00::/8' }).trustProxy).toEqual({
    addresses: ['10.0.0.1', 'fd00::/8'],
  });
  expect(() => parseConfig({ PACESETTER_TRUST_PROXY: 'true' })).toThrow(/PACESETTER_TRUST_PROXY.*"true"/);
  expect(() => parseConfig({ PACESETTER_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/"10.0.0.0\/33"/);
});
