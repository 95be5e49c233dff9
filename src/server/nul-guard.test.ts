import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { nulFields } from './nul-guard.ts';

describe('nulFields', () => {
  it('names every field and key holding a NUL, in the validation errors’ spelling', () => {
    const body = { email: 'a\u0000b', stages: [{ label: 'ok' }, { label: 'x\u0000' }], ['k\u0000']: 1 };
    expect(nulFields(body, 'body').sort()).toEqual(['body.email', 'body.k\u0000', 'body.stages.1.label']);
    expect(nulFields({ period: '2026-Q3' }, 'querystring')).toEqual([]);
  });

  // Regression: a text/csv import hands the request stream over as the body; walking its object graph (socket,
  // server, parsers, ...) up to the depth bound never finished and hung the server on the CSV upload.
  it('does not walk streams or buffers, but walks null-prototype query objects', () => {
    const stream = new PassThrough();
    (stream as unknown as { note: string }).note = 'x\u0000';
    expect(nulFields(stream, 'body')).toEqual([]);
    expect(nulFields(Buffer.from('a\u0000b'), 'body')).toEqual([]);
    expect(nulFields({ file: stream, name: 'n\u0000' }, 'body')).toEqual(['body.name']);
    // Fastify's query parser builds objects whose prototype chain ends in null without Object.prototype.
    function Empty() {}
    Empty.prototype = Object.create(null) as object;
    const query = Object.create(Empty.prototype as object) as Record<string, string>;
    query.source = 'a\u0000b';
    expect(nulFields(query, 'querystring')).toEqual(['querystring.source']);
  });
});
