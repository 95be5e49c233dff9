import type { BrowserContext } from 'playwright-core';
import type { SessionInfo } from '../../web/src/api/types/auth.ts';
import type { CommissionPlan } from '../../web/src/api/types/commissions.ts';

/** POSTs with the context's session (and its CSRF token); throws on an error answer. */
export async function postAs<T>(
  context: BrowserContext,
  baseUrl: string,
  path: string,
  body: unknown,
): Promise<T> {
  const me = await context.request.get(`${baseUrl}/api/auth/me`);
  const { csrfToken } = (await me.json()) as SessionInfo;
  const response = await context.request.post(`${baseUrl}${path}`, {
    data: body,
    headers: { 'x-csrf-token': csrfToken ?? '' },
  });
  if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A commission plan for a demo too short to have its own (src/demo/commissions.ts needs five months): 5% up to
 * target, 10% above, monthly, every given rep on it from 2020.
 */
export async function setUpCommissionPlan(
  admin: BrowserContext,
  baseUrl: string,
  reps: { id: number }[],
): Promise<CommissionPlan> {
  const plan = await postAs<CommissionPlan>(admin, baseUrl, '/api/commissions/plans', {
    name: 'e2e monthly plan',
    effectiveFrom: '2020-01-01',
    rules: {
      currency: 'USD',
      period: 'month',
      creditOn: 'close',
      tierMode: 'marginal',
      tiers: [
        { fromPct: 0, rateBp: 500 },
        { fromPct: 100, rateBp: 1000 },
      ],
      typeRates: {},
      attainmentTypes: ['new_business', 'upsell', 'renewal'],
      capMinor: null,
      bonuses: [],
      spifs: [],
      draw: null,
      ramp: false,
      rollUp: false,
      clawbackDays: null,
    },
  });
  for (const rep of reps) {
    await postAs(admin, baseUrl, '/api/commissions/assignments', {
      userId: rep.id,
      planId: plan.id,
      effectiveFrom: '2020-01-01',
      targetMinor: 2_000_000,
    });
  }
  return plan;
}
