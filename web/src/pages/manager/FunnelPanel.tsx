import { request } from '../../api/client.ts';
import type { Funnel } from '../../api/types/funnel.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import type { DateRange } from '../../period/ranges.ts';

/** The funnel: how many reached each stage (chart), conversion to the next and days in stage (table). */
export function FunnelPanel({ range }: { range: DateRange }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) => request<Funnel>('GET', '/api/funnel', { query: { ...range }, signal }),
    [range.from, range.to],
  );
  return (
    <Panel title={t('funnel.title')} testId="funnel">
      <Async state={state} isEmpty={(f) => f.stages.length === 0}>
        {(funnel) => (
          <>
            <Chart
              label={t('funnel.chart')}
              height={220}
              option={{
                grid: { containLabel: true, left: 8, right: 24, top: 8, bottom: 8 },
                tooltip: { trigger: 'axis' },
                yAxis: { type: 'category', inverse: true, data: funnel.stages.map((s) => s.name) },
                xAxis: { type: 'value' },
                series: [
                  {
                    type: 'bar',
                    name: t('funnel.entered'),
                    data: funnel.stages.map((s) => s.entered),
                    label: { show: true, position: 'right' },
                  },
                ],
              }}
            />
            <DataTable
              caption={t('funnel.title')}
              rows={funnel.stages}
              rowKey={(s, i) => `${s.stageId ?? s.name}:${i}`}
              columns={[
                { key: 'stage', header: t('funnel.stage'), cell: (s) => s.name },
                {
                  key: 'entered',
                  header: t('funnel.entered'),
                  numeric: true,
                  cell: (s) => fmt.number(s.entered),
                },
                {
                  key: 'conversion',
                  header: t('funnel.conversion'),
                  numeric: true,
                  cell: (s) => fmt.percent(s.conversion),
                  title: (s) => t('metric.parts', { numerator: s.advanced, denominator: s.entered }),
                },
                {
                  key: 'days',
                  header: t('funnel.days'),
                  numeric: true,
                  cell: (s) => fmt.number(s.medianDaysInStage),
                },
              ]}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
