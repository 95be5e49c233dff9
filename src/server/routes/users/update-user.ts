import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../../../auth/password.ts';
import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { deleteUserSessions } from '../../../store/tables/sessions.ts';
import { countActiveAdmins, getUser, setPasswordHash, updateUser } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { assertLeaveAfterHire, assertTeamExists, isUniqueViolation } from './checks.ts';
import { UserFields, UserSchema } from './schemas.ts';
import { IdField } from '../../input-schemas.ts';

const Body = UserFields.partial().extend({
  /** Sets a new password (admin reset); ends the user's sessions. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000).optional(),
});

/**
 * PATCH /api/users/:id: an admin changes a user. Deactivating or resetting the password ends the user's
 * sessions; the last active admin cannot be demoted or deactivated. Audited with before/after.
 */
const updateUserRoute: RouteModule = (app, { db }) => {
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (admins)',
        params: z.object({ id: IdField }),
        body: Body,
        response: { 200: UserSchema },
      },
    },
    async (request) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const id = request.params.id;
      const { password, ...patch } = request.body;
      if (patch.teamId !== undefined) await assertTeamExists(db, patch.teamId);
      const hash = password ? await hashPassword(password) : null;
      try {
        return await db.transaction().execute(async (tx) => {
          const before = await getUser(tx, SYSTEM_VIEWER, id);
          if (!before)
            throw new AppError('not_found', 'No such user', [
              { field: 'id', value: String(id), reason: 'not found', rule: 'not_found' },
            ]);
          if (patch.leftOn !== undefined || patch.hireDate !== undefined)
            assertLeaveAfterHire(
              patch.hireDate !== undefined ? patch.hireDate : before.hireDate,
              patch.leftOn !== undefined ? patch.leftOn : before.leftOn,
            );
          const deactivates = patch.active === false || (patch.leftOn !== undefined && patch.leftOn !== null);
          if (patch.active === true && patch.leftOn)
            throw new AppError('validation', 'A leaver cannot be active', [
              { field: 'active', reason: 'must be false (or omitted) with leftOn' },
            ]);
          const losesAdmin =
            before.role === 'admin' &&
            before.active &&
            ((patch.role && patch.role !== 'admin') || deactivates);
          if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
            throw new AppError('conflict', 'This is the last active admin; promote another admin first', [
              { field: deactivates ? 'active' : 'role', reason: 'last admin' },
            ]);
          }
          const after = await updateUser(tx, id, patch);
          if (!after) throw new Error('user vanished inside the transaction');
          if (hash) await setPasswordHash(tx, id, hash);
          // Role changes need no sign-out: the viewer is rebuilt from the users row on every request.
          if (hash || deactivates) await deleteUserSessions(tx, id);
          await recordAudit(tx, viewer, {
            action: hash ? 'update_and_reset_password' : 'update',
            entity: 'user',
            entityId: id,
            before,
            after: { ...after, hasPassword: after.hasPassword || hash !== null },
          });
          return { ...after, hasPassword: after.hasPassword || hash !== null };
        });
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('conflict', 'A user with this email or external id already exists', [
            { field: 'email', value: patch.email ?? '', reason: 'already used', rule: 'duplicate' },
          ]);
        }
        throw err;
      }
    },
  );
};
export default updateUserRoute;
