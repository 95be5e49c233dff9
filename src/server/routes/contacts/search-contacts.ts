import { z } from 'zod';
import { searchContacts } from '../../../store/queries/contacts/search-contacts.ts';
import type { RouteModule } from '../../app-types.ts';

/** The longest search text: a name or an address, never a document. */
export const MAX_CONTACT_QUERY = 100;

const ContactMatchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  accountName: z.string().nullable(),
  firstTouchAt: z.string().nullable().describe('when the person was first touched (derived); null = never'),
  nextTouch: z
    .enum(['new_prospect', 'follow_up'])
    .describe('what a touch now would be, by the same rule as is_new_prospect'),
});

/**
 * GET /api/contacts?q=pat&limit=10: the quick log's contact picker. Searches name, e-mail and account name among
 * the contacts the viewer may see by contacts.owner_id (a rep their own, a manager their subtree's and unassigned
 * ones, an admin all; docs/capture.md, "Quick log"), ranked, and says whether a touch now would be a new prospect.
 */
const searchContactsRoute: RouteModule = (app, { db }) => {
  app.get(
    '/api/contacts',
    {
      schema: {
        tags: ['records'],
        summary:
          'Search contacts (quick-log picker), with the derived new-prospect / follow-up of a touch now',
        querystring: z.object({
          q: z.string().trim().min(1).max(MAX_CONTACT_QUERY),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ contacts: z.array(ContactMatchSchema) }) },
      },
    },
    async (request) => {
      const found = await searchContacts(db, request.viewer, request.query.q, request.query.limit);
      return {
        contacts: found.map((c) => ({ ...c, firstTouchAt: c.firstTouchAt?.toISOString() ?? null })),
      };
    },
  );
};
export default searchContactsRoute;
