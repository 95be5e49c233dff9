import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { registerErrorHandler } from './error-handler.ts';
import { IdField, LocalDateField } from './input-schemas.ts';

/** A bare app with the real error handler and one route whose body exercises each zod issue code. */
async function app() {
  const a = Fastify().withTypeProvider<ZodTypeProvider>();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(a);
  a.post(
    '/check/:id',
    {
      schema: {
        params: z.object({ id: IdField }),
        body: z.strictObject({
          name: z.string().min(1).max(5),
          count: z.number().int().max(10),
          share: z.number().min(0),
          tags: z.array(z.string()).max(1),
          kind: z.enum(['call', 'email']),
          day: LocalDateField,
          email: z.email(),
          missing: z.string(),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  a.get('/fail', async () => {
    throw new AppError('not_found', 'No such team', [
      { field: 'teamId', value: '9', reason: 'not found', rule: 'not_found' },
    ]);
  });
  return a;
}

describe('schema errors carry rules a client can translate', () => {
  it('maps each zod issue code to its rule, limit and allowed values, keeping zod’s English reason', async () => {
    const a = await app();
    const res = await a.inject({
      method: 'POST',
      url: '/check/5',
      payload: {
        name: '',
        count: 11,
        share: -1,
        tags: ['a', 'b'],
        kind: 'fax',
        day: '3000-01-01',
        email: 'nope',
        extra: 1,
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; details: Record<string, unknown>[] } };
    expect(body.error.code).toBe('validation');
    const by = Object.fromEntries(
      body.error.details.map((d) => [`${String(d.field)}|${String(d.value ?? '')}`, d]),
    );
    expect(by['body.name|']).toMatchObject({ rule: 'required' });
    expect(by['body.count|']).toMatchObject({ rule: 'too_large', limit: 10 });
    expect(by['body.share|']).toMatchObject({ rule: 'too_small', limit: 0 });
    expect(by['body.tags|']).toMatchObject({ rule: 'too_many', limit: 1 });
    expect(by['body.kind|']).toMatchObject({ rule: 'one_of', allowed: ['call', 'email'] });
    expect(by['body.day|']).toMatchObject({ rule: 'year_range', reason: 'years 1900-2999 only' });
    expect(by['body.email|']).toMatchObject({ rule: 'invalid_email' });
    expect(by['body.missing|']).toMatchObject({ rule: 'required' });
    expect(by['body|extra']).toMatchObject({ rule: 'unknown_field' });
    for (const d of body.error.details) expect(typeof d.reason).toBe('string');
    await a.close();
  });

  it('names over-long text, whole numbers, bad dates and ids with their rules', async () => {
    const a = await app();
    const ok = {
      name: 'a',
      count: 1,
      share: 0,
      tags: [],
      kind: 'call',
      day: '2026-01-01',
      email: 'a@b.co',
      missing: 'x',
    };
    // Fastify checks the path before the body, so each part gets its own request.
    const big = await a.inject({ method: 'POST', url: '/check/9999999999999999', payload: ok });
    expect(big.json().error.details).toEqual([
      expect.objectContaining({ field: 'params.id', rule: 'too_large', limit: Number.MAX_SAFE_INTEGER }),
    ]);
    const res = await a.inject({
      method: 'POST',
      url: '/check/9',
      payload: { ...ok, name: 'toolong', count: 1.5, day: '2026-02-30' },
    });
    const details = (res.json() as { error: { details: Record<string, unknown>[] } }).error.details;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.name', rule: 'too_long', limit: 5 }),
        expect.objectContaining({ field: 'body.count', rule: 'not_whole_number' }),
        expect.objectContaining({ field: 'body.day', rule: 'invalid_date' }),
      ]),
    );
    const bad = await a.inject({ method: 'POST', url: '/check/01', payload: ok });
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({ field: 'params.id', rule: 'invalid_format' }),
    ]);
    await a.close();
  });

  it('sends an AppError as code, English message and details with their rule', async () => {
    const a = await app();
    const res = await a.inject({ method: 'GET', url: '/fail' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'No such team',
        details: [{ field: 'teamId', value: '9', reason: 'not found', rule: 'not_found' }],
      },
    });
    await a.close();
  });
});
