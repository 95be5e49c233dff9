import { useMemo } from 'react';
import { request } from '../../api/client.ts';
import type { SpeedToLeadRow } from '../../api/types/routing.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { lastDays } from './report-range.ts';

/**
 * Speed to lead (GET /api/routing/speed-to-lead, company): of the leads created in the last 180 days, the share
 * that became an opportunity and that was won, by how fast the first response came (business minutes), so the
 * team sees what its own slow answers cost.
 */
export function SpeedToLeadPanel() {
  const { fmt, settings } = useWorkspace();
  const range = settings ? lastDays(settings.timeZone, 180) : null;
  const state = useApi(
    async (signal) =>
      range
        ? (
            await request<{ rows: SpeedToLeadRow[] }>('GET', '/api/routing/speed-to-lead', {
              query: { ...range, by: 'company' },
              signal,
            })
          ).rows
        : [],
    [range?.from, range?.to],
  );
  const option = useMemo<EChartsOption>(() => {
    const rows = state.data ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => t(`speed.${r.bucket}`)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt.percent(v) } },
      series: [
        { name: t('scoring.toOpportunity'), type: 'bar', data: rows.map((r) => r.conversionRate ?? 0) },
        { name: t('scoring.toWon'), type: 'bar', data: rows.map((r) => r.winRate ?? 0) },
      ],
    };
  }, [state.data, fmt]);
  return (
    <Panel title={t('speed.title')} wide testId="speed-to-lead">
      <Async
        state={state}
        isEmpty={(rows) => rows.every((r) => r.leads === 0)}
        emptyMessage={t('speed.none')}
      >
        {(rows) => (
          <>
            <p className="muted">{t('speed.help', { from: range?.from ?? '', to: range?.to ?? '' })}</p>
            <Chart option={option} label={t('speed.title')} />
            <DataTable<SpeedToLeadRow>
              caption={t('speed.title')}
              testId="speed-to-lead-table"
              rows={rows}
              rowKey={(r) => r.bucket}
              columns={[
                { key: 'bucket', header: t('speed.bucket'), cell: (r) => t(`speed.${r.bucket}`) },
                {
                  key: 'leads',
                  header: t('scoring.leadCount'),
                  numeric: true,
                  cell: (r) => fmt.number(r.leads),
                },
                {
                  key: 'conversion',
                  header: t('scoring.toOpportunity'),
                  numeric: true,
                  cell: (r) => fmt.percent(r.conversionRate),
                },
                {
                  key: 'won',
                  header: t('scoring.toWon'),
                  numeric: true,
                  cell: (r) => fmt.percent(r.winRate),
                },
              ]}
            />
          </>
        )}
      </Async>
    </Panel>
  );
}
