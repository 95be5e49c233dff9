import { useMemo } from 'react';
import { request } from '../../api/client.ts';
import type { WinAnalysisReport, WinFinding } from '../../api/types/wins.ts';
import { useApi } from '../../api/use-api.ts';
import { Chart } from '../../charts/Chart.tsx';
import type { EChartsOption } from '../../charts/echarts.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { RangePicker } from '../../components/RangePicker.tsx';
import { useSession } from '../../auth/session.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';
import { useRange } from '../../period/use-range.ts';
import { featureLabel, findingText, skippedText } from './finding-text.ts';

type Report = WinAnalysisReport;
type SourceRow = Report['sources'][number];

/** One feature's won and lost median and mean as grouped bars: small, beside the sentence that states them. */
function FindingChart({ f, currency }: { f: WinFinding; currency: string }) {
  const { fmt } = useWorkspace();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 8, top: 28, bottom: 24 },
      xAxis: { type: 'category', data: [t('wins.median'), t('wins.mean')] },
      // Deal sizes are minor units: labelled as money, like every amount in the app.
      yAxis: {
        type: 'value',
        axisLabel: f.feature === 'deal_size' ? { formatter: (v: number) => fmt.moneyCompact(v) } : {},
      },
      series: [
        { name: t('wins.won'), type: 'bar', data: [f.won.median, f.won.mean] },
        { name: t('wins.lost'), type: 'bar', data: [f.lost.median, f.lost.mean] },
      ],
    }),
    [f, fmt],
  );
  return (
    <figure className="win-chart" data-feature={f.feature}>
      <figcaption>{featureLabel(f, currency)}</figcaption>
      <Chart option={option} label={findingText(f, fmt, currency)} height={170} />
    </figure>
  );
}

/**
 * Win analysis (GET /api/win-analysis, docs/win-analysis.md): deals won against deals lost in the period, the
 * differences in plain words ranked by size, win rate by lead source, and a small chart per numeric feature. A rep
 * sees their own deals, a manager their people's, an admin everyone's.
 */
export function WinsPage() {
  const { fmt } = useWorkspace();
  const { me } = useSession();
  const { choice, setChoice, periodKey } = useRange('quarter');
  const state = useApi(
    (signal) => request<Report>('GET', '/api/win-analysis', { query: { period: periodKey }, signal }),
    [periodKey],
  );
  return (
    <>
      <div className="page-head">
        <h1>{t('wins.title')}</h1>
        <RangePicker value={choice} onChange={setChoice} />
      </div>
      <Async state={state} isEmpty={(r) => r.deals.won + r.deals.lost === 0} emptyMessage={t('wins.none')}>
        {(r) => (
          <div className="dashboard">
            <Panel title={t('wins.findings')} wide testId="win-findings">
              <p className="muted">
                {t('wins.help', {
                  from: fmt.date(r.period.from),
                  to: fmt.date(r.period.to),
                  subject: subjectName(r.subject, me?.id),
                  won: fmt.number(r.deals.won),
                  lost: fmt.number(r.deals.lost),
                })}
              </p>
              <ul className="findings" data-testid="win-findings-list">
                {r.findings.map((f) => (
                  <li key={f.feature} data-feature={f.feature} data-size={f.size}>
                    {findingText(f, fmt, r.currency)}
                  </li>
                ))}
              </ul>
              {r.skipped.length > 0 && (
                <>
                  <h3>{t('wins.skipped')}</h3>
                  <ul className="muted" data-testid="win-skipped">
                    {r.skipped.map((s) => (
                      <li key={s.feature}>{skippedText(s, fmt, r.currency, r.minDealsPerSide)}</li>
                    ))}
                  </ul>
                </>
              )}
            </Panel>
            <Panel title={t('wins.sources')} wide testId="win-sources">
              <DataTable<SourceRow>
                caption={t('wins.sources')}
                testId="win-sources-table"
                rows={r.sources}
                rowKey={(s) => s.source ?? ''}
                columns={[
                  {
                    key: 'source',
                    header: t('wins.source'),
                    // A source is the CRM's own value (often English): isolated so it keeps its order in Hebrew.
                    cell: (s) =>
                      s.source === null ? t('wins.noSource') : <bdi>{s.source.replaceAll('_', ' ')}</bdi>,
                  },
                  { key: 'deals', header: t('wins.deals'), numeric: true, cell: (s) => fmt.number(s.deals) },
                  { key: 'won', header: t('wins.wonCount'), numeric: true, cell: (s) => fmt.number(s.won) },
                  {
                    key: 'rate',
                    header: t('wins.winRate'),
                    numeric: true,
                    cell: (s) => fmt.percent(s.winRate),
                  },
                  {
                    key: 'diff',
                    header: t('wins.vsOverall'),
                    numeric: true,
                    cell: (s) =>
                      `${s.differencePoints > 0 ? '+' : ''}${fmt.number(Math.round(s.differencePoints))}`,
                  },
                ]}
              />
              {r.otherSources.sources > 0 && (
                <p className="muted">
                  {t('wins.otherSources', {
                    sources: fmt.number(r.otherSources.sources),
                    deals: fmt.number(r.otherSources.deals),
                  })}
                </p>
              )}
            </Panel>
            <Panel title={t('wins.charts')} wide testId="win-charts">
              <div className="win-charts">
                {r.findings.map((f) => (
                  <FindingChart key={f.feature} f={f} currency={r.currency} />
                ))}
              </div>
            </Panel>
          </div>
        )}
      </Async>
    </>
  );
}

/**
 * Whose deals: the API names a team or rep by its own name, and the viewer's own scope in English ('you',
 * 'everyone you see'), which the page says in the reader's language.
 */
function subjectName(subject: WinAnalysisReport['subject'], myId: number | undefined): string {
  if (subject.type === 'visible') return t('wins.subjectEveryone');
  if (subject.type === 'rep' && subject.id === myId) return t('wins.subjectYou');
  return isolate(subject.name);
}
