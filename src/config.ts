import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which proxies in front of the server may state the client's address (X-Forwarded-For) and scheme
 * (X-Forwarded-Proto): a number of hops counted from the server (0: none, the socket's peer is the client),
 * or the proxies' addresses and CIDR ranges.
 */
export type TrustProxy = { hops: number } | { addresses: string[] };

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const TrustProxySetting = z
  .string()
  .trim()
  .default('0')
  .transform((value, ctx): TrustProxy => {
    if (/^\d+$/.test(value)) return { hops: Number(value) };
    const addresses = value.split(',').map((a) => a.trim());
    const bad = addresses.filter((a) => !isAddressOrRange(a));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a number of proxy hops or a comma list of IP addresses/CIDR ranges; not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
      });
      return z.NEVER;
    }
    return { addresses };
  });

const ConfigSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATABASE_READ_URL: z.string().url().optional(),
  PACESETTER_DATA: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PACESETTER_ADMIN_EMAIL: z.string().email().optional(),
  PACESETTER_ADMIN_PASSWORD: z.string().min(10).optional(),
  PACESETTER_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  PACESETTER_TRUST_PROXY: TrustProxySetting,
  PACESETTER_WEB_DIST: z.string().optional(),
  PACESETTER_CHROMIUM: z.string().trim().min(1).optional(),
  PACESETTER_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  PACESETTER_SMTP_ENABLED: z.enum(['true', 'false']).default('false'),
  PACESETTER_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  PACESETTER_SMTP_HOST: z.string().default('127.0.0.1'),
  PACESETTER_SMTP_MAX_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(10_000_000),
});

/** Every environment variable the parser reads (deployment files are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(ConfigSchema.shape);

/** Validated runtime configuration; the only place that reads the environment. */
export interface Config {
  databaseUrl: string | undefined;
  /** A streaming replica for reports (metrics, funnel, forecast, leaderboards, exports); PostgreSQL only. */
  databaseReadUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  secureCookies: 'true' | 'false' | 'auto';
  trustProxy: TrustProxy;
  webDist: string | undefined;
  /**
   * A Chromium (or Chrome) executable that turns print views into PDFs; when unset, the first of the usual
   * install paths that exists. Without one, PDFs answer 503 and the print view still prints from the browser.
   */
  chromiumPath: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>['PACESETTER_LOG_LEVEL'];
  /**
   * The built-in SMTP receiver for email capture (docs/capture.md): off by default; `pacesetter serve` starts it
   * on host:port when enabled. Messages above maxBytes are refused. The address and sender domains it accepts
   * are workspace settings (capture_settings), not deployment ones.
   */
  smtp: { enabled: boolean; host: string; port: number; maxBytes: number };
}

/** Parses and validates the environment once at start-up; throws a readable error listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  DATABASE_READ_URL: a read replica needs the primary too; set DATABASE_URL (the embedded store has no replicas)',
    );
  }
  return {
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dataDir: e.PACESETTER_DATA,
    port: e.PORT,
    host: e.HOST,
    adminEmail: e.PACESETTER_ADMIN_EMAIL,
    adminPassword: e.PACESETTER_ADMIN_PASSWORD,
    secureCookies: e.PACESETTER_SECURE_COOKIES,
    trustProxy: e.PACESETTER_TRUST_PROXY,
    webDist: e.PACESETTER_WEB_DIST,
    chromiumPath: e.PACESETTER_CHROMIUM,
    logLevel: e.PACESETTER_LOG_LEVEL,
    smtp: {
      enabled: e.PACESETTER_SMTP_ENABLED === 'true',
      host: e.PACESETTER_SMTP_HOST,
      port: e.PACESETTER_SMTP_PORT,
      maxBytes: e.PACESETTER_SMTP_MAX_BYTES,
    },
  };
}

/** Reads the process environment; called by entry points only. */
export function configFromProcess(): Config {
  return parseConfig(process.env);
}
