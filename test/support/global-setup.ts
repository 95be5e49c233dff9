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

/*
 * Both store projects (vitest.config.ts) list this file; vitest runs each project's global setup before any test
 * and each teardown after all of them. One build of the templates and one schema sweep serve both: the first
 * setup does the work, the last teardown undoes it. The state sits on globalThis because each project may load
 * its own copy of this module (all in vitest's main process).
 */
interface SharedSetup {
  built: Promise<Awaited<ReturnType<typeof buildStoreTemplates>>> | undefined;
  users: number;
}
const KEY = Symbol.for('pacesetter.test.global-setup');
const state: SharedSetup = ((globalThis as Record<symbol, SharedSetup | undefined>)[KEY] ??= {
  built: undefined,
  users: 0,
});

export async function setup(project: TestProject): Promise<void> {
  state.users += 1;
  state.built ??= dropTestSchemas().then(() => buildStoreTemplates());
  const templates = await state.built;
  project.provide('pgliteTemplateDump', templates.dump);
  project.provide('pgliteTemplateDir', templates.dir);
}

export async function teardown(): Promise<void> {
  state.users -= 1;
  const built = state.built;
  if (state.users > 0 || !built) return;
  state.built = undefined;
  (await built).remove();
  await dropTestSchemas();
}
