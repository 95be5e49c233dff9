import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  getStatements,
  lockPeriod,
  lockStatement,
  payrollCsvHref,
  payStatement,
  runCommissions,
} from '../../api/commissions.ts';
import type { CommissionRun, StatementSummary } from '../../api/types/commissions.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { makeFormatters } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { todayIn } from '../../period/ranges.ts';
import { CommissionsNav } from './CommissionsNav.tsx';
import { pctText } from './money.ts';
import { recentPeriodKeys } from './periods.ts';
import { StatusPill } from './StatusPill.tsx';

/**
 * /commissions: statements by period. A rep sees their own locked and paid statements (the API filters), a
 * manager their people's, an admin everyone's plus the period's run, lock, pay and payroll export.
 */
export function CommissionsPage() {
  const { me } = useSession();
  const { settings, fmt } = useWorkspace();
  const pickerId = useId();
  const [period, setPeriod] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [run, setRun] = useState<CommissionRun | null>(null);
  const statements = useApi((signal) => getStatements({ period: period || undefined }, signal), [period]);
  const isAdmin = me?.role === 'admin';
  const periods = recentPeriodKeys(todayIn(settings?.timeZone ?? 'UTC'));
  // Each statement is in its plan's currency; formatters per currency, built once per render.
  const moneyIn = (s: StatementSummary) =>
    (s.currency === fmt.currency ? fmt : makeFormatters(fmt.locale, s.currency)).money;

  async function act(action: () => Promise<unknown>) {
    if (await runSave(setSave, action)) statements.reload();
  }

  return (
    <div className="page">
      <h1>{t(me?.role === 'rep' ? 'commissions.myStatements' : 'commissions.title')}</h1>
      <CommissionsNav />
      <Panel title={t('commissions.statements')} wide testId="commission-statements">
        <div className="toolbar">
          <div className="field-inline">
            <label htmlFor={pickerId}>{t('commissions.period')}</label>
            <select
              id={pickerId}
              data-testid="commission-period"
              value={period}
              onChange={(e) => {
                setPeriod(e.target.value);
                setRun(null);
              }}
            >
              <option value="">{t('commissions.allPeriods')}</option>
              {periods.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </div>
          {isAdmin && (
            <>
              <button
                type="button"
                disabled={!period}
                onClick={() => void act(async () => setRun(await runCommissions(period)))}
              >
                {t('commissions.run')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={!period}
                onClick={() => void act(() => lockPeriod(period))}
              >
                {t('commissions.lockPeriod')}
              </button>
              {period && (
                <a href={payrollCsvHref(period, fmt.locale)} download data-testid="commission-export">
                  {t('commissions.export')}
                </a>
              )}
            </>
          )}
          <SaveStatus state={save} />
        </div>
        {isAdmin && !period && <p className="muted">{t('commissions.pickPeriod')}</p>}
        {run && (
          <p role="status" data-testid="commission-run">
            {t('commissions.ran', {
              period: run.periodKey,
              statements: run.statements,
              drafts: run.drafts,
              skipped: run.skippedLocked,
            })}{' '}
            {run.payoutByCurrency
              .map((x) => makeFormatters(fmt.locale, x.currency).money(x.payoutMinor))
              .join(' · ')}
          </p>
        )}
        <Async state={statements} isEmpty={(rows) => rows.length === 0} emptyMessage={t('commissions.none')}>
          {(rows) => (
            <DataTable<StatementSummary>
              caption={t('commissions.statements')}
              testId="commission-statements-table"
              rows={rows}
              rowKey={(s) => s.id}
              columns={[
                {
                  key: 'person',
                  header: t('commissions.person'),
                  cell: (s) => <Link to={`/commissions/statements/${s.id}`}>{s.userName}</Link>,
                },
                { key: 'period', header: t('commissions.period'), cell: (s) => s.periodKey },
                {
                  key: 'status',
                  header: t('commissions.statusHeader'),
                  cell: (s) => <StatusPill status={s.status} />,
                },
                {
                  key: 'credited',
                  header: t('commissions.credited'),
                  numeric: true,
                  cell: (s) => moneyIn(s)(s.creditedMinor),
                },
                {
                  key: 'target',
                  header: t('commissions.target'),
                  numeric: true,
                  cell: (s) => moneyIn(s)(s.targetMinor),
                },
                {
                  key: 'attainment',
                  header: t('commissions.attainment'),
                  numeric: true,
                  cell: (s) => pctText(fmt, s.attainmentPct),
                },
                {
                  key: 'payout',
                  header: t('commissions.payout'),
                  numeric: true,
                  cell: (s) => moneyIn(s)(s.payoutMinor),
                },
                {
                  key: 'disputes',
                  header: t('commissions.openDisputes'),
                  numeric: true,
                  cell: (s) =>
                    s.openDisputes > 0 ? <span className="pill warn">{s.openDisputes}</span> : '0',
                },
                ...(isAdmin
                  ? [
                      {
                        key: 'actions',
                        header: t('commissions.actions'),
                        cell: (s: StatementSummary) =>
                          s.status === 'draft' ? (
                            <button
                              type="button"
                              className="secondary"
                              onClick={() => void act(() => lockStatement(s.id))}
                            >
                              {t('commissions.lock')}
                            </button>
                          ) : s.status === 'locked' ? (
                            <button
                              type="button"
                              className="secondary"
                              onClick={() => void act(() => payStatement(s.id))}
                            >
                              {t('commissions.markPaid')}
                            </button>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </Async>
      </Panel>
    </div>
  );
}
