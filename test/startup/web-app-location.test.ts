import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_WEB_DIST, missingWebAppPage } from '../../src/server/web-app.ts';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/app.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pacesetter-webdist-'));
  dirs.push(d);
  return d;
}

describeStores('a server without a built web app', (ctx) => {
  it('answers page requests with how to build it, and keeps JSON 404s for the API', async () => {
    const webDist = tempDir();
    const app = await testApp(ctx.db, { PACESETTER_WEB_DIST: webDist });
    try {
      for (const url of ['/', '/team', '/settings/people']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(503);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.body).toBe(missingWebAppPage(webDist));
        expect(res.body).toContain('npm run build:web');
      }
      const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(api.statusCode).toBe(401); // anonymous under /api: the viewer hook answers first
      const post = await app.inject({ method: 'POST', url: '/' });
      expect(post.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('where the server looks for the web app', () => {
  it('beside its own files, not in the current directory', () => {
    expect(BUNDLED_WEB_DIST).toBe(resolve('web', 'dist'));
    expect(missingWebAppPage(BUNDLED_WEB_DIST)).toContain(`run npm run build:web in ${resolve('.')}`);
  });

  // Issue 14: started from another directory, the server looked for ./web/dist there and GET / was a bare 404.
  it('`pacesetter serve` started from another directory serves the checkout web app (or says how to build it)', async () => {
    const elsewhere = tempDir();
    const server = spawn(
      process.execPath,
      [resolve('bin/pacesetter.js'), 'serve', '--no-jobs', '--port', '0'],
      {
        cwd: elsewhere,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          PACESETTER_LOG_LEVEL: 'silent',
          PACESETTER_DATA: join(elsewhere, 'data'),
          PACESETTER_ADMIN_PASSWORD: 'first-admin-password',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((done) => server.on('exit', (code) => done(code)));
    try {
      let out = '';
      const url = await new Promise<string>((ready, fail) => {
        server.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /open (http:\/\/\S+\/)/.exec(out);
          if (m?.[1]) ready(m[1]);
        });
        server.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        void exited.then((code) => fail(new Error(`serve exited ${code}:\n${out}`)));
      });
      const res = await fetch(url);
      const index = join(BUNDLED_WEB_DIST, 'index.html');
      // `npm test` builds the web app first; a bare `vitest run` may not have: both answers are checked exactly.
      if (existsSync(index)) {
        expect(res.status).toBe(200);
        expect(await res.text()).toBe(readFileSync(index, 'utf8'));
      } else {
        expect(res.status).toBe(503);
        expect(await res.text()).toBe(missingWebAppPage(BUNDLED_WEB_DIST));
      }
    } finally {
      server.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
