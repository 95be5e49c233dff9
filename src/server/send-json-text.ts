import type { FastifyReply } from 'fastify';

/**
 * Sends JSON text as it is: Fastify passes a string body with a JSON content type through without serializing it
 * (the route's response schema still documents it). For answers kept as JSON text (stored metrics answers), which
 * would otherwise be parsed and serialized again on every request.
 */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
