import { z } from 'zod';

/** An endpoint as the API returns it (the secret is write-only). */
export const WebhookEndpointSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
});

/** http(s) URLs only. */
export const WebhookUrl = z
  .string()
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL');
