import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CONTRACT } from '../web/src/api/contract.ts';
import { openTestStore } from '../test/support/stores.ts';
import { testApp } from '../test/support/app.ts';

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  $ref?: string;
}
interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: SchemaNode }> }> }>
  >;
  components?: { schemas?: Record<string, SchemaNode> };
}

let doc: OpenApiDoc;
let close: () => Promise<void>;

beforeAll(async () => {
  const store = await openTestStore('pglite');
  close = store.close;
  const app = await testApp(store.db);
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as OpenApiDoc;
  await app.close();
}, 180_000);

afterAll(async () => close?.());

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (node?.$ref) return resolve(doc.components?.schemas?.[node.$ref.split('/').pop() as string]);
  return node;
}

function successSchema(method: string, path: string): SchemaNode | undefined {
  const op = doc.paths[path]?.[method];
  const response = op?.responses?.['200'] ?? op?.responses?.['201'];
  return resolve(response?.content?.['application/json']?.schema);
}

describe('web API client matches /api/openapi.json', () => {
  const served = API_CONTRACT.filter((e) => !e.pending);
  it('declares a served endpoint for every call that is not marked pending', () => {
    expect(served.length).toBeGreaterThan(10);
    const missing = served.filter((e) => !doc.paths[e.path]?.[e.method]).map((e) => `${e.method} ${e.path}`);
    expect(missing).toEqual([]);
    const nowServed = API_CONTRACT.filter((e) => e.pending && doc.paths[e.path]?.[e.method]);
    // A pending endpoint that now exists should lose its flag in contract.ts so its fields get checked.
    if (nowServed.length > 0)
      console.info(`served now, drop pending: ${nowServed.map((e) => e.path).join(', ')}`);
  });
  for (const entry of served.filter((e) => e.fields)) {
    it(`${entry.method.toUpperCase()} ${entry.path} returns the fields the web app reads`, () => {
      let schema = successSchema(entry.method, entry.path);
      if (entry.in === 'items') schema = resolve(resolve(schema?.properties?.items)?.items);
      const properties = Object.keys(schema?.properties ?? {});
      expect(properties.length).toBeGreaterThan(0);
      const absent = (entry.fields ?? []).filter((f) => !properties.includes(f));
      expect(absent).toEqual([]);
    });
  }
});
