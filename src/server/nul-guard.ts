import { Stream } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.ts';

/** Nesting we look through; deeper input is rejected by the route schemas anyway, and the walk stays bounded. */
const MAX_DEPTH = 64;
/** Offending fields reported at most; one is enough to fix the request, a few help with a batch. */
const MAX_REPORTED = 5;

/**
 * Streams and binary buffers are not parsed input: the CSV import body is the request stream itself, and its
 * object graph (socket, server, parsers, ...) is cyclic and enormous; walking it once hung the server. Such bodies
 * are checked by their own reader (the importer rejects NUL per cell). Parsed JSON, the query string (whose
 * parser builds null-prototype objects) and path parameters are walked.
 */
function isRawBody(value: object): boolean {
  return value instanceof Stream || ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

/**
 * Where a NUL character hides in parsed input: dotted paths in the same spelling as the schema validation
 * errors ('body.email', 'querystring.period', 'params.id', 'body.stages.0.label'), keys included.
 */
export function nulFields(root: unknown, prefix: string): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: prefix, depth: 0 }];
  while (stack.length > 0 && found.length < MAX_REPORTED) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push(path);
    } else if (typeof value === 'object' && value !== null && depth < MAX_DEPTH && !isRawBody(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}.${key}`;
        if (key.includes('\u0000')) found.push(childPath);
        else stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return found;
}

/**
 * Rejects a NUL character (U+0000) anywhere in the query string, path parameters or JSON body with a 400
 * naming the field. PostgreSQL text cannot hold NUL, so such a value would otherwise fail deep inside a
 * query as a 500, or half-way through a write. It runs as preValidation, after the body is parsed, on every
 * route including the public sign-in.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...nulFields(request.query, 'querystring'),
      ...nulFields(request.params, 'params'),
      ...nulFields(request.body, 'body'),
    ];
    if (fields.length === 0) return;
    const details: ErrorDetail[] = fields.map((field) => ({ field, reason: 'contains a NUL character' }));
    throw new AppError('validation', `Request is invalid: ${fields[0]} contains a NUL character`, details);
  });
}
