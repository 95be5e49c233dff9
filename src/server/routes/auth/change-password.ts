import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from '../../../auth/password.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { assertNotThrottled, recordAuthFailure } from '../../../store/tables/auth-failures.ts';
import { deleteUserSessions } from '../../../store/tables/sessions.ts';
import { getPasswordHash, setPasswordHash } from '../../../store/tables/users.ts';
import type { RouteModule } from '../../app-types.ts';

const Body = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
});

/**
 * POST /api/auth/password: change one's own password. Requires the current password (a hijacked session
 * alone cannot lock the owner out) and ends every other session of the user.
 */
const changePassword: RouteModule = (app, { db }) => {
  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password (signs out your other sessions)',
        body: Body,
        response: { 200: z.object({ otherSessionsEnded: z.number().int() }) },
      },
    },
    async (request) => {
      const auth = request.auth;
      const userId = request.viewer.userId;
      if (auth?.kind !== 'session' || userId === null) {
        throw new AppError('forbidden', 'Passwords are changed from a signed-in browser session');
      }
      const now = new Date();
      const key = `user:${userId}`;
      await assertNotThrottled(db, [{ kind: 'email', key }], now);
      const stored = await getPasswordHash(db, userId);
      if (!stored || !(await verifyPassword(stored, request.body.currentPassword))) {
        await recordAuthFailure(db, 'email', key, now);
        throw new AppError('validation', 'Current password is incorrect', [
          { field: 'currentPassword', reason: 'does not match' },
        ]);
      }
      const hash = await hashPassword(request.body.newPassword);
      return db.transaction().execute(async (tx) => {
        await setPasswordHash(tx, userId, hash);
        const ended = await deleteUserSessions(tx, userId, auth.sessionId);
        await recordAudit(tx, request.viewer, {
          action: 'change_password',
          entity: 'user',
          entityId: userId,
        });
        return { otherSessionsEnded: ended };
      });
    },
  );
};
export default changePassword;
