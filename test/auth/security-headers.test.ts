import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/stores.ts';
import { testApp } from '../support/app.ts';

// Issue 11, item 11: the web app had no Content-Security-Policy.

/** The policy's directives by name, e.g. { 'script-src': ["'self'"] }. */
function directives(header: string | string[] | number | undefined): Record<string, string[]> {
  expect(typeof header).toBe('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  );
}

describeStores('security headers', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  let webDist: string;
  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'pacesetter-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Pacesetter</title>');
    app = await testApp(ctx.db, { PACESETTER_WEB_DIST: webDist });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('sends a Content-Security-Policy that allows only this origin on pages and API answers', async () => {
    for (const url of ['/', '/team', '/api/health', '/api/settings', '/api/no-such-thing']) {
      const res = await app.inject({ method: 'GET', url });
      const csp = directives(res.headers['content-security-policy']);
      expect(csp, url).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      });
      // Only style attributes (ECharts' tooltips) are inline; nothing inline may run.
      expect(
        Object.values(csp)
          .flat()
          .filter((v) => v === "'unsafe-inline'"),
      ).toHaveLength(1);
      expect(csp['style-src-attr']).toEqual(["'unsafe-inline'"]);
      expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-eval|\*/);
    }
  });

  it('marks API answers no-store in any spelling of the path, and leaves the page cacheable', async () => {
    for (const url of ['/api/health', '/%61pi/health', '/API/no-such-thing']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const page = await app.inject({ method: 'GET', url: '/index.html' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).not.toBe('no-store');
  });
});
