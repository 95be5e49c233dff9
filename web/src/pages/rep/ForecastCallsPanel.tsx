import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { getOpportunities } from '../../api/rows.ts';
import type { Opportunity } from '../../api/types/rows.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** A stored forecast call (GET /api/forecast/calls). */
interface ForecastCall {
  id: number;
  periodKey: string;
  kind: 'call' | 'override';
  amount: number;
  setAt: string;
  note: string | null;
}

type Category = 'pipeline' | 'best_case' | 'commit' | 'omitted';
const CATEGORIES: readonly Category[] = ['pipeline', 'best_case', 'commit', 'omitted'];

/**
 * My forecast calls for the quarter: the latest amount I called, a form to call a new one, and my open deals
 * closing in the quarter with the category I put each in; categories and the call are saved together
 * (PUT /api/forecast/calls).
 */
export function ForecastCallsPanel({ userId, periodKey }: { userId: number; periodKey: string }) {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) => {
      const [calls, deals] = await Promise.all([
        request<{ calls: ForecastCall[] }>('GET', '/api/forecast/calls', {
          query: { period: periodKey, scope: `rep:${userId}` },
          signal,
        }).then((b) => b.calls),
        getOpportunities(
          { owner: userId, status: 'open', period: periodKey, dateField: 'expected_close', limit: 200 },
          signal,
        ),
      ]);
      deals.sort((a, b) => (a.expectedCloseDate ?? '').localeCompare(b.expectedCloseDate ?? ''));
      return { calls, deals };
    },
    [userId, periodKey],
  );
  const [amount, setAmount] = useState('');
  const [categories, setCategories] = useState<Record<number, Category>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = {
      period: periodKey,
      scope: `rep:${userId}`,
      // Typed in major units; the API stores minor units like every amount.
      amount: Math.round(Number(amount) * 10 ** fmt.currencyDigits),
      deals: Object.entries(categories).map(([id, forecastCategory]) => ({
        opportunityId: Number(id),
        forecastCategory,
      })),
    };
    if (await runSave(setSave, () => request('PUT', '/api/forecast/calls', { body }))) {
      setAmount('');
      setCategories({});
      state.reload();
    }
  }

  const categoryOf = (o: Opportunity) => categories[o.id] ?? o.forecastCategory;
  return (
    <Panel title={t('calls.title')} wide testId="forecast-calls">
      <Async state={state}>
        {({ calls, deals }) => (
          <form onSubmit={(e) => void submit(e)} aria-label={t('calls.form')}>
            <p data-testid="my-call">
              {calls[0]
                ? t('calls.latest', {
                    amount: fmt.money(calls[0].amount),
                    period: periodKey,
                    at: fmt.dateTime(calls[0].setAt),
                  })
                : t('calls.noCall', { period: periodKey })}
            </p>
            <div className="toolbar">
              <label className="field-inline">
                {t('calls.amount', { currency: fmt.currency })}
                <input
                  type="number"
                  min={0}
                  step="any"
                  required
                  value={amount}
                  onChange={(e) => setAmount(e.target.value)}
                />
              </label>
              <button type="submit">{t('calls.save')}</button>
              <SaveStatus state={save} />
            </div>
            {deals.length === 0 ? (
              <p className="state">{t('calls.none')}</p>
            ) : (
              <DataTable
                caption={t('calls.title')}
                rows={deals}
                rowKey={(o) => o.id}
                columns={[
                  { key: 'name', header: t('deals.name'), cell: (o) => o.name },
                  { key: 'stage', header: t('deals.stage'), cell: (o) => o.stageName },
                  {
                    key: 'category',
                    header: t('calls.category'),
                    cell: (o) =>
                      o.forecastCategory === 'closed' ? (
                        t('calls.category.closed')
                      ) : (
                        <select
                          aria-label={t('calls.categoryOf', { name: o.name })}
                          value={categoryOf(o)}
                          onChange={(e) =>
                            setCategories({ ...categories, [o.id]: e.target.value as Category })
                          }
                        >
                          {CATEGORIES.map((c) => (
                            <option key={c} value={c}>
                              {t(`calls.category.${c}`)}
                            </option>
                          ))}
                        </select>
                      ),
                  },
                  {
                    key: 'amount',
                    header: t('deals.amount'),
                    numeric: true,
                    cell: (o) => fmt.money(o.amountMinor),
                  },
                  { key: 'close', header: t('deals.close'), cell: (o) => fmt.date(o.expectedCloseDate) },
                ]}
              />
            )}
          </form>
        )}
      </Async>
    </Panel>
  );
}
