import { request } from '../../api/client.ts';
import {
  INTEGRITY_SIGNALS,
  type IntegrityReport,
  type IntegrityRep,
  type IntegritySignal,
  type WorstDay,
} from '../../api/types/integrity.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { RangePicker } from '../../components/RangePicker.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { useRange } from '../../period/use-range.ts';

/**
 * The data-quality view (issue 18, docs/capture.md "Integrity (data quality)"): per rep the three padding
 * signals from GET /api/capture/integrity, flagged reps first with the reason and the days to check. The numbers
 * and flags come from the API; this page only lays them out.
 */
export function IntegrityPage() {
  const { fmt } = useWorkspace();
  const { choice, setChoice, range } = useRange('last_month');
  const state = useApi(
    (signal) =>
      request<IntegrityReport>(
        'GET',
        `/api/capture/integrity?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
        { signal },
      ),
    [range.from, range.to],
  );
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('integrity.title')}</h1>
          <span className="range-text">
            {t('period.range', { from: fmt.date(range.from), to: fmt.date(range.to) })}
          </span>
        </div>
        <RangePicker value={choice} onChange={setChoice} />
      </div>
      <p className="muted">{t('integrity.help')}</p>
      <Async state={state}>{(r) => <IntegrityTables report={r} />}</Async>
    </>
  );
}

function IntegrityTables({ report }: { report: IntegrityReport }) {
  const { fmt } = useWorkspace();
  const th = report.thresholds;
  const header = (s: IntegritySignal) =>
    t(`integrity.${s}`, { seconds: th.zeroLengthCallSeconds, nth: th.repeatTouchNth });
  const reason = (s: IntegritySignal, rep: IntegrityRep) => {
    const j = rep.signals[s];
    const median = report.medians[s];
    return t(`integrity.reason.${s}`, {
      share: fmt.percent(j.value),
      seconds: th.zeroLengthCallSeconds,
      nth: th.repeatTouchNth,
      rows: th.burstRows,
      minutes: th.burstMinutes,
      n: fmt.number(j.numerator),
      d: fmt.number(j.denominator),
      comparison:
        median === null ? t('integrity.noMedian') : t('integrity.medianOf', { median: fmt.percent(median) }),
    });
  };
  const columns: Column<IntegrityRep>[] = [
    { key: 'rep', header: t('integrity.rep'), cell: (r) => r.name },
    ...INTEGRITY_SIGNALS.map((s) => ({
      key: s,
      header: header(s),
      numeric: true,
      cell: (r: IntegrityRep) =>
        r.signals[s].flagged ? (
          <strong>{fmt.percent(r.signals[s].value)}</strong>
        ) : (
          fmt.percent(r.signals[s].value)
        ),
    })),
    {
      key: 'flag',
      header: t('integrity.flag'),
      cell: (r) =>
        r.flagged ? <span className="pill bad">{t('integrity.flagged')}</span> : t('integrity.ok'),
    },
  ];
  const dayColumns: Column<WorstDay>[] = [
    { key: 'day', header: t('integrity.day'), cell: (d) => fmt.date(d.date) },
    {
      key: 'calls',
      header: t('integrity.dayCalls', { seconds: th.zeroLengthCallSeconds }),
      numeric: true,
      cell: (d) => `${fmt.number(d.zeroLengthCalls)} / ${fmt.number(d.timedCalls)}`,
    },
    {
      key: 'touches',
      header: t('integrity.dayTouches'),
      numeric: true,
      cell: (d) => `${fmt.number(d.repeatTouches)} / ${fmt.number(d.touches)}`,
    },
    {
      key: 'bulk',
      header: t('integrity.dayBulk'),
      numeric: true,
      cell: (d) => `${fmt.number(d.bulkLogged)} / ${fmt.number(d.typedIn)}`,
    },
  ];
  const flagged = report.reps.filter((r) => r.flagged);
  const medianRow = INTEGRITY_SIGNALS.map((s) => `${header(s)}: ${fmt.percent(report.medians[s])}`).join(
    ' · ',
  );
  return (
    <div className="dashboard">
      <Panel title={t('integrity.title')} wide testId="integrity-reps">
        {report.reps.length === 0 ? (
          <p className="muted">{t('integrity.none')}</p>
        ) : (
          <>
            <DataTable<IntegrityRep>
              caption={t('integrity.title')}
              testId="integrity-table"
              rows={report.reps}
              rowKey={(r) => r.userId}
              columns={columns}
            />
            <p className="muted">
              {t('integrity.median')}: {medianRow}
            </p>
          </>
        )}
      </Panel>
      <Panel title={t('integrity.flaggedReps')} wide testId="integrity-flagged">
        {flagged.length === 0 ? (
          <p className="muted">{t('integrity.noneFlagged')}</p>
        ) : (
          flagged.map((rep) => (
            <section key={rep.userId} data-testid={`integrity-rep-${rep.userId}`}>
              <h3>{rep.name}</h3>
              <ul>
                {INTEGRITY_SIGNALS.filter((s) => rep.signals[s].flagged).map((s) => (
                  <li key={s}>{reason(s, rep)}</li>
                ))}
              </ul>
              <DataTable<WorstDay>
                caption={`${t('integrity.worstDays')}: ${rep.name}`}
                rows={rep.worstDays}
                rowKey={(d) => d.date}
                columns={dayColumns}
              />
            </section>
          ))
        )}
      </Panel>
    </div>
  );
}
