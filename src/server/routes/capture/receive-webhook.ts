import { z } from 'zod';
import { SYSTEM_VIEWER } from '../../../domain/access/viewer.ts';
import { applyMapping } from '../../../domain/capture/source-mapping.ts';
import { AppError } from '../../../errors.ts';
import { assertNotThrottled, recordAuthFailure } from '../../../store/tables/auth-failures.ts';
import { sourceForDelivery } from '../../../store/tables/capture-sources.ts';
import { logActivities } from '../../../store/queries/capture/log-activities.ts';
import type { RouteModule } from '../../app-types.ts';
import { CaptureResultSchema } from '../activities/capture-schemas.ts';
import { clientIp } from '../../auth/request-auth.ts';
import { SourceName } from './source-schemas.ts';

/** Header carrying a source's token (or `?token=` for senders that cannot set headers). */
export const CAPTURE_TOKEN_HEADER = 'x-pacesetter-token';

/**
 * POST /api/capture/webhooks/:source: another system's activities, read through the source's mapping and logged
 * through the same path as POST /api/activities (all-or-nothing, idempotent by the mapped external id). Public:
 * the source's token is the credential. An unknown source and a wrong token get the same 404, and bad tokens are
 * throttled per address like bad API tokens.
 */
const receiveWebhook: RouteModule = (app, { db }) => {
  app.post(
    '/api/capture/webhooks/:source',
    {
      config: { public: true },
      schema: {
        tags: ['capture'],
        summary: 'Receive activities from an inbound webhook source',
        params: z.object({ source: z.string().max(100) }),
        querystring: z.object({ token: z.string().max(200).optional() }),
        body: z.unknown(),
        response: { 200: CaptureResultSchema },
      },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request) => {
      const now = new Date();
      const header = request.headers[CAPTURE_TOKEN_HEADER];
      const token = (typeof header === 'string' ? header : undefined) ?? request.query.token ?? '';
      const name = request.params.source;
      const source = SourceName.safeParse(name).success ? await sourceForDelivery(db, name, token) : null;
      if (!source) {
        // As for API tokens, only bad tokens are throttled: a valid sender sharing an address is never locked out.
        const ip = clientIp(request);
        await assertNotThrottled(db, [{ kind: 'token_ip', key: ip }], now);
        await recordAuthFailure(db, 'token_ip', ip, now);
        throw new AppError('not_found', 'No such capture source, or a wrong token');
      }
      const mapped = applyMapping(source.name, source.mapping, request.body);
      if ('errors' in mapped)
        throw new AppError(
          'validation',
          `The delivery does not fit the ${source.name} mapping; nothing was logged`,
          mapped.errors,
        );
      const itemsPath = source.mapping.itemsPath;
      const result = await logActivities(
        db,
        SYSTEM_VIEWER,
        mapped.items,
        (i) => (itemsPath === undefined ? '' : `${itemsPath}.${i}.`),
        { createContacts: true, channel: `webhook:${source.name}`, loggedVia: 'webhook' },
        now,
      );
      const prefix = `webhook:${source.name}:`;
      return {
        ...result,
        activities: result.activities.map((r) => ({
          ...r,
          externalId: r.externalId?.slice(prefix.length) ?? null,
        })),
      };
    },
  );
};
export default receiveWebhook;
