import { getMetricDefinitions, getMetrics } from '../../api/metrics.ts';
import type { MetricDefinitionInfo, MetricRow } from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric, partsTitle } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import type { DateRange } from '../../period/ranges.ts';

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
  current: MetricRow | undefined;
  previous: MetricRow | undefined;
}

/** Team KPI tiles for the chosen period against the previous one (all numbers from GET /api/metrics). */
export function KpiPanel({
  range,
  previous,
  metricIds = TEAM_KPIS,
  userIds,
  title,
}: {
  range: DateRange;
  previous: DateRange;
  metricIds?: readonly string[];
  userIds?: number[];
  title?: string;
}) {
  const { fmt } = useWorkspace();
  const state = useApi<KpiData>(
    async (signal) => {
      const [defs, now, before] = await Promise.all([
        getMetricDefinitions(signal),
        getMetrics({ metrics: [...metricIds], ...range, groupBy: 'company', userIds }, signal),
        getMetrics({ metrics: [...metricIds], ...previous, groupBy: 'company', userIds }, signal),
      ]);
      return { definitions: new Map(defs.map((d) => [d.id, d])), current: now[0], previous: before[0] };
    },
    [range.from, range.to, previous.from, userIds?.join(','), metricIds.join(',')],
  );
  return (
    <Panel title={title ?? t('manager.kpis')} wide testId="kpis">
      <Async state={state}>
        {({ definitions, current, previous: prev }) => (
          <ul className="kpi-grid">
            {metricIds.map((id) => {
              const def = definitions.get(id);
              if (!def) return null;
              const now = current?.values[id];
              const before = prev?.values[id];
              const delta =
                now?.value !== null &&
                now?.value !== undefined &&
                before?.value !== null &&
                before?.value !== undefined
                  ? now.value - before.value
                  : null;
              const better =
                delta === null || delta === 0 ? null : delta > 0 === (def.direction === 'higher');
              return (
                <li key={id} className="kpi" data-metric={id} title={def.description}>
                  <span className="kpi-label">{def.label}</span>
                  <span
                    className="kpi-value"
                    title={partsTitle(fmt, def.unit, now)}
                    data-testid={`kpi-${id}`}
                  >
                    {formatMetric(fmt, def.unit, now?.value)}
                  </span>
                  <span
                    className={better === null ? 'kpi-delta' : better ? 'kpi-delta good' : 'kpi-delta bad'}
                  >
                    {t('kpi.previous', { value: formatMetric(fmt, def.unit, before?.value) })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Async>
    </Panel>
  );
}
