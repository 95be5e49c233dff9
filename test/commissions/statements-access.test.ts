import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, signIn, type AuthHeaders } from '../support/app.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { insertStatement } from './fixtures.ts';

/*
 * The statement read rule over HTTP (docs/commissions.md, "Who sees what"): admins all; a manager the people
 * below them in any status and their own once locked; a rep their own once locked. Everything else is a 404, by
 * id, by list filter, by dispute, by PDF and by export, so statement ids reveal nothing.
 */
describeStores('commission statements: who sees what', (ctx) => {
  let app: Awaited<ReturnType<typeof testApp>>;
  const h = {} as Record<'admin' | 'manager' | 'rep' | 'other' | 'outsider', AuthHeaders>;
  const id = {} as Record<string, number>;
  const st = {} as Record<string, { id: number; lineIds: number[] }>;
  const oct = { periodKey: '2026-10', periodStart: '2026-10-01', periodEnd: '2026-11-01' };
  const nov = { periodKey: '2026-11', periodStart: '2026-11-01', periodEnd: '2026-12-01' };

  beforeAll(async () => {
    await truncateAll(ctx.db);
    app = await testApp(ctx.db);
    const admin = await seedUser(ctx.db, { role: 'admin' });
    const manager = await seedUser(ctx.db, { role: 'manager' });
    const team = await ctx.db
      .insertInto('teams')
      .values({ name: 'East', manager_id: manager.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rep = await seedUser(ctx.db, { role: 'rep', teamId: team.id });
    const other = await seedUser(ctx.db, { role: 'rep', teamId: team.id });
    const outsider = await seedUser(ctx.db, { role: 'rep' });
    Object.assign(id, {
      admin: admin.id,
      manager: manager.id,
      rep: rep.id,
      other: other.id,
      outsider: outsider.id,
    });
    st.repLocked = await insertStatement(ctx.db, {
      userId: rep.id,
      ...oct,
      status: 'locked',
      payoutMinor: 1000,
    });
    st.repDraft = await insertStatement(ctx.db, {
      userId: rep.id,
      ...nov,
      status: 'draft',
      payoutMinor: 2000,
    });
    st.otherPaid = await insertStatement(ctx.db, {
      userId: other.id,
      ...oct,
      status: 'paid',
      payoutMinor: 3000,
    });
    st.otherDraft = await insertStatement(ctx.db, {
      userId: other.id,
      ...nov,
      status: 'draft',
      payoutMinor: 4000,
    });
    st.managerDraft = await insertStatement(ctx.db, {
      userId: manager.id,
      ...nov,
      status: 'draft',
      payoutMinor: 5000,
    });
    st.managerLocked = await insertStatement(ctx.db, {
      userId: manager.id,
      ...oct,
      status: 'locked',
      payoutMinor: 6000,
    });
    st.outsiderLocked = await insertStatement(ctx.db, {
      userId: outsider.id,
      ...oct,
      status: 'locked',
      payoutMinor: 7000,
    });
    for (const [k, u] of Object.entries({ admin, manager, rep, other, outsider })) {
      h[k as keyof typeof h] = await signIn(app, u);
    }
  });
  afterAll(async () => app?.close());

  const get = (headers: AuthHeaders, url: string) => app.inject({ method: 'GET', url, headers });
  const listIds = async (headers: AuthHeaders, query = '') => {
    const res = await get(headers, `/api/commissions/statements${query}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { statements: Array<{ id: number }> }).statements
      .map((s) => s.id)
      .sort((a, b) => a - b);
  };
  const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

  it('lists exactly what each role may read', async () => {
    expect(await listIds(h.admin)).toEqual(sorted(...Object.values(st).map((s) => s.id)));
    expect(await listIds(h.rep)).toEqual([st.repLocked!.id]);
    expect(await listIds(h.other)).toEqual([st.otherPaid!.id]);
    // The manager: both reps in any status, their own locked one, not their own draft, not the outsider.
    expect(await listIds(h.manager)).toEqual(
      sorted(st.repLocked!.id, st.repDraft!.id, st.otherPaid!.id, st.otherDraft!.id, st.managerLocked!.id),
    );
  });

  it('list filters never widen what a rep sees', async () => {
    expect(await listIds(h.rep, `?userId=${id.other}`)).toEqual([]);
    expect(await listIds(h.rep, '?status=draft')).toEqual([]);
    expect(await listIds(h.rep, '?period=2026-11')).toEqual([]);
    expect(await listIds(h.outsider, `?userId=${id.rep}&status=locked`)).toEqual([]);
  });

  it("a rep never reads another rep's statement or their own draft by id: 404", async () => {
    for (const s of [st.otherPaid!, st.otherDraft!, st.repDraft!, st.managerLocked!, st.outsiderLocked!]) {
      const res = await get(h.rep, `/api/commissions/statements/${s.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('payout');
    }
    const mine = await get(h.rep, `/api/commissions/statements/${st.repLocked!.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().statement.payoutMinor).toBe(1000);
    expect(mine.json().lines).toHaveLength(1);
  });

  it('a manager reads their people in any status and their own only once locked', async () => {
    expect((await get(h.manager, `/api/commissions/statements/${st.otherDraft!.id}`)).statusCode).toBe(200);
    expect((await get(h.manager, `/api/commissions/statements/${st.managerLocked!.id}`)).statusCode).toBe(
      200,
    );
    expect((await get(h.manager, `/api/commissions/statements/${st.managerDraft!.id}`)).statusCode).toBe(404);
    expect((await get(h.manager, `/api/commissions/statements/${st.outsiderLocked!.id}`)).statusCode).toBe(
      404,
    );
  });

  it('odd id spellings are 400 or 404, never 500', async () => {
    const codes: Record<string, number> = {};
    for (const raw of [
      '01',
      '1%00',
      '-1',
      '0',
      '99999999999999999999',
      'abc',
      '1.5',
      '1e3',
      '%20',
      '9007199254740993',
    ]) {
      codes[raw] = (await get(h.rep, `/api/commissions/statements/${raw}`)).statusCode;
    }
    for (const [raw, code] of Object.entries(codes)) expect([400, 404], raw).toContain(code);
    // One spelling per id: '01' does not reach statement 1 (the rep's own) by another name.
    expect(codes['01']).toBe(400);
    expect(codes['1%00']).toBe(400);
    expect(codes['-1']).toBe(400);
  });

  it("disputes: a rep cannot dispute another's line or a line of another statement", async () => {
    const post = (headers: AuthHeaders, statementId: number, lineId: number) =>
      app.inject({
        method: 'POST',
        url: `/api/commissions/statements/${statementId}/disputes`,
        headers,
        payload: { lineId, comment: 'Looks wrong' },
      });
    expect((await post(h.rep, st.otherPaid!.id, st.otherPaid!.lineIds[0]!)).statusCode).toBe(404);
    expect((await post(h.rep, st.repDraft!.id, st.repDraft!.lineIds[0]!)).statusCode).toBe(404);
    // Own statement, someone else's line id: the line is not on this statement.
    expect((await post(h.rep, st.repLocked!.id, st.otherPaid!.lineIds[0]!)).statusCode).toBe(404);
    // A manager may read the rep's statement but only its owner disputes it.
    expect((await post(h.manager, st.repLocked!.id, st.repLocked!.lineIds[0]!)).statusCode).toBe(403);
    const ok = await post(h.rep, st.repLocked!.id, st.repLocked!.lineIds[0]!);
    expect(ok.statusCode).toBe(201);
    const disputeId = ok.json().id as number;
    // The other rep does not see it in the dispute list; the manager and admin do.
    const list = async (headers: AuthHeaders) =>
      (
        (await get(headers, '/api/commissions/disputes')).json() as { disputes: Array<{ id: number }> }
      ).disputes.map((d) => d.id);
    expect(await list(h.other)).toEqual([]);
    expect(await list(h.manager)).toEqual([disputeId]);
    expect(await list(h.admin)).toEqual([disputeId]);
    // Only an admin resolves.
    const resolve = (headers: AuthHeaders) =>
      app.inject({
        method: 'POST',
        url: `/api/commissions/disputes/${disputeId}/resolve`,
        headers,
        payload: { decision: 'accepted', resolution: 'Split was 50/50', adjustmentMinor: 250 },
      });
    expect((await resolve(h.rep)).statusCode).toBe(403);
    expect((await resolve(h.manager)).statusCode).toBe(403);
    const resolved = await resolve(h.admin);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'accepted', adjustmentMinor: 250 });
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', '=', 'commission_dispute')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'resolve']);
  });

  it('the PDF follows the same rule: 404 for what the viewer may not read', async () => {
    const pdf = (headers: AuthHeaders, sid: number) =>
      get(headers, `/api/print/commission-statement/${sid}/pdf`);
    expect((await pdf(h.rep, st.otherPaid!.id)).statusCode).toBe(404);
    expect((await pdf(h.rep, st.repDraft!.id)).statusCode).toBe(404);
    // Readable: the request passes the rule and only then fails for want of a listening server (inject).
    expect((await pdf(h.rep, st.repLocked!.id)).statusCode).not.toBe(404);
  });

  it('payroll export and writes are admin-only; the CSV holds locked and paid statements only', async () => {
    for (const who of [h.rep, h.manager]) {
      expect((await get(who, '/api/commissions/export?period=2026-10')).statusCode).toBe(403);
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/api/commissions/runs',
            headers: who,
            payload: { period: '2026-10' },
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/commissions/statements/${st.repDraft!.id}/lock`,
            headers: who,
          })
        ).statusCode,
      ).toBe(403);
    }
    const res = await get(h.admin, '/api/commissions/export?period=2026-11');
    expect(res.statusCode).toBe(200);
    expect(res.body.trim().split('\n')).toHaveLength(1); // header only: November is all drafts
    const oct = await get(h.admin, '/api/commissions/export?period=2026-10');
    const rows = oct.body.trim().split('\n');
    expect(rows[0]).toBe(
      'period_key,user_id,user_external_id,email,name,currency,payout,payout_minor,status,statement_id,reference',
    );
    expect(rows).toHaveLength(5);
    expect(oct.body).toContain(`,USD,10.00,1000,locked,${st.repLocked!.id},COMM-2026-10-${st.repLocked!.id}`);
    expect(oct.body).toContain(`,USD,30.00,3000,paid,${st.otherPaid!.id},COMM-2026-10-${st.otherPaid!.id}`);
    // For a spreadsheet in a decimal-comma locale: semicolons and 10,00 (docs/localization.md).
    const pl = await get(h.admin, '/api/commissions/export?period=2026-10&separator=semicolon');
    expect(pl.body.split('\n')[0]).toContain('period_key;user_id;user_external_id;');
    expect(pl.body).toContain(`;USD;10,00;1000;locked;${st.repLocked!.id};COMM-2026-10-${st.repLocked!.id}`);
    expect((await get(h.admin, '/api/commissions/export?period=2026-10&separator=tab')).statusCode).toBe(400);
  });

  it('the trigger refuses to change a locked statement or its lines, and to delete it', async () => {
    await expect(
      ctx.db
        .updateTable('commission_statements')
        .set({ payout_minor: 1 })
        .where('id', '=', st.repLocked!.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      ctx.db
        .updateTable('commission_statement_lines')
        .set({ amount_minor: 1 })
        .where('statement_id', '=', st.repLocked!.id)
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      ctx.db.deleteFrom('commission_statements').where('id', '=', st.otherPaid!.id).execute(),
    ).rejects.toThrow(/cannot be deleted/);
    const after = await ctx.db
      .selectFrom('commission_statements')
      .select('payout_minor')
      .where('id', '=', st.repLocked!.id)
      .executeTakeFirstOrThrow();
    expect(after.payout_minor).toBe(1000);
  });
});
