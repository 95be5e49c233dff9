import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Viewer } from '../src/domain/access/viewer.ts';
import { openDb, type Db } from '../src/store/db.ts';
import { refreshDerived } from '../src/store/derived/refresh.ts';
import { ackAlert } from '../src/store/queries/alerts/ack-alert.ts';
import { checkLeadSla } from '../src/store/queries/alerts/check-lead-sla.ts';
import { listAlerts } from '../src/store/queries/alerts/list-alerts.ts';
import { createWebhookEndpoint } from '../src/store/queries/alerts/webhook-endpoints.ts';
import { describeStores, truncateAll } from './support/stores.ts';
import { seedUser } from './support/users.ts';

// Monday 23 November 2026, UTC, working hours 09:00-18:00, SLA 60 business minutes and same business day.
const NOW = new Date('2026-11-23T12:00:00Z');

async function seedTeam(db: Db) {
  const manager = await seedUser(db, { role: 'manager', name: 'Mia Manager' });
  const { id: teamId } = await db
    .insertInto('teams')
    .values({ name: 'East', manager_id: manager.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rep = await seedUser(db, { role: 'rep', name: 'Ray Rep', teamId });
  const other = await seedUser(db, { role: 'rep', name: 'Olga Other', teamId });
  return { manager, rep, other, teamId };
}

async function addLead(db: Db, ownerId: number, createdAt: string, firstResponseAt: string | null = null) {
  const { id } = await db
    .insertInto('leads')
    .values({
      name: `Lead ${createdAt}`,
      owner_id: ownerId,
      created_at: createdAt,
      first_response_at: firstResponseAt,
      first_touch_at: firstResponseAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

describeStores('lead SLA alerts', (ctx) => {
  beforeEach(async () => {
    await truncateAll(ctx.db);
  });

  it('raises one alert per breached lead for owner and manager, with one delivery per active endpoint', async () => {
    const { manager, rep, other } = await seedTeam(ctx.db);
    await createWebhookEndpoint(ctx.db, { url: 'http://127.0.0.1:9/a', secret: 'a' });
    await createWebhookEndpoint(ctx.db, { url: 'http://127.0.0.1:9/b', secret: 'b', active: false });
    const late = await addLead(ctx.db, rep.id, '2026-11-23T10:00:00Z'); // due 11:00, no response: breach
    await addLead(ctx.db, rep.id, '2026-11-23T10:00:00Z', '2026-11-23T10:30:00Z'); // answered in time
    await addLead(ctx.db, rep.id, '2026-11-23T11:30:00Z'); // due 12:30: not yet
    // Friday 17:30: the same-business-day rule makes it due Friday 18:00 (Monday 09:30 without it), breach.
    const friday = await addLead(ctx.db, rep.id, '2026-11-20T17:30:00Z');
    // Answered Friday 18:15, under an hour of wall time but after the 18:00 deadline: breach.
    const fridayLate = await addLead(ctx.db, rep.id, '2026-11-20T17:30:00Z', '2026-11-20T18:15:00Z');
    const answeredLate = await addLead(ctx.db, other.id, '2026-11-23T09:00:00Z', '2026-11-23T11:15:00Z');
    // The check reads the deadlines refreshDerived stores (leads.sla_deadline_at).
    await refreshDerived(ctx.db, { all: true, responseMinutesOnly: true });

    const first = await checkLeadSla(ctx.db, NOW);
    expect(first).toMatchObject({ breaches: 4, raised: 4, deliveries: 4 });
    const second = await checkLeadSla(ctx.db, NOW);
    expect(second).toMatchObject({ raised: 0, deliveries: 0 });

    const alerts = await ctx.db.selectFrom('alerts').selectAll().orderBy('lead_id').execute();
    expect(alerts.map((a) => [a.lead_id, a.owner_id, a.manager_id, a.due_at.toISOString()])).toEqual([
      [late, rep.id, manager.id, '2026-11-23T11:00:00.000Z'],
      [friday, rep.id, manager.id, '2026-11-20T18:00:00.000Z'],
      [fridayLate, rep.id, manager.id, '2026-11-20T18:00:00.000Z'],
      [answeredLate, other.id, manager.id, '2026-11-23T10:00:00.000Z'],
    ]);
    const deliveries = await ctx.db.selectFrom('webhook_deliveries').select(['alert_id', 'body']).execute();
    expect(deliveries).toHaveLength(4);
    const body = JSON.parse(deliveries.find((d) => d.alert_id === alerts[0]!.id)!.body);
    expect(body).toMatchObject({
      event: 'alert.raised',
      alert: {
        kind: 'lead_sla',
        leadId: late,
        dueAt: '2026-11-23T11:00:00.000Z',
        owner: { id: rep.id, name: 'Ray Rep' },
        manager: { id: manager.id, name: 'Mia Manager' },
      },
    });
  });

  it('reps see their own alerts, managers their team, and acknowledging is idempotent', async () => {
    const { manager, rep, other } = await seedTeam(ctx.db);
    await addLead(ctx.db, rep.id, '2026-11-23T09:00:00Z');
    await addLead(ctx.db, other.id, '2026-11-23T09:00:00Z');
    await checkLeadSla(ctx.db, NOW);
    const repViewer: Viewer = { userId: rep.id, role: 'rep', visibleUserIds: [rep.id] };
    const managerViewer: Viewer = {
      userId: manager.id,
      role: 'manager',
      visibleUserIds: [manager.id, rep.id, other.id],
    };
    const mine = await listAlerts(ctx.db, repViewer);
    expect(mine.map((a) => a.ownerId)).toEqual([rep.id]);
    expect(await listAlerts(ctx.db, managerViewer)).toHaveLength(2);
    const otherAlert = (await listAlerts(ctx.db, managerViewer)).find((a) => a.ownerId === other.id)!;
    await expect(ackAlert(ctx.db, repViewer, otherAlert.id, NOW)).rejects.toMatchObject({
      code: 'not_found',
    });
    const acked = await ackAlert(ctx.db, repViewer, mine[0]!.id, NOW);
    expect(acked.acknowledgedBy).toBe(rep.id);
    const again = await ackAlert(ctx.db, managerViewer, mine[0]!.id, new Date(NOW.getTime() + 60_000));
    expect(again.acknowledgedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await listAlerts(ctx.db, managerViewer, { openOnly: true })).toHaveLength(1);
  });

  it('two concurrent checkers (separate pools on PostgreSQL) raise exactly one alert and one delivery per breach', async () => {
    const { rep } = await seedTeam(ctx.db);
    await createWebhookEndpoint(ctx.db, { url: 'http://127.0.0.1:9/a', secret: 'a' });
    const n = 300;
    await ctx.db
      .insertInto('leads')
      .values(
        Array.from({ length: n }, (_, i) => ({
          name: `L${i}`,
          owner_id: rep.id,
          created_at: new Date(Date.parse('2026-11-23T09:00:00Z') + (i % 60) * 1000),
        })),
      )
      .execute();
    let other: Db | null = null;
    if (ctx.store === 'postgres') {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db)).rows[0]!.s;
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.searchParams.set('options', `-c search_path=${schema}`);
      other = await openDb({ kind: 'postgres', url: url.toString() });
    }
    try {
      // PGlite has one connection, so there the two checkers interleave rather than run in parallel.
      const second = other ?? ctx.db;
      const results = await Promise.all([checkLeadSla(ctx.db, NOW), checkLeadSla(second, NOW)]);
      const again = await Promise.all([checkLeadSla(second, NOW), checkLeadSla(ctx.db, NOW)]);
      expect(results[0]!.raised + results[1]!.raised).toBe(n);
      expect(again[0]!.raised + again[1]!.raised).toBe(0);
      const counts = await sql<{ alerts: number; deliveries: number; distinct_leads: number }>`
        select (select count(*) from alerts)::int as alerts,
               (select count(*) from webhook_deliveries)::int as deliveries,
               (select count(distinct alert_id) from webhook_deliveries)::int as distinct_leads`.execute(
        ctx.db,
      );
      expect(counts.rows[0]).toEqual({ alerts: n, deliveries: n, distinct_leads: n });
    } finally {
      await other?.destroy();
    }
  });
});
