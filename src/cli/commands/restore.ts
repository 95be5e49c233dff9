import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/** `pacesetter restore <file> [--force]`: the other half of `backup`, all or nothing. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('restore')
    .argument('<file>', 'a file written by `pacesetter backup` for the same kind of store')
    .option('--force', 'replace a store that has data (everything in it is lost)')
    .description(
      'Restore a backup into the configured store, all or nothing; stop servers first. A store with data is ' +
        'refused unless --force; an older backup is migrated at the next start.',
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      const { targetFromConfig } = await import('../store-from-config.ts');
      const { backupKindOf, wrongKind } = await import('../../store/backup/backup-file.ts');
      const target = targetFromConfig(ctx.config());
      const kind = backupKindOf(file);
      if (kind !== target.kind) throw wrongKind(file, kind);
      const force = Boolean(opts.force);
      if (target.kind === 'pglite') {
        if (target.dataDir === null) throw new Error('cannot restore into an in-memory store');
        const { restorePglite } = await import('../../store/backup/pglite-backup.ts');
        await restorePglite(target.dataDir, file, force);
        console.log(`Restored ${file} into ${target.dataDir}.`);
        return;
      }
      const { openDb } = await import('../../store/db.ts');
      const { restorePostgres } = await import('../../store/backup/postgres-backup.ts');
      const db = await openDb(target);
      try {
        await restorePostgres(db, target.url, file, force);
      } finally {
        await db.destroy();
      }
      console.log(`Restored ${file} into the PostgreSQL store.`);
    });
}
