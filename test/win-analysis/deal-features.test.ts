import { beforeAll, expect, it } from 'vitest';
import { customPeriod } from '../../src/domain/calendar/period.ts';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { dealFeatures } from '../../src/store/queries/win-analysis/deal-features.ts';
import { putExchangeRates } from '../../src/store/tables/exchange-rates.ts';
import { dealWithHistory } from '../coaching/deal-fixtures.ts';
import { emptyStoreWithPipeline } from '../support/pipeline.ts';
import { describeStores } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';

// Hand-built deals in March 2026 (UTC): one won with activities on the deal and on its contact, one lost in EUR
// with none, one closed in April and one still open (both outside). Every number below is counted by hand.
const MARCH = { period: customPeriod('2026-03-01', '2026-03-31'), timeZone: 'UTC', currency: 'USD' };

describeStores('win analysis deal features', (ctx) => {
  let rep: number;
  let other: number;
  let won: number;
  let lost: number;
  let stage: (name: string) => number;

  beforeAll(async () => {
    const db = ctx.db;
    const { pipelineId } = await emptyStoreWithPipeline(db);
    const stages = await db
      .selectFrom('stages')
      .select(['id', 'name'])
      .where('pipeline_id', '=', pipelineId)
      .execute();
    stage = (name: string) => stages.find((s) => s.name === name)!.id;
    const p = { id: pipelineId, stage };
    rep = (await seedUser(db, { role: 'rep' })).id;
    other = (await seedUser(db, { role: 'rep' })).id;
    const contact = await db
      .insertInto('contacts')
      .values({ name: 'Cy' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lead = await db
      .insertInto('leads')
      .values({
        name: 'Cy',
        source: 'referral',
        created_at: '2026-03-01T09:00:00Z',
        response_business_minutes: 12,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const step = (at: string, s: string, amount = 500_000) => ({
      at,
      stage: s,
      amount,
      close: null,
      owner: rep,
    });
    won = await dealWithHistory(db, p, {
      name: 'Won',
      status: 'won',
      closedAt: '2026-03-10T10:00:00Z',
      steps: [
        step('2026-03-02T10:00:00Z', 'Discovery'),
        step('2026-03-04T10:00:00Z', 'Qualified'),
        step('2026-03-09T10:00:00Z', 'Demo'),
        step('2026-03-10T10:00:00Z', 'Won'),
      ],
    });
    await db
      .updateTable('opportunities')
      .set({ contact_id: contact.id, lead_id: lead.id, lead_source: 'referral' })
      .where('id', '=', won)
      .execute();
    lost = await dealWithHistory(db, p, {
      name: 'Lost',
      status: 'lost',
      closedAt: '2026-03-20T09:00:00Z',
      currency: 'EUR',
      steps: [step('2026-03-01T09:00:00Z', 'Discovery'), step('2026-03-20T09:00:00Z', 'Lost')],
    });
    await db.updateTable('opportunities').set({ lead_source: 'campaign' }).where('id', '=', lost).execute();
    await dealWithHistory(db, p, {
      name: 'April',
      status: 'won',
      closedAt: '2026-04-02T10:00:00Z',
      steps: [step('2026-03-02T10:00:00Z', 'Discovery'), step('2026-04-02T10:00:00Z', 'Won')],
    });
    await dealWithHistory(db, p, { name: 'Open', steps: [step('2026-03-02T10:00:00Z', 'Discovery')] });
    const act = (
      at: string,
      type: 'call' | 'email' | 'meeting',
      more: { outcome?: 'held' | 'no_show' | 'sent' | 'connected'; direction?: 'inbound'; onDeal?: boolean },
    ) => ({
      occurred_at: at,
      type,
      outcome: more.outcome ?? null,
      direction: more.direction ?? ('outbound' as const),
      user_id: rep,
      contact_id: contact.id,
      opportunity_id: more.onDeal === false ? null : won,
    });
    await db
      .insertInto('activities')
      .values([
        act('2026-03-02T12:00:00Z', 'call', { outcome: 'connected' }), // touch
        act('2026-03-04T12:00:00Z', 'meeting', { outcome: 'held' }), // touch, first held meeting
        act('2026-03-05T12:00:00Z', 'email', { outcome: 'sent', onDeal: false }), // on the contact: follow-up
        act('2026-03-06T12:00:00Z', 'call', { direction: 'inbound' }), // inbound: not a touch
        act('2026-03-06T13:00:00Z', 'meeting', { outcome: 'no_show' }), // not held: not a touch
        act('2026-03-08T12:00:00Z', 'call', { outcome: 'connected' }), // follow-up
        act('2026-03-11T12:00:00Z', 'email', { outcome: 'sent' }), // after closing
      ])
      .execute();
  });

  it('counts touches, meetings, follow-ups, cadence, stage days, response and size per deal', async () => {
    const rows = await dealFeatures(ctx.db, { ...MARCH, ownerIds: null, types: null, pipelineIds: null });
    expect(rows).toEqual([
      {
        id: won,
        won: true,
        ownerId: rep,
        leadSource: 'referral',
        amountMinor: 500_000,
        // call 3-02, meeting 3-04, e-mail 3-05 (contact), call 3-08; follow-ups: the last two.
        touches: 4,
        meetingsHeld: 1,
        followUps: 2,
        responseMinutes: 12,
        // gaps 2, 1 and 3 days
        medianGapDays: 2,
        // Discovery 3-02..3-04, Qualified 3-04..3-09, Demo 3-09..3-10
        stageDays: [
          { stageId: stage('Discovery'), days: 2 },
          { stageId: stage('Qualified'), days: 5 },
          { stageId: stage('Demo'), days: 1 },
        ].sort((a, b) => a.stageId - b.stageId),
      },
      {
        id: lost,
        won: false,
        ownerId: rep,
        leadSource: 'campaign',
        // EUR without a rate: no amount in the workspace currency
        amountMinor: null,
        touches: 0,
        meetingsHeld: 0,
        followUps: null,
        responseMinutes: null,
        medianGapDays: null,
        stageDays: [{ stageId: stage('Discovery'), days: 19 }],
      },
    ]);
  });

  it('keeps to the owners, types and pipelines asked for', async () => {
    const none = await dealFeatures(ctx.db, { ...MARCH, ownerIds: [other], types: null, pipelineIds: null });
    expect(none).toEqual([]);
    const upsells = await dealFeatures(ctx.db, {
      ...MARCH,
      ownerIds: null,
      types: ['upsell'],
      pipelineIds: null,
    });
    expect(upsells).toEqual([]);
    const mine = await dealFeatures(ctx.db, {
      ...MARCH,
      ownerIds: [rep],
      types: ['new_business'],
      pipelineIds: null,
    });
    expect(mine.map((d) => d.id)).toEqual([won, lost]);
    const otherPipeline = await dealFeatures(ctx.db, {
      ...MARCH,
      ownerIds: null,
      types: null,
      pipelineIds: [999],
    });
    expect(otherPipeline).toEqual([]);
  });

  it('reads an amount in another currency converted by the rate of its close date', async () => {
    // €5,000.00 lost on 20 March at 1.08 (from 1 March): 5400.00 USD; the rate is removed again for the others.
    await putExchangeRates(ctx.db, SYSTEM_VIEWER, [
      { currency: 'EUR', effectiveFrom: '2026-03-01', rate: '1.08' },
    ]);
    try {
      const deals = await dealFeatures(ctx.db, { ...MARCH, ownerIds: null, types: null, pipelineIds: null });
      expect(deals.find((d) => d.id === lost)?.amountMinor).toBe(540_000);
    } finally {
      await ctx.db.deleteFrom('exchange_rates').execute();
    }
  });
});
