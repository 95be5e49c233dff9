import type { ErrorDetail } from '../errors.ts';

/** Problems with a webhook endpoint typed on the command line (the API checks the same with zod). */
export function webhookEndpointProblems(input: { url: string; secret: string }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(input.url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) errors.push({ field: 'url', value: input.url, reason: 'must be an http or https URL' });
  if (input.secret.length < 16) errors.push({ field: 'secret', reason: 'must be at least 16 characters' });
  return errors;
}
