import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `pacesetter backup <file>`: a PGlite data-directory dump, or pg_dump of the PostgreSQL schema. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup (replaced atomically when it exists)')
    .description(
      'Back up the store: the embedded store as a tarball of its data directory (stop `serve` first), ' +
        'PostgreSQL with pg_dump (must be on PATH; servers may keep running)',
    )
    .action(async (file: string) => {
      const { targetFromConfig } = await import('../store-from-config.ts');
      const target = targetFromConfig(ctx.config());
      if (target.kind === 'pglite') {
        if (target.dataDir === null) throw new Error('an in-memory store cannot be backed up');
        const { backupPglite } = await import('../../store/backup/pglite-backup.ts');
        const { bytes } = await backupPglite(target.dataDir, file);
        console.log(`Backed up the store in ${target.dataDir} to ${file} (${(bytes / 1e6).toFixed(1)} MB).`);
        return;
      }
      const { openDb } = await import('../../store/db.ts');
      const { backupPostgres } = await import('../../store/backup/postgres-backup.ts');
      // Opened without migrating: a backup taken before an upgrade keeps the schema it had.
      const db = await openDb(target);
      try {
        await backupPostgres(db, target.url, file);
      } finally {
        await db.destroy();
      }
      console.log(`Backed up the PostgreSQL store to ${file} (pg_dump custom format).`);
    });
}
