import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, assertNever, type ErrorCode } from '../errors.ts';
import { zodIssueDetail } from './zod-details.ts';

/** The one place that maps an error code to an HTTP status. */
export function statusFor(code: ErrorCode): number {
  switch (code) {
    case 'validation':
      return 400;
    case 'import_rejected':
      return 422;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
    case 'csrf':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
    default:
      return assertNever(code, 'error code');
  }
}

/** Uniform error body: `{ error: { code, message, details } }`; internal errors reveal nothing. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      // Throttles report the wait as a detail; clients and proxies read it from the standard header.
      const wait =
        err.code === 'rate_limited' ? err.details.find((d) => d.field === 'retryAfterSeconds') : undefined;
      if (wait?.value) reply.header('Retry-After', wait.value);
      return reply
        .status(statusFor(err.code))
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => zodIssueDetail(err.validationContext, v));
      return reply
        .status(400)
        .send({ error: { code: 'validation', message: 'Request is invalid', details } });
    }
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'rate_limited', message: 'Too many requests', details: [] } });
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ error: { code: 'validation', message: err.message, details: [fastifyErrorDetail(err)] } });
    }
    request.log.error(err);
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error', details: [] } });
  });
}

/** Which part of the request a Fastify-raised 4xx is about (a body it could not parse, a URL it could not route). */
function fastifyErrorDetail(err: Error): { field: string; reason: string } {
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (code === 'FST_ERR_BAD_URL') return { field: 'url', reason: 'not a valid percent-encoded URL' };
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return { field: 'params', reason: 'a path parameter is too long' };
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { field: 'content-type', reason: err.message };
  return { field: 'body', reason: err.message };
}

/**
 * Fastify's `frameworkErrors` option: errors raised while routing, before any route or error handler runs
 * (a path with invalid percent-encoding, an over-long path parameter), answered in the uniform error shape
 * instead of Fastify's own.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 400;
  void reply
    .status(status)
    .send({ error: { code: 'validation', message: err.message, details: [fastifyErrorDetail(err)] } });
}
