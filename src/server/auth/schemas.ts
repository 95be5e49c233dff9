import { z } from 'zod';
import { LANGUAGES } from '../../domain/i18n/languages.ts';

/** The signed-in user as auth endpoints return it. */
export const SessionUser = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'manager', 'rep']),
  teamId: z.number().int().nullable(),
  language: z.enum(LANGUAGES).nullable().describe("the user's chosen language; null = the browser's"),
});

/** The uniform error body (documented on auth endpoints for OpenAPI clients). */
export { ErrorBody } from '../error-body.ts';
