import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../store/db.ts';
import type { PdfPrinter } from './print/pdf-printer.ts';

/** The Fastify instance every route file receives: zod-typed, with the store and config decorated on. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a route needs from the outside world; passed in, never imported as a singleton. */
export interface AppDeps {
  db: Db;
  config: Config;
  /**
   * Where report queries go (metrics, funnel, forecast, leaderboards, plan, exports): a read replica when
   * DATABASE_READ_URL is set, else the primary. Anything that writes, or must read its own writes, uses `db`.
   */
  reportDb?: Db;
}

/** What routes receive: the deps with the report store always set, and the one PDF printer. */
export type RouteDeps = AppDeps & { reportDb: Db; printer: PdfPrinter };

/** A route module: one endpoint (or a few verbs on one path) with its zod schemas beside it. */
export type RouteModule = (app: App, deps: RouteDeps) => void | Promise<void>;
