import { useState } from 'react';
import { getUsers } from '../../api/people.ts';
import { getPlans } from '../../api/plans.ts';
import type { Plan, PlanStatusValue } from '../../api/types/plans.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';
import { PlanCard, PlanStatusPill } from './PlanCard.tsx';
import { RepPlansPanel } from './PlanRepPanel.tsx';

const STATUSES: PlanStatusValue[] = ['on_track', 'behind', 'met', 'not_met', 'not_started', 'no_data'];

/**
 * /coaching/plans: every plan the viewer may see (their own; a manager's subtree; admins all), filtered by state
 * and computed status; choosing one opens it, or a rep's whole plan panel (with the create form for managers).
 */
export function PlansPage() {
  const { me } = useSession();
  const [state, setState] = useState<'' | 'open' | 'closed'>('open');
  const [status, setStatus] = useState<'' | PlanStatusValue>('');
  const [selected, setSelected] = useState<number | null>(null);
  const [repId, setRepId] = useState<number | null>(null);
  const plans = useApi(
    (signal) => getPlans({ state: state || undefined, status: status || undefined }, signal),
    [state, status],
  );
  // Reps may not list users; managers and admins pick any rep they may see to open (and create) their plans.
  const users = useApi(async (signal) => (me && me.role !== 'rep' ? getUsers(signal) : []), [me?.role]);
  const reps = (users.data ?? []).filter((u) => u.role === 'rep' && u.active);
  const canManage = (p: Plan) =>
    !!me && (me.role === 'admin' || (me.role === 'manager' && me.id !== p.userId));
  return (
    <div className="page">
      <h1>{t('plans.pageTitle')}</h1>
      <Panel title={t('plans.title')} wide testId="plans-list">
        <div className="form-grid">
          <label>
            {t('plans.filterState')}
            <select value={state} onChange={(e) => setState(e.target.value as '' | 'open' | 'closed')}>
              <option value="">{t('plans.all')}</option>
              <option value="open">{t('plans.state.open')}</option>
              <option value="closed">{t('plans.state.closed')}</option>
            </select>
          </label>
          {reps.length > 0 && (
            <label>
              {t('plans.openRep')}
              <select
                data-testid="plans-rep"
                value={repId ?? ''}
                onChange={(e) => setRepId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">—</option>
                {reps.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('plans.filterStatus')}
            <select value={status} onChange={(e) => setStatus(e.target.value as '' | PlanStatusValue)}>
              <option value="">{t('plans.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`plans.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Async state={plans} isEmpty={(p) => p.length === 0} emptyMessage={t('plans.none')}>
          {(rows) => (
            <>
              <DataTable<Plan>
                caption={t('plans.title')}
                testId="plans-table"
                rows={rows}
                rowKey={(p) => p.id}
                columns={[
                  {
                    key: 'rep',
                    header: t('plans.rep'),
                    cell: (p) => (
                      <button type="button" className="link-button" onClick={() => setRepId(p.userId)}>
                        {p.userName}
                      </button>
                    ),
                  },
                  {
                    key: 'kind',
                    header: t('plans.kind'),
                    cell: (p) => t(`plans.kind.${p.kind}` as MessageKey),
                  },
                  {
                    key: 'title',
                    header: t('plans.titleField'),
                    cell: (p) => (
                      <button type="button" className="link-button" onClick={() => setSelected(p.id)}>
                        {p.title}
                      </button>
                    ),
                  },
                  {
                    key: 'dates',
                    header: t('plans.window'),
                    cell: (p) => t('plans.dates', { start: p.startOn, end: p.endOn }),
                  },
                  {
                    key: 'status',
                    header: t('plans.status'),
                    cell: (p) => <PlanStatusPill status={p.status.status} />,
                  },
                ]}
              />
              {rows
                .filter((p) => p.id === selected)
                .map((p) => (
                  <PlanCard
                    key={p.id}
                    plan={p}
                    canManage={canManage(p)}
                    canCheckIn={canManage(p) || me?.id === p.userId}
                    onChange={plans.reload}
                  />
                ))}
            </>
          )}
        </Async>
      </Panel>
      {repId !== null && <RepPlansPanel repId={repId} />}
    </div>
  );
}
