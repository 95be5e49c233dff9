import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/*
 * A metrics answer in the forms it is sent in: its JSON text, gzip and brotli bytes, and its entity tag. Made once
 * when an answer is computed and kept with it (stored-results.ts), so serving it compresses nothing.
 */

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * Brotli's quality: 5 makes a 200-rep dashboard (140 kB of JSON) 17 kB against gzip's 19 kB in about a tenth of the
 * time quality 11 takes (13.6 kB, seconds of CPU per answer on a shared core, once per answer after every write).
 */
const BROTLI_QUALITY = 5;

/** An answer: `etag` always; at least one of `text` and `gzip`; `br` when it was made. */
export interface EncodedAnswer {
  /** A hash of the JSON text (see answerEtag). */
  etag: string;
  text: string | null;
  gzip: Buffer | null;
  br: Buffer | null;
}

/**
 * The entity tag of an answer: a hash of its JSON text, so equal numbers have equal tags whatever their encoding or
 * data version. Sent weak (W/"..."), the form that says the gzip and brotli bytes are the same answer.
 */
export function answerEtag(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}

/** The text with its tag and both compressions, made on zlib's threads (not on the event loop). */
export async function encodeAnswer(text: string): Promise<EncodedAnswer & { gzip: Buffer; br: Buffer }> {
  const bytes = Buffer.from(text, 'utf8');
  const [gz, br] = await Promise.all([
    gzipAsync(bytes),
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
  return { etag: answerEtag(text), text, gzip: gz, br };
}
