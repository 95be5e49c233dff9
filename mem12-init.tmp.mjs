import { PGlite } from '@electric-sql/pglite';
const opts = process.argv[3] ? { initialMemory: Number(process.argv[3]) * 2 ** 20 } : {};
const pg = await PGlite.create(process.argv[2], opts);
const m = process.memoryUsage();
console.log('after create rss', m.rss >> 20, 'ext', m.external >> 20, 'ab', m.arrayBuffers >> 20, 'wasm', pg.Module.HEAPU8.buffer.byteLength >> 20);
await pg.close();
