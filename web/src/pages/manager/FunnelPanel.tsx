import { request } from '../../api/client.ts';
import type { Funnel, Ratio } from '../../api/types/funnel.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/**
 * The funnel for the period (GET /api/funnel): deals reaching each stage (chart), conversion to the next stage
 * and days in stage (table), and the lead funnel from lead to won.
 */
export function FunnelPanel({ periodKey }: { periodKey: string }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) => request<Funnel>('GET', '/api/funnel', { query: { period: periodKey }, signal }),
    [periodKey],
  );
  const parts = (r: Ratio | null) =>
    r && r.numerator !== undefined && r.denominator !== undefined
      ? t('metric.parts', { numerator: fmt.number(r.numerator), denominator: fmt.number(r.denominator) })
      : undefined;
  return (
    <Panel title={t('funnel.title')} testId="funnel" wide>
      <Async state={state} isEmpty={(f) => f.stages.length === 0}>
        {(funnel) => (
          <div className="two-col narrow">
            <div>
              <p className="muted">{funnel.pipeline.name}</p>
              <Chart
                label={t('funnel.chart')}
                height={40 + funnel.stages.length * 30}
                option={{
                  grid: { containLabel: true, left: 8, right: 32, top: 8, bottom: 8 },
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
                rowKey={(s) => s.stageId}
                testId="funnel-table"
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
                    cell: (s) => fmt.percent(s.conversion.value),
                    title: (s) => parts(s.conversion),
                  },
                  {
                    key: 'days',
                    header: t('funnel.days'),
                    numeric: true,
                    cell: (s) => fmt.number(s.medianDays),
                  },
                ]}
              />
            </div>
            <div>
              {funnel.leads.length > 0 && (
                <>
                  <h3>{t('funnel.leads')}</h3>
                  <DataTable
                    caption={t('funnel.leads')}
                    rows={funnel.leads}
                    rowKey={(l) => l.step}
                    columns={[
                      { key: 'step', header: t('funnel.step'), cell: (l) => t(`funnel.step.${l.step}`) },
                      {
                        key: 'count',
                        header: t('funnel.count'),
                        numeric: true,
                        cell: (l) => fmt.number(l.count),
                      },
                      {
                        key: 'previous',
                        header: t('funnel.fromPrevious'),
                        numeric: true,
                        cell: (l) => fmt.percent(l.fromPrevious?.value),
                        title: (l) => parts(l.fromPrevious),
                      },
                      {
                        key: 'leads',
                        header: t('funnel.fromLeads'),
                        numeric: true,
                        cell: (l) => fmt.percent(l.fromLeads.value),
                        title: (l) => parts(l.fromLeads),
                      },
                    ]}
                  />
                </>
              )}
            </div>
          </div>
        )}
      </Async>
    </Panel>
  );
}
