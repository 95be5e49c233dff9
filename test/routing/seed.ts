import type { Db } from '../../src/store/db.ts';
import { seedUser } from '../support/users.ts';

/** Inserts leads for routing tests; returns their ids. */
export async function seedLeads(
  db: Db,
  n: number,
  patch: {
    status?: 'new' | 'working' | 'mql' | 'sql';
    country?: string | null;
    createdAt?: Date;
    ownerId?: number | null;
    source?: string;
  } = {},
): Promise<number[]> {
  const created = patch.createdAt ?? new Date('2026-11-30T08:00:00Z');
  const rows = await db
    .insertInto('leads')
    .values(
      Array.from({ length: n }, (_, i) => ({
        name: `Lead ${i}`,
        status: patch.status ?? 'sql',
        country: patch.country ?? null,
        source: patch.source ?? 'web',
        owner_id: patch.ownerId ?? null,
        created_at: created,
        sql_at: (patch.status ?? 'sql') === 'sql' ? created : null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function seedReps(db: Db, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) ids.push((await seedUser(db, { role: 'rep', name: `Rep ${i + 1}` })).id);
  return ids;
}
