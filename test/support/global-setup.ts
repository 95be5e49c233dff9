import pg from 'pg';

/**
 * Drops the private `t_*` schemas that PostgreSQL test files create, before and after the whole run. Test files
 * do not drop their own schema while others run: a DROP SCHEMA racing another file's catalog introspection
 * (Kysely's migrator) made runs fail at random.
 */
async function dropTestSchemas(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 't\\_%' escape '\\'",
    );
    for (const { nspname } of r.rows) await client.query(`drop schema "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestSchemas();
}

export async function teardown(): Promise<void> {
  await dropTestSchemas();
}
