import type { Command } from 'commander';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-length.ts';
import { SYSTEM_VIEWER, type Role } from '../../domain/access/viewer.ts';
import { AppError } from '../../errors.ts';
import type { Db } from '../../store/db.ts';
import type { User } from '../../store/tables/users.ts';
import type { CliContext } from '../context.ts';
import { withStore } from '../with-store.ts';
import { optionalId } from '../int-options.ts';

const ROLES: readonly Role[] = ['admin', 'manager', 'rep'];

async function userByEmail(db: Db, email: string): Promise<User> {
  const { listUsers, normalizeEmail } = await import('../../store/tables/users.ts');
  const all = await listUsers(db, SYSTEM_VIEWER);
  const user = all.find((u) => u.email.toLowerCase() === normalizeEmail(email));
  if (!user)
    throw new AppError('not_found', `No user with email ${email}`, [
      { field: 'email', value: email, reason: 'not found' },
    ]);
  return user;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('validation', 'Password too short', [
      { field: '--password', reason: `at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

/** `pacesetter users add|list|set-password|deactivate`, and the first-admin check that `serve` runs. */
export function register(program: Command, ctx: CliContext): void {
  ctx.beforeServe.push(async (db) => {
    const { ensureFirstAdmin } = await import('../../auth/first-admin.ts');
    const r = await ensureFirstAdmin(db, ctx.config());
    if (!r.created) return;
    if (r.generatedPassword) {
      console.log(`Created the first admin ${r.email} with password: ${r.generatedPassword}`);
      console.log('This password is shown once. Sign in and change it (or set PACESETTER_ADMIN_PASSWORD).');
    } else {
      console.log(`Created the first admin ${r.email} with the password from PACESETTER_ADMIN_PASSWORD.`);
    }
  });

  const users = program.command('users').description('Manage user accounts (sign-in, roles, teams)');

  users
    .command('add')
    .description('Add a user; prints a generated password once unless --password is given')
    .requiredOption('--email <email>', 'sign-in email (unique)')
    .requiredOption('--name <name>', 'display name')
    .option('--role <role>', 'admin, manager or rep', 'rep')
    .option('--team <id>', 'team id the user belongs to')
    .option(
      '--password <password>',
      `initial password (min ${MIN_PASSWORD_LENGTH} chars; visible in shell history, prefer omitting it)`,
    )
    .action(async (opts: { email: string; name: string; role: string; team?: string; password?: string }) => {
      if (!ROLES.includes(opts.role as Role)) {
        throw new AppError('validation', 'Unknown role', [
          { field: '--role', value: opts.role, reason: 'use admin, manager or rep' },
        ]);
      }
      const { randomPassword } = await import('../../auth/first-admin.ts');
      const { hashPassword } = await import('../../auth/password.ts');
      const { recordAudit } = await import('../../store/tables/audit-log.ts');
      const { insertUser } = await import('../../store/tables/users.ts');
      const password = opts.password ?? randomPassword();
      checkPassword(password);
      const hash = await hashPassword(password);
      await withStore(ctx, async (db) => {
        const user = await db.transaction().execute(async (tx) => {
          const u = await insertUser(
            tx,
            {
              name: opts.name,
              email: opts.email,
              role: opts.role as Role,
              teamId: optionalId(opts.team, '--team') ?? null,
              hireDate: null,
              rampMonths: 0,
              active: true,
              externalId: null,
            },
            hash,
          );
          await recordAudit(tx, SYSTEM_VIEWER, {
            action: 'create',
            entity: 'user',
            entityId: u.id,
            after: u,
          });
          return u;
        });
        console.log(`Added ${user.role} ${user.email} (id ${user.id}).`);
        if (!opts.password) console.log(`Password (shown once): ${password}`);
      });
    });

  users
    .command('list')
    .description('List users with role, team and status')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { listUsers } = await import('../../store/tables/users.ts');
      await withStore(ctx, async (db) => {
        const all = await listUsers(db, SYSTEM_VIEWER);
        if (opts.json) {
          console.log(JSON.stringify(all, null, 2));
          return;
        }
        for (const u of all) {
          const status = u.active ? (u.hasPassword ? 'active' : 'no password') : 'inactive';
          console.log(
            `${String(u.id).padStart(5)}  ${u.role.padEnd(7)}  ${status.padEnd(11)}  team ${u.teamId ?? '-'}  ${u.email}  ${u.name}`,
          );
        }
      });
    });

  users
    .command('set-password')
    .description(
      "Set a user's password and sign them out everywhere; prints a generated one unless --password is given",
    )
    .argument('<email>', 'the user')
    .option('--password <password>', `new password (min ${MIN_PASSWORD_LENGTH} chars; prefer omitting it)`)
    .action(async (email: string, opts: { password?: string }) => {
      const { randomPassword } = await import('../../auth/first-admin.ts');
      const { hashPassword } = await import('../../auth/password.ts');
      const { recordAudit } = await import('../../store/tables/audit-log.ts');
      const { deleteUserSessions } = await import('../../store/tables/sessions.ts');
      const { setPasswordHash } = await import('../../store/tables/users.ts');
      const password = opts.password ?? randomPassword();
      checkPassword(password);
      const hash = await hashPassword(password);
      await withStore(ctx, async (db) => {
        const user = await userByEmail(db, email);
        await db.transaction().execute(async (tx) => {
          await setPasswordHash(tx, user.id, hash);
          await deleteUserSessions(tx, user.id);
          await recordAudit(tx, SYSTEM_VIEWER, {
            action: 'reset_password',
            entity: 'user',
            entityId: user.id,
          });
        });
        console.log(`Password set for ${user.email}; their sessions were ended.`);
        if (!opts.password) console.log(`Password (shown once): ${password}`);
      });
    });

  users
    .command('deactivate')
    .description('Deactivate a user: they can no longer sign in and their sessions and tokens stop working')
    .argument('<email>', 'the user')
    .option(
      '--left-on <date>',
      'the first day no longer employed (YYYY-MM-DD): records a leaver for turnover',
    )
    .option('--reason <text>', 'why they left (with --left-on)')
    .action(async (email: string, opts: { leftOn?: string; reason?: string }) => {
      const { recordAudit } = await import('../../store/tables/audit-log.ts');
      const { deleteUserSessions } = await import('../../store/tables/sessions.ts');
      const { countActiveAdmins, updateUser } = await import('../../store/tables/users.ts');
      const { isLocalDate } = await import('../../domain/calendar/local-date.ts');
      if (opts.leftOn !== undefined && !isLocalDate(opts.leftOn))
        throw new AppError('validation', `--left-on: not a date (YYYY-MM-DD): ${opts.leftOn}`, [
          { field: 'left-on', value: opts.leftOn, reason: 'not a date' },
        ]);
      if (opts.reason !== undefined && opts.leftOn === undefined)
        throw new AppError('validation', '--reason needs --left-on', [
          { field: 'reason', reason: 'needs --left-on' },
        ]);
      await withStore(ctx, async (db) => {
        const user = await userByEmail(db, email);
        if (opts.leftOn !== undefined && user.hireDate !== null && opts.leftOn <= user.hireDate)
          throw new AppError(
            'validation',
            `--left-on ${opts.leftOn} is not after the hire date ${user.hireDate}`,
            [{ field: 'left-on', value: opts.leftOn, reason: 'not after the hire date' }],
          );
        await db.transaction().execute(async (tx) => {
          if (user.role === 'admin' && user.active && (await countActiveAdmins(tx)) <= 1) {
            throw new AppError('conflict', 'This is the last active admin; add another admin first');
          }
          const after = await updateUser(
            tx,
            user.id,
            opts.leftOn !== undefined
              ? { active: false, leftOn: opts.leftOn, leaveReason: opts.reason ?? null }
              : { active: false },
          );
          await deleteUserSessions(tx, user.id);
          await recordAudit(tx, SYSTEM_VIEWER, {
            action: 'deactivate',
            entity: 'user',
            entityId: user.id,
            before: user,
            after,
          });
        });
        console.log(
          opts.leftOn !== undefined
            ? `Deactivated ${user.email}; left on ${opts.leftOn}.`
            : `Deactivated ${user.email}.`,
        );
      });
    });
}
