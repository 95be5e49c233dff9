import type { RepKpi } from '../../api/types/coaching.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { metricLabel } from '../../i18n/metric-label.ts';
import { useRange } from '../../period/use-range.ts';
import { getBenchmarks } from './coaching-api.ts';

/**
 * One rep's scorecard for a period (GET /api/coaching/benchmarks?userId=): activity and results scores with their
 * percentile, and each KPI beside its benchmark, the team median and top quartile. For the rep page and the
 * one-to-one pack; `periodKey` defaults to the current month.
 */
export function RepScorecardPanel({ repId, periodKey }: { repId: number; periodKey?: string }) {
  const { fmt } = useWorkspace();
  const month = useRange('month').periodKey;
  const period = periodKey ?? month;
  const state = useApi((signal) => getBenchmarks(period, repId, signal), [period, repId]);
  return (
    <Panel title={t('coaching.benchmarks')} wide testId="rep-scorecard">
      <Async state={state} isEmpty={(b) => b.reps.length === 0} emptyMessage={t('coaching.noReps')}>
        {(b) => {
          const rep = b.reps[0]!;
          return (
            <>
              <p className="muted">
                {rep.name} · {b.period.key} · {t('coaching.peers', { count: b.peers })}
              </p>
              <ul className="kpi-grid">
                <li className="kpi">
                  <span className="kpi-label">{t('coaching.activityScore')}</span>
                  <span className="kpi-value" data-testid="rep-activity-score">
                    {fmt.number(rep.activityScore, 1)}
                  </span>
                  <span className="kpi-delta">
                    {t('coaching.percentile')} {fmt.number(rep.activityPercentile, 1)}
                  </span>
                </li>
                <li className="kpi">
                  <span className="kpi-label">{t('coaching.resultsScore')}</span>
                  <span className="kpi-value" data-testid="rep-results-score">
                    {fmt.number(rep.resultsScore, 1)}
                  </span>
                  <span className="kpi-delta">
                    {t('coaching.percentile')} {fmt.number(rep.resultsPercentile, 1)}
                  </span>
                </li>
                {rep.ramp < 1 && (
                  <li className="kpi">
                    <span className="kpi-label">{t('coaching.ramp')}</span>
                    <span className="kpi-value">{fmt.percent(rep.ramp)}</span>
                  </li>
                )}
              </ul>
              <DataTable<RepKpi>
                caption={t('coaching.benchmarks')}
                testId="rep-kpis"
                rows={rep.kpis}
                rowKey={(k) => k.metricId}
                columns={[
                  {
                    key: 'metric',
                    header: t('coaching.metric'),
                    cell: (k) => metricLabel({ id: k.metricId, label: k.label }),
                  },
                  {
                    key: 'value',
                    header: t('coaching.value'),
                    numeric: true,
                    cell: (k) => formatMetric(fmt, k.unit, k.value),
                  },
                  {
                    key: 'benchmark',
                    header: t('coaching.benchmark'),
                    numeric: true,
                    cell: (k) => formatMetric(fmt, k.unit, k.benchmark),
                  },
                  {
                    key: 'median',
                    header: t('coaching.median'),
                    numeric: true,
                    cell: (k) => formatMetric(fmt, k.unit, k.median),
                  },
                  {
                    key: 'top',
                    header: t('coaching.topQuartile'),
                    numeric: true,
                    cell: (k) => formatMetric(fmt, k.unit, k.topQuartile),
                  },
                  {
                    key: 'percentile',
                    header: t('coaching.percentile'),
                    numeric: true,
                    cell: (k) => fmt.number(k.percentile, 1),
                  },
                ]}
              />
            </>
          );
        }}
      </Async>
    </Panel>
  );
}
