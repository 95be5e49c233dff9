import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { buildStoreTemplates } from './store-templates.ts';

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

let removeTemplates: (() => void) | undefined;

export async function setup(project: TestProject): Promise<void> {
  await dropTestSchemas();
  const templates = await buildStoreTemplates();
  removeTemplates = templates.remove;
  project.provide('pgliteTemplateDump', templates.dump);
  project.provide('pgliteTemplateDir', templates.dir);
}

export async function teardown(): Promise<void> {
  removeTemplates?.();
  await dropTestSchemas();
}
