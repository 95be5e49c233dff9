import { request } from '../../api/client.ts';
import type { Backtest, Forecast, MethodResult } from '../../api/types/forecast.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** Forecast methods side by side with their range and their track record (past error), from the forecast API. */
export function ForecastPanel({ period = 'quarter' }: { period?: 'month' | 'quarter' }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) => {
      const [forecast, backtest] = await Promise.all([
        request<Forecast>('GET', '/api/forecast', { query: { grain: period }, signal }),
        request<Backtest>('GET', '/api/forecast/backtest', { query: { grain: period }, signal }).catch(
          () => null,
        ),
      ]);
      return { forecast, backtest };
    },
    [period],
  );
  return (
    <Panel title={t('forecast.title')} wide testId="forecast">
      <Async state={state} isEmpty={(d) => d.forecast.methods.length === 0}>
        {({ forecast, backtest }) => {
          const record = new Map((backtest?.methods ?? []).map((m) => [m.method, m]));
          const name = (m: MethodResult) => t(`forecast.method.${m.method}`);
          return (
            <>
              <p className="muted">{t('forecast.period', { key: forecast.period.key })}</p>
              <Chart
                label={t('forecast.chart')}
                height={240}
                option={{
                  grid: { containLabel: true, left: 8, right: 16, top: 24, bottom: 8 },
                  tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmt.money(Number(v)) },
                  legend: { top: 0 },
                  xAxis: { type: 'category', data: forecast.methods.map(name) },
                  yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.moneyCompact(v) } },
                  series: [
                    {
                      type: 'bar',
                      stack: 'f',
                      name: t('forecast.won'),
                      data: forecast.methods.map((m) => m.wonToDate),
                    },
                    {
                      type: 'bar',
                      stack: 'f',
                      name: t('forecast.projected'),
                      data: forecast.methods.map((m) => m.projected),
                    },
                  ],
                }}
              />
              <DataTable
                caption={t('forecast.title')}
                rows={forecast.methods}
                rowKey={(m) => m.method}
                testId="forecast-table"
                columns={[
                  { key: 'method', header: t('forecast.method'), cell: name },
                  {
                    key: 'value',
                    header: t('forecast.value'),
                    numeric: true,
                    cell: (m) => fmt.money(m.value),
                  },
                  {
                    key: 'range',
                    header: t('forecast.range'),
                    numeric: true,
                    cell: (m) =>
                      m.low === null || m.high === null
                        ? '–'
                        : t('period.range', { from: fmt.money(m.low), to: fmt.money(m.high) }),
                  },
                  {
                    key: 'won',
                    header: t('forecast.won'),
                    numeric: true,
                    cell: (m) => fmt.money(m.wonToDate),
                  },
                  {
                    key: 'error',
                    header: t('forecast.trackRecord'),
                    numeric: true,
                    cell: (m) => fmt.percent(record.get(m.method)?.mape ?? null),
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
