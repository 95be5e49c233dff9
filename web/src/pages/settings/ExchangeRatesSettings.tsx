import { useRef, useState, type FormEvent } from 'react';
import { request, upload } from '../../api/client.ts';
import type { ExchangeRateInput, ExchangeRatesResponse } from '../../api/types/exchange-rates.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/**
 * Exchange rates to the workspace currency (docs/localization.md, "Money in more than one currency"): add or
 * replace one rate, remove one, or import a CSV file (all or nothing; the server names each bad line).
 */
export function ExchangeRatesSettings() {
  const { fmt } = useWorkspace();
  const state = useApi(
    (signal) => request<ExchangeRatesResponse>('GET', '/api/exchange-rates', { signal }),
    [],
  );
  const [form, setForm] = useState<ExchangeRateInput>({ currency: '', effectiveFrom: '', rate: '' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [imported, setImported] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const currency = state.data?.currency ?? '';

  async function add(event: FormEvent) {
    event.preventDefault();
    const rate = { ...form, currency: form.currency.trim().toUpperCase(), rate: form.rate.trim() };
    if (await runSave(setSave, () => request('PUT', '/api/exchange-rates', { body: { rates: [rate] } }))) {
      setForm({ currency: '', effectiveFrom: '', rate: '' });
      state.reload();
    }
  }
  async function remove(code: string, date: string) {
    if (await runSave(setSave, () => request('DELETE', `/api/exchange-rates/${code}/${date}`)))
      state.reload();
  }
  async function importFile(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return;
    setImported(null);
    const ok = await runSave(setSave, async () => {
      const r = await upload<{ imported: number }>('/api/exchange-rates/import', file, 'text/csv', () => {});
      setImported(r.imported);
    });
    if (ok) state.reload();
  }

  return (
    <Panel title={t('settings.rates')}>
      <p className="muted">{t('rates.help', { currency })}</p>
      <form className="toolbar" onSubmit={(e) => void add(e)} aria-label={t('rates.add')}>
        <label className="field-inline">
          {t('rates.currency')}
          <input
            required
            value={form.currency}
            pattern="[A-Za-z]{3}"
            maxLength={3}
            size={4}
            placeholder="EUR"
            onChange={(e) => setForm({ ...form, currency: e.target.value })}
          />
        </label>
        <label className="field-inline">
          {t('rates.effectiveFrom')}
          <input
            type="date"
            required
            value={form.effectiveFrom}
            onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })}
          />
        </label>
        <label
          className="field-inline"
          title={t('rates.rateHelp', { from: form.currency || 'EUR', to: currency })}
        >
          {t('rates.rate')}
          <input
            required
            inputMode="decimal"
            pattern="[0-9]+(\.[0-9]+)?"
            value={form.rate}
            placeholder="1.0850"
            onChange={(e) => setForm({ ...form, rate: e.target.value })}
          />
        </label>
        <button type="submit">{t('rates.add')}</button>
        <SaveStatus state={save} />
      </form>
      <form className="toolbar" onSubmit={(e) => void importFile(e)} aria-label={t('rates.import')}>
        <label className="field-inline" title={t('rates.importHelp')}>
          {t('rates.import')}
          <input ref={fileInput} type="file" accept=".csv,text/csv" required />
        </label>
        <button type="submit" className="secondary">
          {t('rates.import')}
        </button>
        {imported !== null && <span role="status">{t('rates.imported', { count: imported })}</span>}
      </form>
      <Async state={state} isEmpty={(r) => r.rates.length === 0} emptyMessage={t('rates.none')}>
        {(r) => (
          <DataTable
            caption={t('rates.list')}
            rows={r.rates}
            rowKey={(x) => `${x.quoteCurrency}:${x.currency}:${x.effectiveFrom}`}
            columns={[
              { key: 'currency', header: t('rates.currency'), cell: (x) => x.currency },
              { key: 'from', header: t('rates.effectiveFrom'), cell: (x) => fmt.date(x.effectiveFrom) },
              // The decimal exactly as stored: a rate is not rounded for display.
              { key: 'rate', header: t('rates.rate'), cell: (x) => <span dir="ltr">{x.rate}</span> },
              { key: 'quote', header: t('rates.quote'), cell: (x) => x.quoteCurrency },
              {
                key: 'applies',
                header: t('rates.applies'),
                cell: (x) => (x.applies ? '✓' : t('rates.notApplied')),
              },
              {
                key: 'remove',
                header: '',
                cell: (x) =>
                  x.applies ? (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('rates.removeNamed', { currency: x.currency, date: x.effectiveFrom })}
                      onClick={() => void remove(x.currency, x.effectiveFrom)}
                    >
                      {t('form.remove')}
                    </button>
                  ) : null,
              },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
