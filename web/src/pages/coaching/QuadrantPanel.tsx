import { useMemo } from 'react';
import type { Quadrant, QuadrantsReport, RepQuadrant } from '../../api/types/coaching.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';
import { getQuadrants } from './coaching-api.ts';
import { QUADRANT_COLORS, quadrantLabel } from './quadrant-label.ts';

const GROUPS = Object.keys(QUADRANT_COLORS) as Quadrant[];

function scatter(q: QuadrantsReport): EChartsOption {
  const { levelPercentile, trendSlope } = q.thresholds;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data: { name: string; value: [number, number] } }).data;
        return `${d.name}: ${d.value[0]} / ${d.value[1]}`;
      },
    },
    legend: { top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 48 },
    xAxis: {
      type: 'value',
      name: t('coaching.level'),
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      max: 100,
    },
    yAxis: { type: 'value', name: t('coaching.trend'), nameLocation: 'middle', nameGap: 40 },
    series: GROUPS.map((g, i) => ({
      name: t(`coaching.${g}`),
      type: 'scatter',
      symbolSize: 12,
      itemStyle: { color: QUADRANT_COLORS[g] },
      data: q.reps
        .filter((r) => r.quadrant === g && r.levelPercentile !== null && r.slope !== null)
        .map((r) => ({ name: r.name, value: [r.levelPercentile, r.slope] })),
      // The thresholds, drawn once: where "top" starts and what counts as growing.
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#888' },
              data: [{ xAxis: levelPercentile }, { yAxis: trendSlope }],
            },
          }
        : {}),
    })),
  };
}

/** Every visible rep placed by level x trend (GET /api/coaching/quadrants), as a scatter and a table with history. */
export function QuadrantPanel() {
  const { fmt } = useWorkspace();
  const state = useApi((signal) => getQuadrants(undefined, signal), []);
  const option = useMemo(() => (state.data ? scatter(state.data) : null), [state.data]);
  return (
    <Panel title={t('coaching.quadrants')} wide testId="coaching-quadrants">
      <Async state={state} isEmpty={(q) => q.reps.length === 0} emptyMessage={t('coaching.noReps')}>
        {(q) => (
          <>
            <p className="muted">
              {t('coaching.quadrantsHelp', {
                periods: q.periods,
                from: q.window[0] ?? '',
                to: q.window[q.window.length - 1] ?? '',
              })}
            </p>
            {option && <Chart option={option} label={t('coaching.quadrants')} height={320} />}
            <DataTable<RepQuadrant>
              caption={t('coaching.history')}
              testId="coaching-quadrant-table"
              rows={q.reps}
              rowKey={(r) => r.userId}
              columns={[
                { key: 'rep', header: t('coaching.rep'), cell: (r) => r.name },
                { key: 'group', header: t('coaching.group'), cell: (r) => quadrantLabel(r.quadrant) },
                {
                  key: 'level',
                  header: t('coaching.level'),
                  numeric: true,
                  cell: (r) => fmt.number(r.levelPercentile, 1),
                },
                {
                  key: 'trend',
                  header: t('coaching.trend'),
                  numeric: true,
                  cell: (r) => fmt.number(r.slope, 2),
                },
                {
                  key: 'history',
                  header: t('coaching.history'),
                  cell: (r) =>
                    r.history.map((h) => quadrantLabel(h.quadrant)).join(t('common.sequenceSeparator')),
                  title: (r) => r.history.map((h) => isolate(h.period)).join(t('common.sequenceSeparator')),
                },
              ]}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
