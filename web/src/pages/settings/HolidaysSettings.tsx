import { useState, type FormEvent } from 'react';
import { listOf } from '../../api/people.ts';
import { request } from '../../api/client.ts';
import type { Holiday } from '../../api/types/settings.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

/** Custom holidays (company days off) on top of the country's public holidays. */
export function HolidaysSettings() {
  const { fmt } = useWorkspace();
  const state = useApi(
    async (signal) =>
      listOf(
        await request<Holiday[] | { holidays: Holiday[] }>('GET', '/api/holidays', { signal }),
        'holidays',
      ),
    [],
  );
  const [day, setDay] = useState('');
  const [name, setName] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function add(event: FormEvent) {
    event.preventDefault();
    if (await runSave(setSave, () => request('POST', '/api/holidays', { body: { day, name } }))) {
      setDay('');
      setName('');
      state.reload();
    }
  }
  async function remove(holiday: Holiday) {
    if (await runSave(setSave, () => request('DELETE', `/api/holidays/${holiday.day}`))) state.reload();
  }
  return (
    <Panel title={t('settings.holidays')}>
      <form className="toolbar" onSubmit={(e) => void add(e)}>
        <label className="field-inline">
          {t('holidays.day')}
          <input type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
        </label>
        <label className="field-inline">
          {t('holidays.name')}
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('holidays.add')}</button>
        <SaveStatus state={save} />
      </form>
      <Async state={state} isEmpty={(rows) => rows.length === 0} emptyMessage={t('holidays.none')}>
        {(rows) => (
          <DataTable
            caption={t('settings.holidays')}
            rows={rows}
            rowKey={(h) => h.day}
            columns={[
              { key: 'day', header: t('holidays.day'), cell: (h) => fmt.date(h.day) },
              { key: 'name', header: t('holidays.name'), cell: (h) => h.name },
              {
                key: 'remove',
                header: '',
                cell: (h) => (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('holidays.removeNamed', { name: h.name })}
                    onClick={() => void remove(h)}
                  >
                    {t('form.remove')}
                  </button>
                ),
              },
            ]}
          />
        )}
      </Async>
    </Panel>
  );
}
