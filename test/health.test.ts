import { afterAll, expect, it } from 'vitest';
import { describeStores } from './support/stores.ts';
import { testApp } from './support/app.ts';

describeStores('GET /api/health', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>> | undefined;
  afterAll(async () => app?.close());
  it('answers ok after a store round trip, and unknown API paths give the uniform error body', async () => {
    app = await testApp(ctx.db);
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
    const openapi = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.json().paths['/api/health']).toBeDefined();
    // The error body, with the rule a client translates, is one component the endpoints refer to.
    const errorBody = openapi.json().components.schemas.ErrorBody;
    expect(errorBody.properties.error.properties.details.items.properties.rule.enum).toContain('required');
  });
});
