import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import type { Holiday, HolidaysResponse } from '../../api/types/settings.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { todayIn } from '../../period/ranges.ts';

/** Company days off (the custom list, replaced as a whole by PUT /api/holidays) and the year's resolved days off. */
export function HolidaysSettings() {
  const { fmt, settings } = useWorkspace();
  const [year, setYear] = useState(() => Number(todayIn(settings?.timeZone ?? 'UTC').slice(0, 4)));
  const state = useApi(
    (signal) => request<HolidaysResponse>('GET', '/api/holidays', { query: { year }, signal }),
    [year],
  );
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function replace(holidays: Holiday[]) {
    const ok = await runSave(setSave, () =>
      request('PUT', '/api/holidays', { query: { year }, body: { holidays } }),
    );
    if (ok) state.reload();
    return ok;
  }
  async function add(event: FormEvent) {
    event.preventDefault();
    if (await replace([...(state.data?.custom ?? []), { date, name }])) {
      setDate('');
      setName('');
    }
  }
  return (
    <Panel
      title={t('settings.holidays')}
      actions={
        <label className="field-inline">
          {t('holidays.year')}
          <input
            type="number"
            value={year}
            min={1900}
            max={2200}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </label>
      }
    >
      <form className="toolbar" onSubmit={(e) => void add(e)} aria-label={t('holidays.add')}>
        <label className="field-inline">
          {t('holidays.day')}
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field-inline">
          {t('holidays.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('holidays.add')}</button>
        <SaveStatus state={save} />
      </form>
      <Async state={state} isEmpty={(h) => h.resolved.length === 0} emptyMessage={t('holidays.none')}>
        {(h) => (
          <DataTable
            caption={t('holidays.resolved', { year: h.year })}
            rows={h.resolved}
            rowKey={(d) => `${d.date}:${d.source}:${d.name}`}
            columns={[
              { key: 'day', header: t('holidays.day'), cell: (d) => fmt.date(d.date) },
              { key: 'name', header: t('holidays.name'), cell: (d) => d.name },
              { key: 'source', header: t('holidays.source'), cell: (d) => t(`holidays.source.${d.source}`) },
              {
                key: 'remove',
                header: '',
                cell: (d) =>
                  d.source === 'custom' ? (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={t('holidays.removeNamed', { name: d.name })}
                      onClick={() =>
                        void replace(h.custom.filter((c) => !(c.date === d.date && c.name === d.name)))
                      }
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
