import { getPlans } from '../../api/plans.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';
import { PlanCard } from './PlanCard.tsx';
import { PlanCreateForm } from './PlanCreateForm.tsx';

/**
 * A rep's development plans and PIPs with the server-computed status per target and their check-ins, for the
 * per-rep coaching page and the one-to-one pack. The rep adds check-ins to their own plans; their managers and
 * admins also create plans and record outcomes (the server enforces the same rules and answers 404 for a rep
 * out of the viewer's reach, shown as "not available").
 */
export function RepPlansPanel({ repId }: { repId: number }) {
  const { me } = useSession();
  const plans = useApi((signal) => getPlans({ userId: repId }, signal), [repId]);
  const canManage = !!me && (me.role === 'admin' || (me.role === 'manager' && me.id !== repId));
  const canCheckIn = canManage || me?.id === repId;
  return (
    <Panel title={t('plans.title')} wide testId="rep-plans">
      <p className="muted">{t('plans.help')}</p>
      <Async state={plans} isEmpty={(p) => p.length === 0} emptyMessage={t('plans.none')}>
        {(rows) => (
          <>
            {rows.map((plan) => (
              <PlanCard
                key={plan.id}
                plan={plan}
                canManage={canManage}
                canCheckIn={canCheckIn}
                onChange={plans.reload}
              />
            ))}
          </>
        )}
      </Async>
      {canManage && <PlanCreateForm repId={repId} onCreated={plans.reload} />}
    </Panel>
  );
}
