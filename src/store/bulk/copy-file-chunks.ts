import { open } from 'node:fs/promises';

/** COPY text cut at line ends: the bytes of whole lines, and how many lines they hold. */
export interface CopyChunk {
  bytes: Uint8Array<ArrayBuffer>;
  rows: number;
}

const NEWLINE = 0x0a;

function linesIn(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) n += 1;
  return n;
}

/**
 * A file of COPY text lines (each ending in a newline) read in chunks of whole lines of about `size` bytes, a
 * chunk at a time: the file is never held in memory, and its bytes go to COPY as they are (no decoding into
 * strings and encoding back). A line longer than `size` makes a larger chunk. Fails on a file that does not end
 * with a newline (a truncated write).
 */
export async function* copyFileChunks(path: string, size: number): AsyncGenerator<CopyChunk> {
  const file = await open(path, 'r');
  try {
    let carry: Uint8Array = new Uint8Array(0);
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.max(size, carry.length * 2));
      buffer.set(carry, 0);
      const { bytesRead } = await file.read(buffer, carry.length, buffer.length - carry.length);
      const filled = carry.length + bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) throw new Error(`${path} does not end with a newline`);
        return;
      }
      const cut = buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
      // A partial last line starts the next buffer (each chunk has a buffer of its own: COPY may still hold it).
      carry = buffer.subarray(cut, filled);
      if (cut === 0) continue;
      const bytes = buffer.subarray(0, cut);
      yield { bytes, rows: linesIn(bytes) };
    }
  } finally {
    await file.close();
  }
}
