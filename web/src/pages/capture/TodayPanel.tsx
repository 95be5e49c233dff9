import { getMetricDefinitions } from '../../api/metrics.ts';
import type { TodayReport } from '../../api/types/capture.ts';
import { TODAY_METRICS } from '../../api/types/capture.ts';
import type { ApiState } from '../../api/use-api.ts';
import { useApi } from '../../api/use-api.ts';
import { PacingList } from '../../components/PacingList.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async, Empty } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** The signed-in user's day: counts from the metrics engine, day goals with pacing, next steps due today. */
export function TodayPanel({ state }: { state: ApiState<TodayReport> }) {
  const { fmt } = useWorkspace();
  const definitions = useApi((signal) => getMetricDefinitions(signal), []);
  const defs = new Map((definitions.data ?? []).map((d) => [d.id, d]));
  return (
    <Panel title={t('today.title')} testId="today">
      <Async state={state}>
        {(today) => (
          <>
            <p className="muted">{t('today.date', { date: fmt.date(today.date) })}</p>
            <ul className="kpi-grid today-grid">
              {TODAY_METRICS.map((id) => (
                <li key={id} className="kpi" data-metric={id}>
                  <span className="kpi-label">{t(`today.metric.${id}`)}</span>
                  <span className="kpi-value" data-testid={`today-${id}`}>
                    {fmt.number(today.values[id], 0)}
                  </span>
                </li>
              ))}
            </ul>
            <h3>{t('today.goals')}</h3>
            {today.goals.length === 0 ? (
              <Empty message={t('today.noGoals')} />
            ) : (
              <PacingList items={today.goals} definitions={defs} />
            )}
            <h3>{t('today.scheduled')}</h3>
            {today.scheduled.length === 0 ? (
              <Empty message={t('today.noScheduled')} />
            ) : (
              <ul className="today-steps" data-testid="today-scheduled">
                {today.scheduled.map((s) => (
                  <li key={s.id}>
                    <span className="muted">{fmt.time(s.occurredAt)}</span>{' '}
                    {t(`log.type.${s.type as 'call'}`)} · {s.contactName ?? '—'}
                    {s.note ? <span className="muted"> · {s.note}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Async>
    </Panel>
  );
}
