import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { idArg } from '../int-options.ts';

/** `pacesetter tokens create|list|revoke`: API tokens for machine clients (imports, webhooks, BI tools). */
export function register(program: Command, ctx: CliContext): void {
  const tokens = program.command('tokens').description('Manage API tokens for machine clients');

  tokens
    .command('create')
    .description('Create an API token acting as an admin; the secret is printed once')
    .requiredOption('--name <name>', 'what the token is for, e.g. "BI dashboard"')
    .option('--scope <scope>', 'read (GET only) or write', 'read')
    .option('--as <email>', 'admin the token acts as (default: the first active admin)')
    .action(async (opts: { name: string; scope: string; as?: string }) => {
      if (opts.scope !== 'read' && opts.scope !== 'write') {
        throw new AppError('validation', 'Unknown scope', [
          { field: '--scope', value: opts.scope, reason: 'use read or write' },
        ]);
      }
      const scope = opts.scope;
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { createApiToken } = await import('../../store/tables/api-tokens.ts');
      const { recordAudit } = await import('../../store/tables/audit-log.ts');
      const { normalizeEmail } = await import('../../store/tables/users.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        let q = db
          .selectFrom('users')
          .select(['id', 'email'])
          .where('role', '=', 'admin')
          .where('active', '=', true);
        if (opts.as) q = q.where(db.fn('lower', ['email']), '=', normalizeEmail(opts.as));
        const admin = await q.orderBy('id').executeTakeFirst();
        if (!admin) {
          throw new AppError('not_found', 'No such active admin', [
            { field: '--as', value: opts.as ?? '', reason: 'not an active admin' },
          ]);
        }
        const created = await db.transaction().execute(async (tx) => {
          const t = await createApiToken(tx, { name: opts.name, scope, createdBy: admin.id });
          await recordAudit(tx, SYSTEM_VIEWER, {
            action: 'create',
            entity: 'api_token',
            entityId: t.id,
            after: { name: opts.name, scope, hint: t.hint, actsAs: admin.email },
          });
          return t;
        });
        console.log(`Created ${scope} token ${created.id} acting as ${admin.email}.`);
        console.log(`Token (shown once): ${created.token}`);
        console.log('Send it as the header  Authorization: Bearer <token>');
      } finally {
        await db.destroy();
      }
    });

  tokens
    .command('list')
    .description('List API tokens with scope, owner and last use (never the secrets)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { listApiTokens } = await import('../../store/tables/api-tokens.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const all = await listApiTokens(db);
        if (opts.json) {
          console.log(JSON.stringify(all, null, 2));
          return;
        }
        for (const t of all) {
          const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active';
          const used = t.lastUsedAt ? t.lastUsedAt.toISOString() : 'never';
          console.log(
            `${String(t.id).padStart(4)}  ${t.scope.padEnd(5)}  ...${t.hint}  ${state}  last used ${used}  as ${t.createdByEmail ?? t.createdBy}  ${t.name}`,
          );
        }
      } finally {
        await db.destroy();
      }
    });

  tokens
    .command('revoke')
    .description('Revoke an API token; it stops working immediately')
    .argument('<id>', 'token id (see tokens list)')
    .action(async (id: string) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { revokeApiToken } = await import('../../store/tables/api-tokens.ts');
      const { recordAudit } = await import('../../store/tables/audit-log.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const tokenId = idArg(id, '<id>');
        await db.transaction().execute(async (tx) => {
          if (!(await revokeApiToken(tx, tokenId, new Date()))) {
            throw new AppError('not_found', 'No such active token', [
              { field: 'id', value: id, reason: 'not found or already revoked' },
            ]);
          }
          await recordAudit(tx, SYSTEM_VIEWER, {
            action: 'revoke',
            entity: 'api_token',
            entityId: tokenId,
          });
        });
        console.log(`Revoked token ${id}.`);
      } finally {
        await db.destroy();
      }
    });
}
