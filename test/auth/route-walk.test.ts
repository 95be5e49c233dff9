import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/app.ts';
import { seedUser } from '../support/users.ts';

// Issue 11, item 1: the viewer hook read the raw URL while the router decoded it, so `/%61pi/leaderboards`
// answered 200 without a cookie. This walk asks every documented route, in every spelling a client can send,
// without credentials, and only routes declared public may answer anything but 401 or 404.

type App = Awaited<ReturnType<typeof testApp>>;
interface Operation {
  method: string;
  path: string;
}
interface Answer {
  status: number;
  body: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Where the public API routes are declared; anything else public there is a regression. */
const EXPECTED_PUBLIC_API = [
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  // Inbound capture webhooks: the source's own token is the credential (docs/capture.md).
  'POST /api/capture/webhooks/:source',
];

/** The same path as a client may spell it: the router sees each of these as the path, or as no route at all. */
function spellings(path: string, origin: string): string[] {
  const rest = path.slice('/api'.length); // '/users/1'
  const firstLetter = rest.search(/[a-z]/);
  const encodedInRest =
    firstLetter === -1
      ? rest
      : `${rest.slice(0, firstLetter)}%${rest.charCodeAt(firstLetter).toString(16)}${rest.slice(firstLetter + 1)}`;
  return [
    path,
    `/%61pi${rest}`,
    `/a%70i${rest}`,
    `/%41PI${rest}`,
    `/api${encodedInRest}`,
    `/%2561pi${rest}`,
    `/%252561pi${rest}`,
    `/API${rest}`,
    `/Api${rest.toUpperCase()}`,
    `/x/../api${rest}`,
    `/api/./${rest.slice(1)}`,
    `/%2e%2e/api${rest}`,
    `//api${rest}`,
    `/api/${rest}`,
    `${path}/`,
    `${origin}${path}`,
    `${origin}/%61pi${rest}`,
    `http://evil.example/api${rest}`,
  ];
}

describeStores('every route without credentials, in every spelling', (ctx) => {
  let app: App;
  let origin: string;
  let webDist: string;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });

  /** Sends the request line verbatim (absolute-form and dot segments included), as a raw client would. */
  function send(method: string, target: string, body?: string): Promise<Answer> {
    const { port } = app.server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method,
          path: target,
          agent,
          // An explicit length: Node's client sends a DELETE body without one, which the server would misread.
          headers:
            body === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async function documentedOperations(): Promise<Operation[]> {
    const doc = (await send('GET', '/api/openapi.json')).body;
    const paths = (JSON.parse(doc) as { paths: Record<string, Record<string, unknown>> }).paths;
    return Object.entries(paths).flatMap(([template, ops]) =>
      Object.keys(ops).map((method) => ({
        method: method.toUpperCase(),
        path: template.replace(/\{[^}]+\}/g, '1'),
      })),
    );
  }

  beforeAll(async () => {
    await seedUser(ctx.db, { role: 'admin' });
    // A stand-in for the built web app, so the static routes and the page fallback are walked too.
    webDist = mkdtempSync(join(tmpdir(), 'pacesetter-web-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Pacesetter</title>');
    writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log("app");');
    app = await testApp(ctx.db, { PACESETTER_WEB_DIST: webDist });
    await app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    agent.destroy();
    await app?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('declares exactly health, the OpenAPI document, sign-in and capture webhooks public under /api', () => {
    const declared = app.publicRoutes();
    const api = declared
      .filter((r) => r.url.startsWith('/api'))
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(api.sort()).toEqual([...EXPECTED_PUBLIC_API].sort());
    // Everything else public is the web app's files, read-only.
    const web = declared.filter((r) => !r.url.startsWith('/api'));
    expect(web.map((r) => r.url)).toEqual(expect.arrayContaining(['/', '/index.html', '/assets/app.js']));
    expect(web.every((r) => r.method === 'GET' || r.method === 'HEAD')).toBe(true);
  });

  it('answers only 401 or 404 to private routes, whatever the spelling, method or body', async () => {
    const operations = await documentedOperations();
    expect(operations.length).toBeGreaterThan(50);
    const publicApi = new Set(
      app
        .publicRoutes()
        .filter((r) => r.url.startsWith('/api'))
        .map((r) => `${r.method} ${r.url}`),
    );
    const failures: string[] = [];
    for (const op of operations) {
      const declaredPublic = publicApi.has(`${op.method} ${op.path}`);
      const tries = [
        ...spellings(op.path, origin).map((target) => ({ method: op.method, target })),
        // Every method on the plain and encoded spellings: a cookie-less POST, PUT, PATCH or DELETE too.
        ...METHODS.flatMap((method) =>
          [op.path, `/%61pi${op.path.slice(4)}`, `${origin}${op.path}`].map((target) => ({ method, target })),
        ),
      ];
      for (const { method, target } of tries) {
        const body = method === 'GET' ? undefined : '{}';
        const answer = await send(method, target, body);
        const exactlyThisRoute = declaredPublic && method === op.method;
        const ok = exactlyThisRoute ? answer.status < 500 : [401, 404].includes(answer.status);
        if (!ok) failures.push(`${method} ${target} -> ${answer.status} ${answer.body.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('keeps unknown API paths private in every spelling and serves the web app to anyone', async () => {
    for (const target of spellings('/api/no-such-thing', origin)) {
      const answer = await send('GET', target);
      expect(answer.status, target).toBe(401);
    }
    for (const target of ['/', '/index.html', '/team/overview', '/assets/app.js']) {
      const answer = await send('GET', target);
      expect(answer.status, target).toBe(200);
    }
    expect((await send('GET', '/some/page')).body).toContain('<title>Pacesetter</title>');
  });
});
