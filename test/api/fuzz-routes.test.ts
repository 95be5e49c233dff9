import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { signIn, testApp, type AuthHeaders } from '../support/app.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

/*
 * Property test over the whole API, driven by its own OpenAPI document (issue 11, "keep them fixed"). For every
 * operation: first a sweep, each query/path parameter and body property alone with each value of its class
 * of issue 11's 500s (NUL, dates PostgreSQL cannot store, ids beyond bigint, overflowing numbers); then
 * seeded random runs where one slot gets a hostile value (NUL bytes, lone surrogates, 10k characters, huge
 * and boundary numbers, out-of-range dates and periods, deep JSON) and the others plausible ones or none.
 * Whatever is sent, as an admin or as a rep:
 *   - the answer is never a 5xx;
 *   - every 4xx has the `{ error: { code, message, details } }` shape, and a 400 names the offending field;
 *   - a rejected write leaves every table as it was (no partial write).
 * Runs are bounded and seeded: FUZZ_SEED and FUZZ_RUNS override them; a failure prints the seed and path that
 * replay it.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261111);
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

/** Operations not fuzzed: logout ends the session the test signs in with; imports are the importer's test. */
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/imports']);

/**
 * Tables a rejected request may legitimately change: failed sign-ins and password checks are recorded on
 * purpose (throttling), and every authenticated request slides its session's last-seen time.
 */
// metrics_results and metrics_result_aliases: a GET keeps its answer there, and which answer the viewer's request
// resolved to; metrics_data_version: a counter every accepted write (and this
// test's own probe) moves, whose rows carry no data of their own (the tables it counts are watched themselves).
const MAY_CHANGE_ON_REJECT = new Set([
  'auth_failures',
  'sessions',
  'metrics_results',
  'metrics_result_aliases',
  'metrics_data_version',
]);

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Parameter {
  in: 'query' | 'path';
  name: string;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
}

/** JSON nested `depth` levels (objects and arrays); reported by its depth, not printed out. */
class DeepJson {
  readonly depth: number;
  constructor(depth: number) {
    this.depth = depth;
  }
  toJSON(): unknown {
    let v: unknown = 'x';
    for (let i = 0; i < this.depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  }
  [fc.toStringMethod](): string {
    return `DeepJson(${this.depth})`;
  }
}

/** Hostile texts, grouped by the defect class they probe. */
const NUL_TEXTS = ['\u0000', 'a\u0000b', '\u0000'.repeat(20), '2026-Q3\u0000', '1\u0000'];
const DATE_TEXTS = [
  '9999-12-31',
  '0000-01-01',
  '10000-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-Q5',
  '2026-W54',
  'FY0000',
  'FY9999-Q4',
  '9999',
  '0000',
  '9999-W52',
  '0000-01-01..9999-12-31',
  '9999-12-31..9999-12-31',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
];
const NUMBER_TEXTS = [
  '0',
  '-1',
  '1e308',
  '-1e308',
  '1.5',
  'NaN',
  'Infinity',
  '0x10',
  '99999999999999999999',
  '9223372036854775807',
  '9223372036854775808',
  '9007199254740993',
  'rep:99999999999999999999',
  'team:0',
  'rep:9223372036854775808',
  '1,99999999999999999999',
  '99999999999999999999,1',
];
const ODD_TEXTS = [
  '\ud800',
  'x\udfffy',
  'x'.repeat(10_000),
  '%00',
  '%',
  '',
  ' ',
  '\t\r\n',
  '😀👩🏽‍💻',
  'مرحبا\u202e',
  'ǅ\u0301\u0301',
  "'; drop table users; --",
  'me',
  'true',
];
const HOSTILE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  2 ** 63,
  2 ** 64,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 31,
  -(2 ** 63),
  -1,
  0,
  -0,
  0.5,
  1e-320,
];

/** Something hostile of any JSON type; the classes behind issue 11's 500s weigh most. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUL_TEXTS) },
  { weight: 3, arbitrary: fc.constantFrom(...DATE_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBER_TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_TEXTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      false,
      [],
      {},
      ['a', 'b'],
      new DeepJson(40),
      new DeepJson(3000),
    ),
  },
);

/** Valid-looking values by parameter name, so a hostile neighbour is what the request is judged on. */
const PLAUSIBLE_BY_NAME: Record<string, unknown[]> = {
  period: ['2026-Q3', '2026-08', '2026-08-10..2026-08-20', 'FY2026'],
  periodKey: ['2026-Q3', null],
  from: ['2026-07-01', '2026-07-01T00:00:00Z'],
  to: ['2026-09-30', '2026-09-30T00:00:00Z'],
  scope: ['company', 'rep:3', 'team:1'],
  metric: ['won_revenue', 'calls'],
  metricId: ['won_revenue', 'calls'],
  ids: ['calls,win_rate'],
  team: ['1'],
  rep: ['3,4'],
  pipeline: ['1'],
  email: ['someone@example.test'],
  url: ['https://example.test/hook'],
  currency: ['USD', 'EUR'],
  timeZone: ['UTC', 'Europe/Berlin'],
  locale: ['en-US'],
};

/** A plausible value of the declared type (or a known-good one for the parameter's name). */
function plausible(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  const known = PLAUSIBLE_BY_NAME[name];
  if (known) return fc.constantFrom(...known);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => plausible(s)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'integer': {
      const min = Math.max(schema.minimum ?? 0, 1);
      return fc.integer({ min, max: Math.min(schema.maximum ?? min + 5, min + 5) });
    }
    case 'number': {
      const min = Math.max(schema.minimum ?? 0, 0);
      return fc.double({ min, max: Math.min(schema.maximum ?? min + 1, min + 1), noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items ?? {}), { maxLength: 3 });
    case 'object':
      return fc.constant({});
    default:
      return fc.constantFrom('x', 'Acme', '1');
  }
}

/** One input slot of an operation: a query or path parameter, or a top-level body property. */
interface Slot {
  key: string;
  name: string;
  schema: JsonSchema;
  required: boolean;
}

function slotsOf(op: Operation): Slot[] {
  const params = op.parameters.map((p) => ({
    key: `${p.in}:${p.name}`,
    name: p.name,
    schema: p.schema,
    required: p.in === 'path',
  }));
  const body = Object.entries(op.body?.properties ?? {}).map(([name, schema]) => ({
    key: `body:${name}`,
    name,
    schema,
    required: false,
  }));
  return [...params, ...body];
}

/** What one run sends: parameters by slot key, the JSON body, and who sends it. */
interface Request {
  params: Record<string, unknown>;
  body: unknown;
  as: 'admin' | 'rep';
}

/**
 * A request for `op`: one slot (the target) gets a hostile value, every other slot is absent or plausible;
 * now and then the whole body is hostile instead. One hostile value at a time is what reaches the store:
 * two at once mostly stop at the first validation error.
 */
function requestArb(op: Operation): fc.Arbitrary<Request> {
  const slots = slotsOf(op);
  const others = fc.record(
    Object.fromEntries(
      slots.map((s) => [
        s.key,
        s.required ? plausible(s.schema, s.name) : fc.option(plausible(s.schema, s.name), { nil: undefined }),
      ]),
    ),
  );
  return fc
    .record({
      target: slots.length ? fc.constantFrom(...slots.map((s) => s.key)) : fc.constant(null),
      value: hostile,
      others,
      wholeBody: op.body ? fc.option(hostile, { freq: 10, nil: undefined }) : fc.constant(undefined),
      as: fc.constantFrom<Request['as']>('admin', 'rep'),
    })
    .map(({ target, value, others: values, wholeBody, as }) => {
      const all: Record<string, unknown> = { ...values };
      if (target) all[target] = value;
      const params: Record<string, unknown> = {};
      const body: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(all)) {
        if (v === undefined) continue;
        if (key.startsWith('body:')) body[key.slice(5)] = v;
        else params[key] = v;
      }
      return { params, body: op.body ? (wholeBody ?? body) : undefined, as };
    });
}

/**
 * Values every slot gets once, before the random runs, one per class of issue 11's 500s: text slots get
 * NUL, dates PostgreSQL cannot store and ids beyond bigint; number slots get overflow of the float, of
 * integer columns and of JavaScript's safe integers; other slots (enums, booleans) a NUL.
 */
const SWEEP_TEXT: unknown[] = [
  'a\u0000b',
  '9999-12-31',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '99999999999999999999',
  'rep:99999999999999999999',
];
const SWEEP_NUMBER: unknown[] = [1e308, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e20];

function sweepFor(schema: JsonSchema): unknown[] {
  if (schema.type === 'integer' || schema.type === 'number') return SWEEP_NUMBER;
  if (schema.type === 'string' && !schema.enum) return SWEEP_TEXT;
  if (schema.anyOf) return [...SWEEP_TEXT, ...SWEEP_NUMBER];
  return ['a\u0000b'];
}

/** A fixed valid-looking value for a slot, so the sweep reaches the handler past the required fields. */
function typical(schema: JsonSchema, name: string): unknown {
  const known = PLAUSIBLE_BY_NAME[name];
  if (known) return known[0];
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.[0]) return typical(schema.anyOf[0], name);
  if (schema.type === 'integer' || schema.type === 'number') return Math.max(schema.minimum ?? 1, 1);
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [];
  if (schema.type === 'object') return {};
  return 'x';
}

/**
 * The sweep as fast-check examples: each slot alone with each of its sweep values, as admin; path parameters are 1
 * and required body properties get a typical value, unless they are the slot swept.
 */
function sweepExamples(op: Operation): [Request][] {
  const slots = slotsOf(op);
  const path = Object.fromEntries(slots.filter((s) => s.required).map((s) => [s.key, 1]));
  const required = new Set(op.body?.required ?? []);
  const baseBody = Object.fromEntries(
    slots
      .filter((s) => s.key.startsWith('body:') && required.has(s.name))
      .map((s) => [s.name, typical(s.schema, s.name)]),
  );
  const out: [Request][] = [];
  for (const slot of slots) {
    for (const value of sweepFor(slot.schema)) {
      const inBody = slot.key.startsWith('body:');
      out.push([
        {
          params: inBody ? path : { ...path, [slot.key]: value },
          body: op.body ? (inBody ? { ...baseBody, [slot.name]: value } : baseBody) : undefined,
          as: 'admin',
        },
      ]);
    }
  }
  return out;
}

/** Query-string text for a value: arrays repeat the key (Fastify parses them to arrays), objects as JSON. */
function queryValue(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(queryValue);
  if (typeof v === 'object' && v !== null) return [JSON.stringify(v)];
  return [String(v)];
}

/** Percent-encodes UTF-16 text byte by byte; a lone surrogate becomes the invalid UTF-8 a client could send. */
function encode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c < 0xdc00 && i + 1 < text.length;
    const next = pair ? text.charCodeAt(i + 1) : 0;
    if (pair && next >= 0xdc00 && next < 0xe000) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c < 0xe000) {
      out +=
        `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(text[i] as string);
    }
  }
  return out;
}

function urlFor(op: Operation, params: Record<string, unknown>): string {
  let path = op.path;
  const query: string[] = [];
  for (const p of op.parameters) {
    const key = `${p.in}:${p.name}`;
    if (!(key in params)) continue;
    const texts = queryValue(params[key]);
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encode(texts[0] ?? '') || '%20');
    else for (const t of texts) query.push(`${encode(p.name)}=${encode(t)}`);
  }
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The tables a rejected request must leave as they were. */
async function watchedTables(db: Db): Promise<string[]> {
  const r = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'
    order by tablename`.execute(db);
  return r.rows.map((t) => t.tablename).filter((t) => !MAY_CHANGE_ON_REJECT.has(t));
}

/**
 * One digest per table (row count and the sum of row hashes: order-free, no sort), in one statement, to tell
 * whether a request changed anything.
 */
async function fingerprint(db: Db, tables: string[]): Promise<Record<string, string>> {
  const parts = tables.map(
    (t) => sql`select ${t} as name,
      count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as digest
      from ${sql.table(t)} x`,
  );
  const r = await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(r.rows.map((row) => [row.name, row.digest]));
}

/** Admin, a manager with a team, two reps, a pipeline and a few deals, leads and activities. */
async function seed(db: Db) {
  const { pipelineId, firstStageId } = await emptyStoreWithPipeline(db);
  const stage = { id: firstStageId };
  const { id: teamId } = await db
    .insertInto('teams')
    .values({ name: 'East', parent_team_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const admin = await seedUser(db, { role: 'admin' });
  const manager = await seedUser(db, { role: 'manager', teamId });
  const rep = await seedUser(db, { role: 'rep', teamId });
  const rep2 = await seedUser(db, { role: 'rep', teamId });
  await db.updateTable('teams').set({ manager_id: manager.id }).where('id', '=', teamId).execute();
  for (const [i, owner] of [rep.id, rep2.id, rep.id].entries()) {
    const { id: oppId } = await db
      .insertInto('opportunities')
      .values({
        name: `Deal ${i}`,
        owner_id: owner,
        pipeline_id: pipelineId,
        stage_id: stage.id,
        amount_minor: 5_000_00,
        currency: 'USD',
        created_at: '2026-08-10T10:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('leads')
      .values({ name: `Lead ${i}`, owner_id: owner, created_at: '2026-08-09T10:00:00Z', source: 'web' })
      .execute();
    await db
      .insertInto('activities')
      .values({ type: 'call', user_id: owner, occurred_at: '2026-08-11T10:00:00Z', opportunity_id: oppId })
      .execute();
  }
  return { admin, rep };
}

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: ((op.parameters ?? []) as Parameter[]).filter((p) => p.in === 'query' || p.in === 'path'),
        body: content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

describeStores('every route under hostile input', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const auth: Record<'admin' | 'rep', AuthHeaders> = { admin: {}, rep: {} };
  let accounts: Record<'admin' | 'rep', { id: number; email: string; password: string }>;
  let originals: {
    id: number;
    role: 'admin' | 'manager' | 'rep';
    active: boolean;
    password_hash: string | null;
  }[];

  /**
   * Accepted writes may demote, deactivate or re-password the two signed-in accounts (PATCH /api/users/1
   * with a plausible body is a valid request); put them back and sign in again when a session ended, so
   * every operation is fuzzed with an admin and a rep, not with whatever the previous one left.
   */
  async function restoreAccounts(): Promise<void> {
    for (const u of originals) {
      await ctx.db
        .updateTable('users')
        .set({ role: u.role, active: u.active, password_hash: u.password_hash })
        .where('id', '=', u.id)
        .execute();
    }
    for (const who of ['admin', 'rep'] as const) {
      const me = await app.inject({ url: '/api/auth/me', headers: auth[who] });
      if (me.statusCode !== 200) auth[who] = await signIn(app, accounts[who]);
    }
  }
  let ops: Operation[] = [];
  let tables: string[] = [];

  beforeAll(async () => {
    accounts = await seed(ctx.db);
    originals = await ctx.db
      .selectFrom('users')
      .select(['id', 'role', 'active', 'password_hash'])
      .where('id', 'in', [accounts.admin.id, accounts.rep.id])
      .execute();
    app = await testApp(ctx.db);
    auth.admin = await signIn(app, accounts.admin);
    auth.rep = await signIn(app, accounts.rep);
    ops = operations((await app.inject({ url: '/api/openapi.json' })).json());
    tables = await watchedTables(ctx.db);
  });

  it('never answers 5xx, names the field of a 400 and writes nothing when it rejects', async () => {
    expect(ops.length).toBeGreaterThan(50);
    // The no-partial-write check is only as good as the fingerprint: it must see a one-field change.
    const untouched = await fingerprint(ctx.db, tables);
    await ctx.db.updateTable('teams').set({ name: 'East (probe)' }).where('name', '=', 'East').execute();
    expect(await fingerprint(ctx.db, tables)).not.toEqual(untouched);
    await ctx.db.updateTable('teams').set({ name: 'East' }).where('name', '=', 'East (probe)').execute();
    expect(await fingerprint(ctx.db, tables)).toEqual(untouched);
    const failures: string[] = [];
    // The store's state as last seen; a rejected write leaves it as it was, so it serves as the next write's
    // "before" too, and only an accepted write (or a failure) makes it stale.
    let known: Record<string, string> | null = null;
    for (const op of ops) {
      const name = `${op.method} ${op.path}`;
      if (SKIP.has(name)) continue;
      const write = op.method !== 'GET';
      const examples = sweepExamples(op);
      const result = await fc.check(
        fc.asyncProperty(requestArb(op), async ({ params, body, as }) => {
          const before = write ? (known ?? (await fingerprint(ctx.db, tables))) : null;
          if (write) known = null;
          const url = urlFor(op, params);
          const payload = op.body ? (JSON.stringify(body) ?? 'null') : undefined;
          const res = await app.inject({
            method: op.method as 'GET',
            url,
            headers: auth[as],
            ...(payload !== undefined
              ? { payload, headers: { ...auth[as], 'content-type': 'application/json' } }
              : {}),
          });
          const said = `${as} ${op.method} ${url.slice(0, 200)} ${payload?.slice(0, 200) ?? ''} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (res.statusCode >= 500) throw new Error(`server error: ${said}`);
          if (res.statusCode < 400) return;
          const error = (res.json() as { error?: { code?: unknown; message?: unknown; details?: unknown } })
            .error;
          if (
            typeof error?.code !== 'string' ||
            typeof error.message !== 'string' ||
            !Array.isArray(error.details)
          )
            throw new Error(`error not in the { error: { code, message, details } } shape: ${said}`);
          if (res.statusCode === 400) {
            const fields = (error.details as { field?: unknown }[]).map((d) => d.field);
            if (!fields.some((f) => typeof f === 'string' && f.length > 0))
              throw new Error(`400 names no field: ${said}`);
          }
          if (before) {
            const after = await fingerprint(ctx.db, tables);
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            if (changed.length) throw new Error(`rejected (${said}) yet changed ${changed.join(', ')}`);
            known = after;
          }
        }),
        // fast-check counts the examples as runs: the random runs come on top of the sweep.
        { seed: SEED, numRuns: examples.length + RUNS, endOnFailure: true, examples },
      );
      await restoreAccounts();
      known = null;
      if (result.failed) {
        const why =
          result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        failures.push(`${name} (seed ${result.seed}, path ${result.counterexamplePath}): ${why}`);
      }
    }
    expect(failures, `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}\n${failures.join('\n\n')}`).toEqual([]);
  }, 240_000);
});
