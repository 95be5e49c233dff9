import { getMetricDefinitions, getMetrics } from '../../api/metrics.ts';
import type { MetricDefinitionInfo, MetricReport } from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric, partsTitle } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { metricDescription, metricLabel } from '../../i18n/metric-label.ts';
import { t } from '../../i18n/t.ts';

/** The team KPIs on the manager home, effectiveness first, then efficiency and activity. */
export const TEAM_KPIS = [
  'won_revenue',
  'pipeline_value',
  'win_rate',
  'avg_deal_size',
  'quota_attainment_rate',
  'new_prospects',
  'meetings_held',
  'calls',
  'lead_response_time_p50',
  'sales_cycle_days_median',
] as const;

interface KpiData {
  definitions: Map<string, MetricDefinitionInfo>;
  report: MetricReport;
}

/**
 * KPI tiles for a period against the previous one. Values, previous values and the change all come from
 * GET /api/metrics with compare=previous; grouped by company, or narrowed to `userIds`.
 */
export function KpiPanel({
  periodKey,
  metricIds = TEAM_KPIS,
  userIds,
  title,
}: {
  periodKey: string;
  metricIds?: readonly string[];
  userIds?: number[];
  title?: string;
}) {
  const { fmt } = useWorkspace();
  const state = useApi<KpiData>(
    async (signal) => {
      const [defs, report] = await Promise.all([
        getMetricDefinitions(signal),
        getMetrics(
          { metrics: [...metricIds], period: periodKey, groupBy: 'company', userIds, comparePrevious: true },
          signal,
        ),
      ]);
      return { definitions: new Map(defs.map((d) => [d.id, d])), report };
    },
    [periodKey, userIds?.join(','), metricIds.join(',')],
  );
  return (
    <Panel title={title ?? t('manager.kpis')} wide testId="kpis">
      <Async state={state}>
        {({ definitions, report }) => {
          const row = report.rows[0];
          return (
            <>
              {report.previousPeriod && (
                <p className="muted">
                  {t('period.vs', {
                    from: fmt.date(report.period.from),
                    to: fmt.date(report.period.to),
                    prevFrom: fmt.date(report.previousPeriod.from),
                    prevTo: fmt.date(report.previousPeriod.to),
                  })}
                </p>
              )}
              <ul className="kpi-grid">
                {metricIds.map((id) => {
                  const def = definitions.get(id);
                  if (!def) return null;
                  const v = row?.values[id];
                  const change = v?.change ?? null;
                  const better =
                    change === null || change === 0 ? null : change > 0 === (def.direction === 'higher');
                  return (
                    <li key={id} className="kpi" data-metric={id} title={metricDescription(def)}>
                      <span className="kpi-label">{metricLabel(def)}</span>
                      <span
                        className="kpi-value"
                        title={partsTitle(fmt, def.unit, v)}
                        data-testid={`kpi-${id}`}
                      >
                        {formatMetric(fmt, def.unit, v?.value, true)}
                      </span>
                      <span
                        className={
                          better === null ? 'kpi-delta' : better ? 'kpi-delta good' : 'kpi-delta bad'
                        }
                        title={partsTitle(fmt, def.unit, {
                          value: v?.previous ?? null,
                          numerator: v?.previousNumerator,
                          denominator: v?.previousDenominator,
                        })}
                      >
                        {t('kpi.previous', { value: formatMetric(fmt, def.unit, v?.previous, true) })}
                      </span>
                    </li>
                  );
                })}
              </ul>
              {report.currenciesWithoutRate && (
                <p className="muted" role="note" data-testid="kpi-missing-rates">
                  {t('rates.leftOut', { currencies: report.currenciesWithoutRate.join(', ') })}
                </p>
              )}
            </>
          );
        }}
      </Async>
    </Panel>
  );
}
