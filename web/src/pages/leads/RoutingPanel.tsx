import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { getUsers } from '../../api/people.ts';
import type { Me } from '../../api/types/auth.ts';
import type { FairnessRow, OutOfOffice, RoutingRule } from '../../api/types/routing.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { lastDays } from './report-range.ts';
import { UserText } from '../../i18n/t-nodes.tsx';

function criteria(r: RoutingRule): string {
  const parts: string[] = [];
  if (r.countries?.length) parts.push(r.countries.join(', '));
  if (r.regions?.length) parts.push(r.regions.join(', '));
  if (r.industries?.length) parts.push(r.industries.join(', '));
  if (r.minCompanySize !== null || r.maxCompanySize !== null)
    parts.push(t('routing.size', { min: r.minCompanySize ?? 0, max: r.maxCompanySize ?? '∞' }));
  if (r.accountIds?.length) parts.push(t('routing.accounts', { count: r.accountIds.length }));
  return parts.length ? parts.join(' · ') : t('routing.anyLead');
}

/**
 * Routing: the rules in the order they are tried (admins add and remove them; managers read), who received how
 * many leads and of what quality over the last 90 days (fairness), and out-of-office dates (a rep their own, a
 * manager their team's, an admin anyone's), which routing skips.
 */
export function RoutingPanel({ me }: { me: Me }) {
  const { fmt, settings } = useWorkspace();
  const range = settings ? lastDays(settings.timeZone, 90) : null;
  // Reps may not list users: they see their own out-of-office dates, named from their session.
  const users = useApi(async (signal) => (me.role === 'rep' ? [] : getUsers(signal)), [me.role]);
  const names = new Map([[me.id, me.name], ...(users.data ?? []).map((u) => [u.id, u.name] as const)]);
  const rules = useApi(
    async (signal) =>
      (await request<{ rules: RoutingRule[] }>('GET', '/api/routing/rules', { signal })).rules,
    [],
  );
  const fairness = useApi(
    async (signal) =>
      range
        ? (await request<{ rows: FairnessRow[] }>('GET', '/api/routing/fairness', { query: range, signal }))
            .rows
        : [],
    [range?.from, range?.to],
  );
  const ooo = useApi(
    async (signal) =>
      (await request<{ periods: OutOfOffice[] }>('GET', '/api/routing/out-of-office', { signal })).periods,
    [],
  );
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [rule, setRule] = useState({ name: '', countries: '', reps: [] as number[] });
  const [away, setAway] = useState({ userId: me.id, startsOn: '', endsOn: '', note: '' });
  const reps = (users.data ?? []).filter((u) => u.role === 'rep' && u.active);

  async function addRule(e: FormEvent) {
    e.preventDefault();
    const countries = rule.countries
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean);
    const body = { name: rule.name, countries: countries.length ? countries : null, repIds: rule.reps };
    if (await runSave(setSave, () => request('POST', '/api/routing/rules', { body }))) {
      setRule({ name: '', countries: '', reps: [] });
      rules.reload();
    }
  }
  async function removeRule(id: number) {
    if (await runSave(setSave, () => request('DELETE', `/api/routing/rules/${id}`))) rules.reload();
  }
  async function addAway(e: FormEvent) {
    e.preventDefault();
    const body = {
      userId: away.userId,
      startsOn: away.startsOn,
      endsOn: away.endsOn,
      note: away.note || null,
    };
    if (await runSave(setSave, () => request('POST', '/api/routing/out-of-office', { body }))) ooo.reload();
  }
  async function removeAway(id: number) {
    if (await runSave(setSave, () => request('DELETE', `/api/routing/out-of-office/${id}`))) ooo.reload();
  }

  return (
    <Panel title={t('routing.title')} wide testId="routing">
      {me.role !== 'rep' && (
        <>
          <h3>{t('routing.rules')}</h3>
          <Async state={rules} isEmpty={(r) => r.length === 0} emptyMessage={t('routing.noRules')}>
            {(list) => (
              <DataTable<RoutingRule>
                caption={t('routing.rules')}
                testId="routing-rules"
                rows={list}
                rowKey={(r) => r.id}
                columns={[
                  { key: 'position', header: '#', numeric: true, cell: (r) => r.position },
                  { key: 'name', header: t('routing.rule'), cell: (r) => r.name },
                  { key: 'criteria', header: t('routing.criteria'), cell: criteria },
                  {
                    key: 'reps',
                    header: t('routing.reps'),
                    cell: (r) =>
                      r.teamId !== null && r.repIds.length === 0
                        ? t('routing.team')
                        : r.repIds.map((id) => names.get(id) ?? `#${id}`).join(', '),
                  },
                  ...(me.role === 'admin'
                    ? [
                        {
                          key: 'remove',
                          header: '',
                          cell: (r: RoutingRule) => (
                            <button type="button" className="secondary" onClick={() => void removeRule(r.id)}>
                              {t('routing.remove')}
                            </button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Async>
          {me.role === 'admin' && (
            <form className="form-grid" onSubmit={(e) => void addRule(e)} data-testid="routing-rule-form">
              <label>
                {t('routing.rule')}
                <input
                  required
                  value={rule.name}
                  onChange={(e) => setRule({ ...rule, name: e.target.value })}
                />
              </label>
              <label>
                {t('routing.countries')}
                <input
                  value={rule.countries}
                  placeholder="PL, RO"
                  onChange={(e) => setRule({ ...rule, countries: e.target.value })}
                />
              </label>
              <label>
                {t('routing.reps')}
                <select
                  multiple
                  value={rule.reps.map(String)}
                  onChange={(e) =>
                    setRule({ ...rule, reps: [...e.target.selectedOptions].map((o) => Number(o.value)) })
                  }
                >
                  {reps.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </label>
              <div className="form-actions">
                <button type="submit">{t('routing.addRule')}</button>
              </div>
            </form>
          )}
          <h3>{t('routing.fairness')}</h3>
          <Async state={fairness} isEmpty={(r) => r.length === 0} emptyMessage={t('routing.noAssignments')}>
            {(rows) => (
              <DataTable<FairnessRow>
                caption={t('routing.fairness')}
                testId="routing-fairness"
                rows={rows}
                rowKey={(r) => r.userId}
                columns={[
                  { key: 'name', header: t('routing.rep'), cell: (r) => r.name },
                  {
                    key: 'received',
                    header: t('routing.received'),
                    numeric: true,
                    cell: (r) => fmt.number(r.leadsAssigned),
                  },
                  {
                    key: 'score',
                    header: t('routing.averageScore'),
                    numeric: true,
                    cell: (r) => fmt.number(r.averageScore, 1),
                  },
                ]}
              />
            )}
          </Async>
        </>
      )}
      <h3>{t('routing.away')}</h3>
      <Async state={ooo} isEmpty={(r) => r.length === 0} emptyMessage={t('routing.noneAway')}>
        {(periods) => (
          <DataTable<OutOfOffice>
            caption={t('routing.away')}
            testId="routing-ooo"
            rows={periods}
            rowKey={(p) => p.id}
            columns={[
              { key: 'who', header: t('routing.rep'), cell: (p) => names.get(p.userId) ?? `#${p.userId}` },
              { key: 'from', header: t('routing.from'), cell: (p) => fmt.date(p.startsOn) },
              { key: 'to', header: t('routing.to'), cell: (p) => fmt.date(p.endsOn) },
              {
                key: 'note',
                header: t('routing.note'),
                cell: (p) => (p.note ? <UserText>{p.note}</UserText> : ''),
              },
              {
                key: 'remove',
                header: '',
                cell: (p) => (
                  <button type="button" className="secondary" onClick={() => void removeAway(p.id)}>
                    {t('routing.remove')}
                  </button>
                ),
              },
            ]}
          />
        )}
      </Async>
      <form className="form-grid" onSubmit={(e) => void addAway(e)} data-testid="routing-ooo-form">
        {me.role !== 'rep' && (
          <label>
            {t('routing.rep')}
            <select
              value={away.userId}
              onChange={(e) => setAway({ ...away, userId: Number(e.target.value) })}
            >
              {(users.data ?? [])
                .filter((u) => u.active)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          </label>
        )}
        <label>
          {t('routing.from')}
          <input
            type="date"
            required
            value={away.startsOn}
            onChange={(e) => setAway({ ...away, startsOn: e.target.value })}
          />
        </label>
        <label>
          {t('routing.to')}
          <input
            type="date"
            required
            value={away.endsOn}
            onChange={(e) => setAway({ ...away, endsOn: e.target.value })}
          />
        </label>
        <label>
          {t('routing.note')}
          <input value={away.note} onChange={(e) => setAway({ ...away, note: e.target.value })} />
        </label>
        <div className="form-actions">
          <button type="submit">{t('routing.addAway')}</button>
          <SaveStatus state={save} />
        </div>
      </form>
    </Panel>
  );
}
