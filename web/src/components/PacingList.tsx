import type { GoalPacing } from '../api/types/goals.ts';
import type { MetricDefinitionInfo } from '../api/types/metrics.ts';
import { formatMetric } from '../format/metric-value.ts';
import { useWorkspace } from '../format/workspace.tsx';
import { t } from '../i18n/t.ts';

const STATUS_CLASS = { on_track: 'good', at_risk: 'warn', behind: 'bad', no_data: '' } as const;

/** Goals with actual vs target, a progress bar, the expected-to-date mark and the pacing status from the API. */
export function PacingList({
  items,
  definitions,
  names,
}: {
  items: GoalPacing[];
  definitions: Map<string, MetricDefinitionInfo>;
  /** 'user:ID' / 'team:ID' -> name, to say whose goal it is; omitted on the rep's own page. */
  names?: Map<string, string>;
}) {
  const { fmt } = useWorkspace();
  return (
    <ul className="pacing-list">
      {items.map(({ goal, period, pacing }) => {
        const unit = definitions.get(goal.metricId)?.unit;
        const owner =
          goal.scopeType === 'company'
            ? t('explore.group.company')
            : names?.get(`${goal.scopeType}:${goal.scopeId}`);
        // Bar length is display geometry only; every number shown is the API's.
        const share =
          pacing.target > 0 && pacing.actual !== null ? Math.min(1, pacing.actual / pacing.target) : 0;
        return (
          <li key={`${goal.id}:${period.key}`} data-goal={goal.id}>
            <div className="pacing-head">
              <span className="pacing-name">
                {/* <bdi>: a Latin name or code keeps its own order inside a right-to-left page. */}
                <bdi>{goal.name}</bdi>
                {names && owner ? (
                  <>
                    {' · '}
                    <bdi>{owner}</bdi>
                  </>
                ) : null}{' '}
                <span className="muted">
                  · <bdi className="nowrap">{period.key}</bdi>
                </span>
              </span>
              <span className={`pill ${STATUS_CLASS[pacing.status]}`}>{t(`pace.${pacing.status}`)}</span>
            </div>
            <div
              className={`progress ${pacing.status === 'behind' ? 'behind' : pacing.status === 'on_track' ? 'ahead' : ''}`}
              role="progressbar"
              aria-label={goal.name}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share * 100)}
            >
              <span style={{ inlineSize: `${share * 100}%` }} />
            </div>
            <div className="pacing-numbers">
              <span data-testid="pacing-actual">
                {t('pace.actualOfTarget', {
                  actual: formatMetric(fmt, unit, pacing.actual),
                  target: formatMetric(fmt, unit, pacing.target),
                })}
              </span>
              <span>{t('pace.expected', { value: formatMetric(fmt, unit, pacing.expectedToDate) })}</span>
              {pacing.projected !== null && (
                <span>{t('pace.projected', { value: formatMetric(fmt, unit, pacing.projected) })}</span>
              )}
              {pacing.requiredPerBusinessDay !== null && pacing.requiredPerBusinessDay > 0 && (
                <span>
                  {t('pace.perDay', { value: formatMetric(fmt, unit, pacing.requiredPerBusinessDay) })}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
