import type { Readable } from 'node:stream';
import { AppError } from '../../errors.ts';

/** Encodings an import file may be in (WHATWG labels that Node's TextDecoder knows); 'latin1' = windows-1252. */
export const IMPORT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1250',
  'windows-1252',
  'latin1',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-15',
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

const LF = 0x0a;
// Bytes of the current, unfinished line kept for locating a decoding error; beyond this the line is still
// reported, counted from the line breaks seen so far, just without searching inside the giant line.
const MAX_TAIL = 1024 * 1024;

/** The encoding a byte-order mark announces, if the file starts with one. */
function bomEncoding(first: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return 'utf-8';
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return null;
}

function countLineFeeds(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (bytes[i] === LF) n++;
  return n;
}

/** Index (0-based) of the first line in `bytes` that does not decode; lines are split at LF bytes. */
function firstBadLine(bytes: Uint8Array, encoding: string): number {
  let start = 0;
  let index = 0;
  for (;;) {
    const end = bytes.indexOf(LF, start);
    const last = end === -1;
    try {
      // The last piece may stop inside a character that the next chunk completes: stream mode allows that.
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start, last ? undefined : end), {
        stream: last,
      });
    } catch {
      return index;
    }
    if (last) return index;
    start = end + 1;
    index++;
  }
}

function invalidEncoding(file: string, line: number, encoding: string): AppError {
  const others = IMPORT_ENCODINGS.filter((e) => e !== encoding && e !== 'latin1' && e !== 'iso-8859-1');
  const reason =
    `line ${line} is not valid ${encoding}; if the file was saved in another encoding, pass it with ` +
    `--encoding (API: ?encoding=), e.g. ${others.join(', ')}`;
  return new AppError('import_rejected', `${file}: ${reason}`, [{ file, line, field: 'encoding', reason }]);
}

/**
 * Decodes an upload's bytes to text, refusing bytes that are not valid in `encoding` (instead of turning them
 * into U+FFFD silently) with the line they are on. A byte-order mark wins over `encoding`, as in browsers, so a
 * UTF-16 export with a BOM needs no option; the BOM itself is dropped.
 */
export async function* decodeText(
  input: Readable,
  encoding: ImportEncoding,
  file: string,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let used: string = encoding;
  let lineFeedsBefore = 0; // LF bytes before `tail`
  let decodedLines = 0; // line feeds in the text decoded so far (UTF-16 has no LF byte to count)
  let tail: Uint8Array = new Uint8Array(0); // bytes since the last LF, with the chunk just read appended
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!decoder) {
      used = bomEncoding(bytes) ?? encoding;
      decoder = new TextDecoder(used, { fatal: true });
    }
    const pending: Uint8Array = tail.length <= MAX_TAIL ? Buffer.concat([tail, bytes]) : bytes;
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      if (used.startsWith('utf-16')) throw invalidEncoding(file, decodedLines + 1, used);
      const inChunk = tail.length > MAX_TAIL ? 0 : firstBadLine(pending, used);
      throw invalidEncoding(file, lineFeedsBefore + inChunk + 1, used);
    }
    const lastLf = pending.lastIndexOf(LF);
    if (lastLf === -1) {
      tail = tail.length <= MAX_TAIL ? pending : tail;
    } else {
      lineFeedsBefore += countLineFeeds(pending, 0, lastLf + 1);
      tail = pending.subarray(lastLf + 1);
    }
    if (!text) continue;
    decodedLines += text.split('\n').length - 1;
    yield text;
  }
  if (!decoder) return;
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw invalidEncoding(file, (used.startsWith('utf-16') ? decodedLines : lineFeedsBefore) + 1, used);
  }
  if (rest) yield rest;
}
