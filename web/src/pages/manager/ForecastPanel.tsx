import { useEffect, useState } from 'react';
import { request } from '../../api/client.ts';
import type { Forecast, MethodResult } from '../../api/types/forecast.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';
import { NoticeItems } from '../../components/notice-text.tsx';

/** Fixed Monte Carlo seed, so the dashboard shows the same numbers on every load (and as the API for the same seed). */
export const FORECAST_SEED = 1;

/** How often the panel asks again while it shows an answer the data has moved past, and for how long at most. */
export const STALE_POLL_MS = 2_000;
const STALE_POLLS = 60;

/**
 * Forecast methods side by side with their range and their track record (GET /api/forecast). After a change to the
 * deals the forecast takes seconds to compute at 200 reps, so the panel asks with stale=allow: it shows the last
 * answer of the day at once, labelled with the time it was made and "updating…", asks again every STALE_POLL_MS
 * (the server computes the current answer meanwhile) and swaps in the current one, which drops the label.
 */
export function ForecastPanel({ periodKey, scope = 'company' }: { periodKey: string; scope?: string }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) =>
      request<Forecast>('GET', '/api/forecast', {
        // The panel shows no deal lines: for a 200-rep company they were 1.5 MB of the answer.
        query: {
          period: periodKey,
          scope,
          seed: FORECAST_SEED,
          trackRecord: 'true',
          deals: 'false',
          stale: 'allow',
        },
        signal,
      }),
    [periodKey, scope],
  );
  const stale = state.data?.stale === true;
  const [polls, setPolls] = useState(0);
  const { reload, loading } = state;
  useEffect(() => {
    if (!stale) {
      setPolls(0);
      return;
    }
    if (loading || polls >= STALE_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      reload();
    }, STALE_POLL_MS);
    return () => clearTimeout(timer);
  }, [stale, loading, polls, reload]);
  return (
    <Panel title={t('forecast.title')} wide testId="forecast">
      <Async state={state} isEmpty={(f) => f.methods.length === 0}>
        {(forecast) => {
          const record = new Map((forecast.trackRecord?.methods ?? []).map((m) => [m.method, m]));
          // The error at the start, week 2 and mid-period of the past periods, each with how many periods it rests on.
          const slots = [
            ['errorStart', 'atStart', 'forecast.errorAtStart'],
            ['errorWeek2', 'atWeek2', 'forecast.errorAtWeek2'],
            ['errorMid', 'atMid', 'forecast.errorAtMid'],
          ] as const;
          const periods = (slot: (typeof slots)[number][1]) =>
            Math.max(0, ...(forecast.trackRecord?.methods ?? []).map((m) => m[slot].n));
          const name = (m: MethodResult) => t(`forecast.method.${m.method}`);
          return (
            <>
              {forecast.stale && (
                <p role="status" data-testid="forecast-freshness">
                  <span className="pill warn" title={fmt.dateTime(forecast.asOf)}>
                    {t(polls >= STALE_POLLS ? 'forecast.notUpdated' : 'forecast.updating', {
                      time: fmt.time(forecast.asOf),
                    })}
                  </span>
                </p>
              )}
              <p className="muted">
                {t('forecast.period', {
                  key: isolate(forecast.period.key),
                  scope: forecast.scope.key === 'company' ? t('forecast.scopeCompany') : forecast.scope.name,
                })}
                {forecast.range &&
                  ` · ${t('forecast.p10p90', { low: fmt.money(forecast.range.p10), high: fmt.money(forecast.range.p90) })}`}
                {forecast.trackRecord?.best &&
                  ` · ${t('forecast.best', { method: t(`forecast.method.${forecast.trackRecord.best}`) })}`}
              </p>
              {forecast.recommended && (
                <p data-testid="forecast-recommended">
                  {t('forecast.recommended', {
                    method:
                      forecast.recommended.method === 'blended'
                        ? t('forecast.blended')
                        : t(`forecast.method.${forecast.recommended.method}`),
                    value: fmt.money(forecast.recommended.value),
                  })}
                  {forecast.recommended.method !== 'blended' && (
                    <span className="muted"> · {t('forecast.blendNotBetter')}</span>
                  )}
                </p>
              )}
              <Chart
                label={t('forecast.chart')}
                height={240}
                option={{
                  grid: { containLabel: true, left: 8, right: 16, top: 32, bottom: 8 },
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
                      name: t('forecast.inPipeline'),
                      data: forecast.methods.map((m) => m.inPipeline ?? m.projected),
                    },
                    {
                      type: 'bar',
                      stack: 'f',
                      name: t('forecast.toBeCreated'),
                      data: forecast.methods.map((m) => m.toBeCreated ?? 0),
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
                    key: 'inPipeline',
                    header: t('forecast.inPipeline'),
                    numeric: true,
                    cell: (m) => (m.inPipeline === null ? '–' : fmt.money(m.inPipeline)),
                  },
                  {
                    key: 'toBeCreated',
                    header: t('forecast.toBeCreated'),
                    numeric: true,
                    cell: (m) => (m.toBeCreated === null ? '–' : fmt.money(m.toBeCreated)),
                  },
                  ...slots.map(([key, slot, header]) => ({
                    key,
                    header: t(header, { n: periods(slot) }),
                    numeric: true,
                    cell: (m: MethodResult) => {
                      const r = record.get(m.method)?.[slot];
                      return r && r.mape !== null
                        ? t('forecast.errorCell', { mape: fmt.percent(r.mape), bias: fmt.percent(r.bias) })
                        : '–';
                    },
                    title: (m: MethodResult) => {
                      const r = record.get(m.method)?.[slot];
                      return r ? t('forecast.trackDetail', { n: r.n, bias: fmt.percent(r.bias) }) : undefined;
                    },
                  })),
                ]}
              />
              {forecast.calibration.length > 0 && (
                <DataTable
                  caption={t('forecast.calibration')}
                  rows={forecast.calibration}
                  rowKey={(c) => String(c.stageId)}
                  testId="calibration-table"
                  columns={[
                    { key: 'stage', header: t('forecast.stage'), cell: (c) => c.stageName },
                    {
                      key: 'configured',
                      header: t('forecast.configured'),
                      numeric: true,
                      cell: (c) => fmt.percent(c.configured),
                    },
                    {
                      key: 'observed',
                      header: t('forecast.observed'),
                      numeric: true,
                      cell: (c) => fmt.percent(c.observed),
                    },
                    {
                      key: 'closed',
                      header: t('forecast.closedDeals'),
                      numeric: true,
                      cell: (c) => fmt.number(c.closed),
                    },
                    {
                      key: 'learned',
                      header: t('forecast.learned'),
                      numeric: true,
                      cell: (c) => fmt.percent(c.learned),
                    },
                    {
                      key: 'source',
                      header: t('forecast.inUse'),
                      cell: (c) => t(`forecast.source.${c.source}`),
                    },
                  ]}
                />
              )}
              {forecast.warnings.length > 0 && (
                <ul className="warnings">
                  <NoticeItems
                    area="forecast"
                    notices={forecast.notices}
                    warnings={forecast.warnings}
                    fmt={fmt}
                  />
                </ul>
              )}
            </>
          );
        }}
      </Async>
    </Panel>
  );
}
