import { useMemo, useState } from 'react';
import { request } from '../../api/client.ts';
import type { CalibrationReport, ThresholdEffect } from '../../api/types/scoring.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

type Band = CalibrationReport['bands'][number];

function bandLabel(b: Band): string {
  if (b.from === null) return t('scoring.bandBelow', { to: b.to ?? 0 });
  if (b.to === null) return t('scoring.bandAbove', { from: b.from });
  return t('scoring.band', { from: b.from, to: b.to - 1 });
}

/**
 * Past leads by score band (GET /api/scoring/calibration): conversion to opportunity and to won per band, what
 * the MQL and SQL thresholds and a proposed one would have passed, and the fitted model beside the points.
 */
export function CalibrationPanel() {
  const { fmt } = useWorkspace();
  const [proposed, setProposed] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const state = useApi(
    (signal) =>
      request<CalibrationReport>('GET', '/api/scoring/calibration', {
        query: { threshold: proposed ?? undefined },
        signal,
      }),
    [proposed],
  );
  return (
    <Panel title={t('scoring.calibration')} wide testId="calibration">
      <Async state={state} isEmpty={(r) => r.leads === 0} emptyMessage={t('scoring.noHistory')}>
        {(report) => (
          <CalibrationBody
            report={report}
            fmtPercent={fmt.percent}
            fmtNumber={fmt.number}
            draft={draft}
            setDraft={setDraft}
            onPropose={() => setProposed(draft.trim() === '' ? null : Math.round(Number(draft)))}
          />
        )}
      </Async>
    </Panel>
  );
}

function CalibrationBody({
  report,
  fmtPercent,
  fmtNumber,
  draft,
  setDraft,
  onPropose,
}: {
  report: CalibrationReport;
  fmtPercent: (r: number | null | undefined) => string;
  fmtNumber: (v: number | null | undefined, digits?: number) => string;
  draft: string;
  setDraft: (s: string) => void;
  onPropose: () => void;
}) {
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 32, bottom: 32 },
      xAxis: { type: 'category', data: report.bands.map(bandLabel) },
      yAxis: [
        { type: 'value', axisLabel: { formatter: (v: number) => fmtPercent(v) } },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        {
          name: t('scoring.toOpportunity'),
          type: 'bar',
          data: report.bands.map((b) => b.opportunityRate ?? 0),
        },
        { name: t('scoring.toWon'), type: 'bar', data: report.bands.map((b) => b.winRate ?? 0) },
        {
          name: t('scoring.leadCount'),
          type: 'line',
          yAxisIndex: 1,
          data: report.bands.map((b) => b.leads),
        },
      ],
    }),
    [report, fmtPercent],
  );
  const thresholds: { key: string; label: string; e: ThresholdEffect }[] = [
    { key: 'mql', label: t('scoring.mql'), e: report.thresholds.mql },
    { key: 'sql', label: t('scoring.sql'), e: report.thresholds.sql },
    ...(report.thresholds.proposed
      ? [{ key: 'proposed', label: t('scoring.proposed'), e: report.thresholds.proposed }]
      : []),
  ];
  return (
    <>
      <p className="muted">
        {t('scoring.calibrationRange', {
          count: report.leads,
          from: report.from.slice(0, 10),
          to: report.to.slice(0, 10),
          version: report.ruleSetVersion,
        })}
      </p>
      <Chart option={option} label={t('scoring.calibration')} />
      <DataTable<Band>
        caption={t('scoring.bands')}
        testId="calibration-bands"
        rows={report.bands}
        rowKey={(b, i) => i}
        columns={[
          { key: 'band', header: t('scoring.scoreBand'), cell: bandLabel },
          { key: 'leads', header: t('scoring.leadCount'), numeric: true, cell: (b) => fmtNumber(b.leads) },
          {
            key: 'opp',
            header: t('scoring.toOpportunity'),
            numeric: true,
            cell: (b) => fmtPercent(b.opportunityRate),
          },
          { key: 'won', header: t('scoring.toWon'), numeric: true, cell: (b) => fmtPercent(b.winRate) },
        ]}
      />
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          onPropose();
        }}
      >
        <label>
          {t('scoring.proposeThreshold')}
          <input
            type="number"
            step={1}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="proposed-threshold"
          />
        </label>
        <button type="submit">{t('scoring.tryThreshold')}</button>
      </form>
      <DataTable<{ key: string; label: string; e: ThresholdEffect }>
        caption={t('scoring.thresholds')}
        testId="calibration-thresholds"
        rows={thresholds}
        rowKey={(r) => r.key}
        columns={[
          { key: 'which', header: t('scoring.threshold'), cell: (r) => `${r.label} ≥ ${r.e.threshold}` },
          { key: 'passed', header: t('scoring.passed'), numeric: true, cell: (r) => fmtNumber(r.e.passed) },
          { key: 'recall', header: t('scoring.recall'), numeric: true, cell: (r) => fmtPercent(r.e.recall) },
          {
            key: 'precision',
            header: t('scoring.precision'),
            numeric: true,
            cell: (r) => fmtPercent(r.e.precision),
          },
        ]}
      />
      {report.model ? (
        <>
          <p data-testid="model-auc">
            {t('scoring.modelAuc', {
              rules: fmtNumber(report.model.rulesAuc, 2),
              model: fmtNumber(report.model.modelAuc, 2),
              heldOut: report.model.heldOut,
            })}
          </p>
          <DataTable
            caption={t('scoring.modelRules')}
            testId="model-rules"
            rows={report.model.rules}
            rowKey={(r) => r.id}
            columns={[
              { key: 'rule', header: t('scoring.rule'), cell: (r) => r.label },
              { key: 'points', header: t('scoring.points'), numeric: true, cell: (r) => fmtNumber(r.points) },
              {
                key: 'implied',
                header: t('scoring.impliedPoints'),
                numeric: true,
                cell: (r) => fmtNumber(r.impliedPoints),
              },
            ]}
          />
        </>
      ) : (
        <p className="muted">{t('scoring.noModel')}</p>
      )}
    </>
  );
}
