import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { TrustProxy } from '../config.ts';
import type { AppDeps } from './app-types.ts';
import { frameworkErrors, registerErrorHandler } from './error-handler.ts';
import { registerNulGuard } from './nul-guard.ts';
import { PdfPrinter } from './print/pdf-printer.ts';
import { registerPrometheus } from './observability/prometheus.ts';
import { routes } from './routes/index.ts';
import { registerSecurityHeaders } from './auth/security-headers.ts';
import { trackRouteAccess } from './route-access.ts';
import { registerViewerHook } from './viewer-hook.ts';
import { BUNDLED_WEB_DIST, registerWebApp } from './web-app.ts';

/**
 * Fastify's form of the proxy setting: nothing trusted by default, so clients cannot pick their own IP. A hop
 * count trusts the `hops` nearest addresses (the socket's peer is hop 0), as proxy-addr counts them.
 */
function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if ('addresses' in trust) return trust.addresses;
  const { hops } = trust;
  return hops === 0 ? false : (_address, hop) => hop < hops;
}

/** Builds the HTTP app (API, OpenAPI document and the built web app) without listening. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: fastifyTrustProxy(deps.config.trustProxy),
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  trackRouteAccess(app);
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  registerSecurityHeaders(app);
  registerViewerHook(app, deps);
  registerNulGuard(app);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Pacesetter API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
    // Schemas with a meta id (the error body) become components the paths refer to.
    transformObject: jsonSchemaTransformObject,
  });
  const printer = new PdfPrinter(deps.config.chromiumPath);
  app.addHook('onClose', () => printer.close());
  const routeDeps = { ...deps, reportDb: deps.reportDb ?? deps.db, printer };
  for (const route of routes) await route(app, routeDeps);
  registerPrometheus(app, routeDeps);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );
  await registerWebApp(app, deps.config.webDist ? resolve(deps.config.webDist) : BUNDLED_WEB_DIST);
  return app;
}
