import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { registerErrorHandler } from '../error-handler.ts';
import { sendCsv } from './send-csv.ts';

describe('sendCsv errors', () => {
  /** A one-route app whose export fails the way a store query does: before or after the first batch. */
  async function exportApp(failAfterBatches: number) {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/export.csv', async (_request, reply) => {
      async function* batches() {
        for (let i = 0; i < failAfterBatches; i++) yield [{ n: i }];
        throw new AppError('validation', 'Invalid period', [
          { field: 'period', reason: 'years 1900-2999 only' },
        ]);
      }
      return sendCsv(reply, 'x.csv', [{ header: 'n', value: (r: { n: number }) => r.n }], batches());
    });
    await app.ready();
    return app;
  }

  it('answers an error raised before the first row in the uniform JSON shape, not as a CSV download', async () => {
    const app = await exportApp(0);
    const res = await app.inject({ url: '/export.csv' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Invalid period',
        details: [{ field: 'period', reason: 'years 1900-2999 only' }],
      },
    });
  });

  it('streams the rows of a healthy export', async () => {
    const app = Fastify();
    app.get('/ok.csv', async (_request, reply) => {
      async function* batches() {
        yield [{ n: 1 }, { n: 2 }];
        yield [{ n: 3 }];
      }
      return sendCsv(reply, 'ok.csv', [{ header: 'n', value: (r: { n: number }) => r.n }], batches());
    });
    const res = await app.inject({ url: '/ok.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body).toBe('n\n1\n2\n3\n');
  });
});
