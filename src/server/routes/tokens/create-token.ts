import { z } from 'zod';
import { AppError } from '../../../errors.ts';
import { createApiToken } from '../../../store/tables/api-tokens.ts';
import { recordAudit } from '../../../store/tables/audit-log.ts';
import { assertNotThrottled, recordAuthFailure } from '../../../store/tables/auth-failures.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole, requireWrite } from '../../auth/guards.ts';

const Body = z.object({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(['read', 'write']),
});

const Created = z.object({
  id: z.number().int(),
  name: z.string(),
  scope: z.enum(['read', 'write']),
  hint: z.string(),
  /** The secret: shown in this response only; send it as `Authorization: Bearer <token>`. */
  token: z.string(),
});

/**
 * POST /api/tokens: an admin creates an API token that acts as them, limited to its scope. Only from a browser
 * session (a token cannot mint tokens), and at most 20 per admin per hour.
 */
const createToken: RouteModule = (app, { db }) => {
  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token (admins; the secret is shown once)',
        body: Body,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const viewer = requireWrite(request);
      requireRole(request, 'admin');
      if (request.auth?.kind !== 'session' || viewer.userId === null) {
        throw new AppError('forbidden', 'API tokens are created from a signed-in session');
      }
      const now = new Date();
      const key = `user:${viewer.userId}`;
      await assertNotThrottled(db, [{ kind: 'token_create', key }], now);
      await recordAuthFailure(db, 'token_create', key, now);
      const created = await db.transaction().execute(async (tx) => {
        const t = await createApiToken(tx, { ...request.body, createdBy: viewer.userId as number });
        await recordAudit(tx, viewer, {
          action: 'create',
          entity: 'api_token',
          entityId: t.id,
          after: { name: request.body.name, scope: request.body.scope, hint: t.hint },
        });
        return t;
      });
      reply.status(201);
      return {
        id: created.id,
        name: request.body.name,
        scope: request.body.scope,
        hint: created.hint,
        token: created.token,
      };
    },
  );
};
export default createToken;
