import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, hashPassword } from '../../../auth/password.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { insertUser } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';
import { assertLeaveAfterHire, assertTeamExists, isUniqueViolation } from './checks.ts';
import { UserFields, UserSchema } from './schemas.ts';

const Body = UserFields.partial({
  teamId: true,
  hireDate: true,
  rampMonths: true,
  active: true,
  externalId: true,
  leftOn: true,
  leaveReason: true,
}).extend({
  /** Initial password; without one the user cannot sign in until an admin sets it. */
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000).optional(),
});

/** POST /api/users: an admin adds a user (audited; the password is stored only as an argon2id hash). */
const createUser: RouteModule = (app, { db }) => {
  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user (admins)',
        body: Body,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      const b = request.body;
      await assertTeamExists(db, b.teamId ?? null);
      assertLeaveAfterHire(b.hireDate ?? null, b.leftOn ?? null);
      const hash = b.password ? await hashPassword(b.password) : null;
      try {
        const user = await db.transaction().execute(async (tx) => {
          const u = await insertUser(
            tx,
            {
              name: b.name,
              email: b.email,
              role: b.role,
              teamId: b.teamId ?? null,
              hireDate: b.hireDate ?? null,
              rampMonths: b.rampMonths ?? 0,
              active: b.active ?? true,
              externalId: b.externalId ?? null,
              leftOn: b.leftOn ?? null,
              leaveReason: b.leaveReason ?? null,
            },
            hash,
          );
          await recordAudit(tx, viewer, { action: 'create', entity: 'user', entityId: u.id, after: u });
          return u;
        });
        reply.status(201);
        return user;
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw new AppError('conflict', 'A user with this email or external id already exists', [
            { field: 'email', value: b.email, reason: 'already used', rule: 'duplicate' },
          ]);
        }
        throw err;
      }
    },
  );
};
export default createUser;
