import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { EncodedAnswer } from '../store/queries/metrics/encoded-answer.ts';

/*
 * Sending an answer kept as JSON (stored metrics answers) as it is: the bytes in the encoding the client accepts,
 * with its entity tag, or 304 when the client already has it. Fastify passes a Buffer body through without
 * serializing it (the route's response schema still documents it); parsing and serializing 140 kB again took
 * tens of ms of CPU per request.
 */

/** How an answer goes out: brotli, gzip, or its plain bytes. */
export type AnswerForm = 'br' | 'gzip' | 'identity';

/**
 * The best form the request's Accept-Encoding allows: brotli, else gzip (a coding listed, or `*`, without q=0),
 * else the plain bytes. The highest q wins; brotli, the smaller, on a tie.
 */
export function preferredForm(request: FastifyRequest): AnswerForm {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return 'identity';
  const q: Record<string, number> = {};
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    q[coding.trim()] = qValue(params);
  }
  const of = (coding: string) => q[coding] ?? q['*'] ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : 'identity';
}

/**
 * The q of a coding's parameters: 1 without one, 0 for one the grammar does not allow (1e-3, -1, "0", 2): a client
 * that tried to refuse a coding must not get it.
 */
function qValue(params: readonly string[]): number {
  const given = params.find((p) => /^\s*q\s*=/.test(p));
  if (given === undefined) return 1;
  const m = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/.exec(given);
  return m ? Number(m[1]) : 0;
}

/** The ETag header of an answer's tag: weak, since its brotli, gzip and plain bytes are the same answer. */
export const etagHeader = (tag: string) => `W/"${tag}"`;

/** The tags of If-None-Match (weak or strong, as the comparison there is weak); `*` matches any answer. */
export function ifNoneMatch(request: FastifyRequest): string[] {
  const header = request.headers['if-none-match'];
  if (typeof header !== 'string') return [];
  return header
    .split(',')
    .slice(0, 16)
    .map((t) => t.trim())
    .map((t) => (t === '*' ? t : (/^(?:W\/)?"([A-Za-z0-9_-]{1,64})"$/.exec(t)?.[1] ?? '')))
    .filter((t) => t !== '');
}

/** Whether the client's If-None-Match names the answer with `tag`. */
export function clientHas(request: FastifyRequest, tag: string): boolean {
  return ifNoneMatch(request).some((t) => t === '*' || t === tag);
}

/** The headers every form of an answer carries, 304 included. */
function answerHeaders(reply: FastifyReply, tag: string): FastifyReply {
  return reply
    .type('application/json; charset=utf-8')
    .header('vary', 'accept-encoding')
    .header('etag', etagHeader(tag));
}

/** 304 Not Modified for an answer the client has (its tag in If-None-Match). */
export function sendNotModified(reply: FastifyReply, tag: string): FastifyReply {
  return answerHeaders(reply, tag).code(304).send();
}

/** Sends bytes already in `form` (no compression here). */
export function sendAnswerBytes(
  reply: FastifyReply,
  tag: string,
  form: AnswerForm,
  bytes: Buffer,
): FastifyReply {
  answerHeaders(reply, tag);
  if (form !== 'identity') reply.header('content-encoding', form);
  return reply.send(bytes);
}

/**
 * Sends an answer: 304 when the client has it, else the form the client accepts that is at hand (a computed answer
 * has all three; one sent by a store without compressions only its text), decompressed for a client that takes
 * no compression. Never compresses.
 */
export function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: EncodedAnswer,
): FastifyReply {
  if (clientHas(request, answer.etag)) return sendNotModified(reply, answer.etag);
  const form = preferredForm(request);
  if (form === 'br' && answer.br !== null) return sendAnswerBytes(reply, answer.etag, 'br', answer.br);
  if (form !== 'identity' && answer.gzip !== null)
    return sendAnswerBytes(reply, answer.etag, 'gzip', answer.gzip);
  return sendAnswerBytes(reply, answer.etag, 'identity', plainBytes(answer));
}

/** An answer's JSON as bytes, from its text or decompressed. */
export function plainBytes(answer: EncodedAnswer): Buffer {
  if (answer.text !== null) return Buffer.from(answer.text, 'utf8');
  if (answer.gzip !== null) return gunzipSync(answer.gzip);
  if (answer.br !== null) return brotliDecompressSync(answer.br);
  throw new Error('an answer without text or bytes');
}
