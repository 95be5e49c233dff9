/**
 * Creates a PGlite store in an empty data directory and exits: run as a child process by openDb (see
 * initPgliteDataDir in pglite-new-dir.ts), so that the initdb's memory is returned to the system with the process.
 * Usage: node --liftoff-only src/store/pglite-initdb.ts <data dir>
 */
import { PGlite } from '@electric-sql/pglite';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-initdb.ts <data dir>');
const pg = await PGlite.create(dir);
await pg.close();
