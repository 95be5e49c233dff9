import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { getCommissionPlans, getStatement, raiseDispute } from '../../api/commissions.ts';
import { ApiError } from '../../api/client.ts';
import type { StatementDetail, StatementLineRow } from '../../api/types/commissions.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { ErrorNote, Loading } from '../../components/state.tsx';
import type { Formatters } from '../../format/formatters.ts';
import { t } from '../../i18n/t.ts';
import { AttainmentCurve } from './AttainmentCurve.tsx';
import { lineExplanation } from './line-explanation.ts';
import { pctText, rateText, useFormattersIn } from './money.ts';
import { StatusPill } from './StatusPill.tsx';
import { NoticeItems } from '../../components/notice-text.tsx';
import { tNodes, UserText } from '../../i18n/t-nodes.tsx';

/**
 * One statement as its reader may see it: header, warnings, totals, the attainment curve, every line with how
 * it was computed, and the disputes. The screen page and the print view (/print/commission-statement/:id) both
 * render this; `print` leaves out the forms. A statement the viewer may not read is a 404, like a missing one.
 */
export function StatementView({ id, print = false }: { id: number; print?: boolean }) {
  const state = useApi(
    async (signal) => {
      const detail = await getStatement(id, signal);
      // The tier boundaries come from the plan versions the segments used; a reader who may not list the plans
      // still gets the curve, without its tier lines.
      const plans = await getCommissionPlans(signal).catch(() => []);
      const boundaries = new Set<number>();
      for (const segment of detail.segments) {
        const version = plans
          .find((p) => p.id === segment.planId)
          ?.versions.find((v) => v.version === segment.planVersion);
        for (const tier of version?.rules.tiers ?? []) boundaries.add(tier.fromPct);
      }
      return { detail, boundaries: [...boundaries].sort((a, b) => a - b) };
    },
    [id],
  );
  if (state.error) {
    return state.error instanceof ApiError && state.error.status === 404 ? (
      <p className="state state-unavailable" role="alert" data-testid="commission-not-found">
        {t('commissions.notFound')}
      </p>
    ) : (
      <ErrorNote error={state.error} />
    );
  }
  if (state.data === null) return <Loading />;
  return (
    <Statement
      detail={state.data.detail}
      boundaries={state.data.boundaries}
      print={print}
      onChange={state.reload}
    />
  );
}

function Statement({
  detail,
  boundaries,
  print,
  onChange,
}: {
  detail: StatementDetail;
  boundaries: number[];
  print: boolean;
  onChange: () => void;
}) {
  const { me } = useSession();
  const { statement: s } = detail;
  const fmt = useFormattersIn(s.currency);
  const mayDispute = !print && me?.id === s.userId && s.status !== 'draft';
  const [disputing, setDisputing] = useState<StatementLineRow | null>(null);
  const lastDay = new Date(Date.parse(`${s.periodEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const lineNo = new Map(detail.lines.map((l) => [l.id, l.lineNo]));
  return (
    <article className="commission-statement" data-statement={s.id}>
      <header className="page-head">
        <div>
          <h1>{t('commissions.statementOf', { name: s.userName, period: s.periodKey })}</h1>
          <p className="muted">
            {t('commissions.periodDates', { from: fmt.date(s.periodStart), to: fmt.date(lastDay) })} ·{' '}
            <StatusPill status={s.status} /> ·{' '}
            {t('commissions.computedAt', { at: fmt.dateTime(s.computedAt) })}
            {s.lockedAt && <> · {t('commissions.lockedAt', { at: fmt.dateTime(s.lockedAt) })}</>}
            {s.paidAt && <> · {t('commissions.paidAt', { at: fmt.dateTime(s.paidAt) })}</>}
          </p>
          <ul className="muted" data-testid="commission-segments">
            {detail.segments.map((seg, i) => (
              <li key={i}>
                {t('commissions.segment', {
                  plan: seg.planName,
                  version: seg.planVersion,
                  from: fmt.date(seg.from),
                  to: fmt.date(
                    new Date(Date.parse(`${seg.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
                  ),
                  target: fmt.money(seg.targetMinor),
                })}
              </li>
            ))}
          </ul>
        </div>
        {!print && (
          <p className="print-toolbar">
            <Link to={`/print/commission-statement/${s.id}`}>{t('commissions.print')}</Link>
            <a href={`/api/print/commission-statement/${s.id}/pdf`} download>
              {t('commissions.pdf')}
            </a>
          </p>
        )}
      </header>
      {detail.warnings.length > 0 && (
        <div className="state state-error" role="alert" data-testid="commission-warnings">
          <strong>{t('commissions.warnings')}</strong>
          <ul>
            <NoticeItems area="statement" notices={detail.notices} warnings={detail.warnings} fmt={fmt} />
          </ul>
        </div>
      )}
      <Totals detail={detail} fmt={fmt} />
      {detail.curve.length > 0 && (
        <section>
          <h2>{t('commissions.curve')}</h2>
          <AttainmentCurve curve={detail.curve} lines={detail.lines} tierBoundaries={boundaries} fmt={fmt} />
        </section>
      )}
      <section>
        <h2>{t('commissions.lines')}</h2>
        <DataTable<StatementLineRow>
          caption={t('commissions.lines')}
          testId="commission-lines"
          rows={detail.lines}
          rowKey={(l) => l.id}
          columns={[
            { key: 'no', header: '#', numeric: true, cell: (l) => l.lineNo },
            { key: 'kind', header: t('commissions.kind'), cell: (l) => t(`commissions.kind.${l.kind}`) },
            {
              key: 'deal',
              header: t('commissions.deal'),
              cell: (l) => (
                <>
                  {l.label}
                  {l.fromPeriodKey && (
                    <span className="muted">
                      {' '}
                      · {t('commissions.fromPeriod', { period: l.fromPeriodKey })}
                    </span>
                  )}
                </>
              ),
            },
            {
              key: 'credited',
              header: t('commissions.credited'),
              numeric: true,
              cell: (l) => fmt.money(l.creditedMinor),
            },
            {
              key: 'rate',
              header: t('commissions.rate'),
              numeric: true,
              cell: (l) => rateText(fmt, l.rateBp),
            },
            {
              key: 'tier',
              header: t('commissions.tier'),
              numeric: true,
              cell: (l) => (l.tier === null ? '–' : l.tier + 1),
            },
            {
              key: 'attainment',
              header: t('commissions.attainmentFromTo'),
              numeric: true,
              cell: (l) =>
                l.attainmentFromPct === null
                  ? '–'
                  : t('common.fromTo', {
                      from: pctText(fmt, l.attainmentFromPct),
                      to: pctText(fmt, l.attainmentToPct),
                    }),
            },
            {
              key: 'amount',
              header: t('commissions.amount'),
              numeric: true,
              cell: (l) => fmt.money(l.amountMinor),
            },
            {
              key: 'explanation',
              header: t('commissions.explanation'),
              cell: (l) => lineExplanation(l, fmt),
            },
            ...(mayDispute
              ? [
                  {
                    key: 'dispute',
                    header: t('commissions.dispute'),
                    cell: (l: StatementLineRow) => (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('commissions.disputeLineNo', { line: l.lineNo })}
                        onClick={() => setDisputing(l)}
                      >
                        {t('commissions.dispute')}
                      </button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      {disputing && (
        <DisputeForm
          statementId={s.id}
          line={disputing}
          onDone={() => {
            setDisputing(null);
            onChange();
          }}
        />
      )}
      <section data-testid="commission-disputes">
        <h2>{t('commissions.disputes')}</h2>
        {detail.disputes.length === 0 ? (
          <p className="state state-empty">{t('commissions.noDisputes')}</p>
        ) : (
          <ul>
            {detail.disputes.map((d) => (
              <li key={d.id} data-dispute={d.id}>
                {d.lineId === null
                  ? t('commissions.disputeWhole')
                  : t('commissions.disputeOnLine', { line: lineNo.get(d.lineId) ?? d.lineId })}{' '}
                · {d.raisedByName} · {fmt.dateTime(d.createdAt)}: <UserText>{d.comment}</UserText>{' '}
                <StatusPill status={d.status} />
                {d.resolution && (
                  <>
                    {' '}
                    {tNodes('commissions.resolution', {}, { text: <UserText>{d.resolution}</UserText> })}
                    {d.adjustmentMinor !== null && (
                      <> ({t('commissions.adjustment', { amount: fmt.money(d.adjustmentMinor) })})</>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

function Totals({ detail, fmt }: { detail: StatementDetail; fmt: Formatters }) {
  const { totals } = detail;
  const tiles: [string, string, string][] = [
    ['credited', t('commissions.credited'), fmt.money(totals.creditedMinor)],
    ['target', t('commissions.target'), fmt.money(totals.targetMinor)],
    [
      'attainment',
      t('commissions.attainment'),
      pctText(fmt, totals.targetMinor > 0 ? totals.attainmentPct : null),
    ],
    ['commission', t('commissions.commission'), fmt.money(totals.commissionMinor)],
    ['bonus', t('commissions.bonuses'), fmt.money(totals.bonusMinor)],
    ['spif', t('commissions.spifs'), fmt.money(totals.spifMinor)],
    ['clawback', t('commissions.clawbacks'), fmt.money(totals.clawbackMinor)],
    ['adjustment', t('commissions.adjustments'), fmt.money(totals.adjustmentMinor)],
    ['draw', t('commissions.draw'), fmt.money(totals.drawMinor)],
    ['payout', t('commissions.payout'), fmt.money(totals.payoutMinor)],
  ];
  return (
    <div className="kpi-grid" data-testid="commission-totals">
      {tiles.map(([key, label, value]) => (
        <div key={key} className="kpi">
          <span className="kpi-label">{label}</span>
          <span className="kpi-value" data-testid={`commission-total-${key}`}>
            {value}
          </span>
        </div>
      ))}
    </div>
  );
}

function DisputeForm({
  statementId,
  line,
  onDone,
}: {
  statementId: number;
  line: StatementLineRow;
  onDone: () => void;
}) {
  const [comment, setComment] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await runSave(setSave, () => raiseDispute(statementId, { lineId: line.id, comment }))) onDone();
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="commission-dispute-form">
      <h3>{t('commissions.disputeLine', { line: line.lineNo, label: line.label })}</h3>
      <label>
        {t('commissions.comment')}
        <textarea required maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit">{t('commissions.sendDispute')}</button>
        <SaveStatus state={save} />
      </div>
    </form>
  );
}
