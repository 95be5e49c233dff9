import type { FastifyReply, FastifyRequest } from 'fastify';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../../../store/db.ts';
import { lookUpStoredAnswer } from '../../../store/queries/metrics/stored-answer-lookup.ts';
import type { AnswerBytesCache } from '../../answer-bytes-cache.ts';
import { ifNoneMatch, preferredForm, sendAnswerBytes, sendNotModified } from '../../send-answer.ts';

/**
 * Serves the kept answer of the viewer's request `aliasKey` (storedAliasKey) when there is one that holds now, in one
 * statement: the data version, the answer the viewer's scope resolved to at that version, its life and its bytes
 * (none when the client's If-None-Match or this process's copy has them). Otherwise returns the data version the
 * statement saw, for the engine to compute at (read before anything the answer depends on).
 */
export async function sendStoredMetricsAnswer(
  db: Db,
  cache: AnswerBytesCache,
  request: FastifyRequest,
  reply: FastifyReply,
  aliasKey: string,
  now: Date,
): Promise<{ sent: FastifyReply } | { version: string | null }> {
  const form = preferredForm(request);
  // A client taking no compression gets the gzip unzipped (held unzipped after the first time).
  const encoding = form === 'br' ? 'br' : 'gzip';
  const client = ifNoneMatch(request);
  const held = cache.heldTag(aliasKey, form);
  let found = await lookUpStoredAnswer(db, aliasKey, now, encoding, held ? [...client, held] : client);
  if (found.etag === null) return { version: found.version };
  if (client.includes('*') || client.includes(found.etag))
    return { sent: sendNotModified(reply, found.etag) };
  let bytes = found.bytes === null ? cache.get(found.etag, form) : null;
  if (found.bytes === null && bytes === null) {
    // The copy was dropped while the statement ran (other requests filled the cache): asked again with the bytes.
    found = await lookUpStoredAnswer(db, aliasKey, now, encoding, []);
    if (found.etag === null) return { version: found.version };
  }
  if (bytes === null) {
    if (found.bytes === null) return { version: found.version };
    bytes = form === 'identity' ? gunzipSync(found.bytes) : found.bytes;
  }
  cache.put(aliasKey, found.etag, form, bytes);
  return { sent: sendAnswerBytes(reply, found.etag, form, bytes) };
}
