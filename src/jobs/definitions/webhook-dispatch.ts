import { dispatchWebhooks } from '../../webhooks/dispatch.ts';
import type { Job } from '../job.ts';

/** Sends due webhook deliveries every 10 seconds, with retries on the back-off schedule; quiet when idle. */
export const webhookDispatchJob: Job = {
  name: 'webhook-dispatch',
  everyMs: 10_000,
  run: async (db, now) => {
    const s = await dispatchWebhooks(db, now);
    if (s.delivered + s.retrying + s.failed === 0) return '';
    return `${s.delivered} delivered, ${s.retrying} to retry, ${s.failed} failed`;
  },
};
