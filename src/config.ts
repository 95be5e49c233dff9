import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PACESETTER_DATA: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PACESETTER_ADMIN_EMAIL: z.string().email().optional(),
  PACESETTER_ADMIN_PASSWORD: z.string().min(10).optional(),
  PACESETTER_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  PACESETTER_WEB_DIST: z.string().optional(),
  PACESETTER_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
});

/** Validated runtime configuration; the only place that reads the environment. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  secureCookies: 'true' | 'false' | 'auto';
  webDist: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['PACESETTER_LOG_LEVEL'];
}

/** Parses and validates the environment once at start-up; throws a readable error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PACESETTER_DATA,
    port: e.PORT,
    host: e.HOST,
    adminEmail: e.PACESETTER_ADMIN_EMAIL,
    adminPassword: e.PACESETTER_ADMIN_PASSWORD,
    secureCookies: e.PACESETTER_SECURE_COOKIES,
    webDist: e.PACESETTER_WEB_DIST,
    logLevel: e.PACESETTER_LOG_LEVEL,
  };
}

/** Reads the process environment; called by entry points only. */
export function configFromProcess(): Config {
  return parseConfig(process.env);
}
