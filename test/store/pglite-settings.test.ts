import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb, PGLITE_SHARED_BUFFERS } from '../../src/store/db.ts';

// PGlite's settings are this process's memory (docs/performance.md, "PGlite memory: a 32 MB buffer pool").
describe('a PGlite store', () => {
  it('runs with the small buffer pool and minimal WAL it is opened with', async () => {
    const db = await openDb({ kind: 'pglite', dataDir: null });
    try {
      const r = await sql<{ buffers: string; wal: string }>`
        select current_setting('shared_buffers') as buffers, current_setting('wal_level') as wal`.execute(db);
      expect(r.rows[0]).toEqual({ buffers: PGLITE_SHARED_BUFFERS, wal: 'minimal' });
      expect(PGLITE_SHARED_BUFFERS).toBe('32MB');
    } finally {
      await db.destroy();
    }
  });
});
