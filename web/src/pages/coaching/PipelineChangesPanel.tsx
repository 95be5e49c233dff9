import { useState } from 'react';
import { request } from '../../api/client.ts';
import type {
  PipelineCategory,
  PipelineChanges,
  PipelineDeal,
  PipelineTotals,
} from '../../api/types/coaching.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { DealAmount, MissingRateNote } from '../../components/DealAmount.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { WeekDates } from '../../components/WeekDates.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { isolate } from '../../i18n/bidi.ts';
import { t } from '../../i18n/t.ts';

/** Deals listed at most in the drill-down (the API returns them all, largest effect first). */
const MAX_LISTED = 200;

/**
 * Week-over-week pipeline changes (GET /api/pipeline-changes) of a rep or a team (neither: everything the viewer
 * sees): last week's pipeline, each category's deals, amount and effect, this week's pipeline, in the workspace
 * currency (deals in others converted by the server, those without a rate named under it); a category's row opens
 * the list of its deals.
 */
export function PipelineChangesPanel({ repId, teamId }: { repId?: number; teamId?: number }) {
  const { fmt } = useWorkspace();
  const [week, setWeek] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<PipelineCategory | 'all' | null>(null);
  const state = useApi(
    (signal) =>
      request<PipelineChanges>('GET', '/api/pipeline-changes', {
        // The totals only; the deals come when a category is opened.
        query: { week, userId: repId, teamId, limit: 0 },
        signal,
      }),
    [week, repId, teamId],
  );
  return (
    <Panel
      title={t('pipelineChanges.title')}
      testId="pipeline-changes"
      wide
      actions={
        <label className="inline-field">
          {t('pipelineChanges.week')}{' '}
          <input
            type="week"
            value={week ?? state.data?.week.key ?? ''}
            onChange={(e) => setWeek(e.target.value || undefined)}
            data-testid="pipeline-changes-week"
          />{' '}
          <WeekDates weekKey={week ?? state.data?.week.key} testId="pipeline-changes-week-dates" />
        </label>
      }
    >
      <Async state={state} isEmpty={(r) => r.dealCount === 0} emptyMessage={t('pipelineChanges.none')}>
        {(r) => (
          <>
            <p className="muted">
              {t('pipelineChanges.help', {
                period: isolate(r.closePeriod.key),
                from: fmt.date(r.week.from),
                to: fmt.date(r.week.to),
              })}
            </p>
            <Reconciliation totals={r.workspaceTotals} onOpen={(c) => setOpen(open === c ? null : c)} />
            <MissingRateNote currencies={r.currenciesWithoutRate} testId="pipeline-changes-missing-rates" />
            <button type="button" className="link-button" onClick={() => setOpen(open ? null : 'all')}>
              {open ? t('pipelineChanges.hideDeals') : t('pipelineChanges.showDeals')}
            </button>
            {open && (
              <DealList
                week={r.week.key}
                repId={repId}
                teamId={teamId}
                category={open === 'all' ? undefined : open}
              />
            )}
          </>
        )}
      </Async>
    </Panel>
  );
}

function Reconciliation({
  totals,
  onOpen,
}: {
  totals: PipelineTotals;
  onOpen: (c: PipelineCategory) => void;
}) {
  const { fmt } = useWorkspace();
  const m = (v: number) => fmt.money(v);
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('pipelineChanges.currency', { currency: totals.currency })}
    >
      <table className="data-table" data-testid="pipeline-changes-table" data-currency={totals.currency}>
        <caption>{t('pipelineChanges.currency', { currency: totals.currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pipelineChanges.category')}</th>
            <th scope="col" className="num">
              {t('pipelineChanges.deals')}
            </th>
            <th scope="col" className="num">
              {t('pipelineChanges.amount')}
            </th>
            <th scope="col" className="num">
              {t('pipelineChanges.effect')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-row="start">
            <th scope="row">{t('pipelineChanges.start')}</th>
            <td className="num">{fmt.number(totals.startCount)}</td>
            <td className="num" data-value={totals.startValueMinor}>
              {m(totals.startValueMinor)}
            </td>
            <td />
          </tr>
          {totals.categories
            .filter((c) => c.count > 0)
            .map((c) => (
              <tr key={c.category} data-row={c.category}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpen(c.category)}>
                    {t(`pipelineChanges.cat.${c.category}`)}
                  </button>
                </th>
                <td className="num">{fmt.number(c.count)}</td>
                <td className="num">{m(c.amountMinor)}</td>
                <td className="num" data-value={c.effectMinor}>
                  {m(c.effectMinor)}
                </td>
              </tr>
            ))}
          <tr data-row="end">
            <th scope="row">{t('pipelineChanges.end')}</th>
            <td className="num">{fmt.number(totals.endCount)}</td>
            <td className="num" data-value={totals.endValueMinor} data-testid="pipeline-changes-end">
              {m(totals.endValueMinor)}
            </td>
            <td className="num">{m(totals.endValueMinor - totals.startValueMinor)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function DealList({
  week,
  repId,
  teamId,
  category,
}: {
  week: string;
  repId?: number;
  teamId?: number;
  category?: PipelineCategory;
}) {
  const state = useApi(
    (signal) =>
      request<PipelineChanges>('GET', '/api/pipeline-changes', {
        query: { week, userId: repId, teamId, category, limit: MAX_LISTED },
        signal,
      }),
    [week, repId, teamId, category],
  );
  return <Async state={state}>{(r) => <DealTable deals={r.deals} />}</Async>;
}

function DealTable({ deals }: { deals: PipelineDeal[] }) {
  return (
    <DataTable
      caption={t('pipelineChanges.dealList')}
      rows={deals}
      rowKey={(d) => d.opportunityId}
      testId="pipeline-changes-deals"
      columns={[
        { key: 'deal', header: t('pipelineChanges.deal'), cell: (d) => d.name },
        { key: 'owner', header: t('pipelineChanges.owner'), cell: (d) => d.ownerName ?? '' },
        {
          key: 'category',
          header: t('pipelineChanges.category'),
          cell: (d) => t(`pipelineChanges.cat.${d.category}`),
        },
        {
          key: 'amount',
          header: t('pipelineChanges.amount'),
          numeric: true,
          cell: (d) => (
            <DealAmount
              deal={{
                amountMinor: d.amountMinor,
                currency: d.currency,
                workspaceAmountMinor: d.workspace?.amountMinor ?? null,
              }}
            />
          ),
        },
        {
          key: 'effect',
          header: t('pipelineChanges.effect'),
          numeric: true,
          cell: (d) => (
            <DealAmount
              deal={{
                amountMinor: d.effectMinor,
                currency: d.currency,
                workspaceAmountMinor: d.workspace?.effectMinor ?? null,
              }}
            />
          ),
        },
        {
          key: 'flags',
          header: t('pipelineChanges.flags'),
          cell: (d) =>
            d.flags
              .filter((f) => f !== d.category)
              .map((f) => t(`pipelineChanges.flag.${f}`))
              .join(', '),
        },
      ]}
    />
  );
}
