import { z } from 'zod';

/** The `notices` of a response: each note's code (from `codes`) and its values (src/domain/notices.ts). */
export function noticesSchema<const C extends readonly [string, ...string[]]>(codes: C) {
  return z
    .array(
      z.object({
        code: z.enum(codes),
        params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
      }),
    )
    .describe(
      'the warnings in structured form (code and values), for clients that say them in their own words',
    );
}
