import { z } from 'zod';
import { listApiTokens } from '../../../store/tables/api-tokens.ts';
import type { RouteModule } from '../../app-types.ts';
import { requireRole } from '../../auth/guards.ts';

const TokenRow = z.object({
  id: z.number().int(),
  name: z.string(),
  hint: z.string(),
  scope: z.enum(['read', 'write']),
  createdBy: z.number().int(),
  createdByEmail: z.string().nullable(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

/** GET /api/tokens: every API token with its last use (admins; secrets are never returned). */
const listTokens: RouteModule = (app, { db }) => {
  app.get(
    '/api/tokens',
    {
      schema: {
        tags: ['tokens'],
        summary: 'List API tokens (admins)',
        response: { 200: z.object({ items: z.array(TokenRow) }) },
      },
    },
    async (request) => {
      requireRole(request, 'admin');
      return { items: await listApiTokens(db) };
    },
  );
};
export default listTokens;
