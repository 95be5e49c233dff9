import { z } from 'zod';
import { SourceMapping } from '../../../domain/capture/source-mapping.ts';

export const SourceName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _, at most 63 characters');

export const CaptureSourceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mapping: SourceMapping,
  active: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
  /** Where the sender posts (the token goes in the X-Pacesetter-Token header or the token query parameter). */
  url: z.string(),
});

export const webhookPath = (name: string) => `/api/capture/webhooks/${name}`;
