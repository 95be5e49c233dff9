import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppDeps } from './app-types.ts';
import { frameworkErrors, registerErrorHandler } from './error-handler.ts';
import { registerNulGuard } from './nul-guard.ts';
import { routes } from './routes/index.ts';
import { registerSecurityHeaders } from './auth/security-headers.ts';
import { registerViewerHook } from './viewer-hook.ts';

/** Builds the HTTP app (API, OpenAPI document and the built web app) without listening. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: true,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  registerSecurityHeaders(app);
  registerViewerHook(app, deps);
  registerNulGuard(app);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Pacesetter API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  for (const route of routes) await route(app, deps);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webDist = resolve(deps.config.webDist ?? 'web/dist');
  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // Client-side routes: anything that is not the API falls back to the single page.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply
          .status(404)
          .send({ error: { code: 'not_found', message: 'No such endpoint', details: [] } });
      }
      return reply.sendFile('index.html');
    });
  }
  return app;
}
