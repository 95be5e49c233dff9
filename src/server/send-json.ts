import type { FastifyReply, FastifyRequest } from 'fastify';
import { gunzipSync } from 'node:zlib';
import type { ReportJson } from '../store/queries/metrics/report-metrics.ts';

/** True when the request's Accept-Encoding allows gzip (listed, or `*`, without q=0). */
export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
  });
}

/**
 * Sends JSON as it is: its gzip with Content-Encoding when the client accepts it and it is at hand, else its text.
 * Fastify passes a string or Buffer body through without serializing it (the route's response schema still
 * documents it). For answers kept as JSON (stored metrics answers), which would otherwise be parsed and serialized
 * again on every request.
 */
export function sendJson(request: FastifyRequest, reply: FastifyReply, json: ReportJson): FastifyReply {
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (json.gzip !== null && acceptsGzip(request))
    return reply.header('content-encoding', 'gzip').send(json.gzip);
  // The bytes as they are either way: a string would be decoded from UTF-8 here only to be encoded again.
  return reply.send(json.text !== null ? json.text : gunzipSync(json.gzip));
}
