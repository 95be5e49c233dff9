import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import type { Settings } from '../../api/types/settings.ts';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Loading } from '../../components/state.tsx';
import { localeWeekStart } from '../../../../src/domain/calendar/week-start.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function timeToMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Working hours, time zone, holidays country, currency, locale and the lead SLA (PUT /api/settings). */
export function GeneralSettings() {
  const { settings, reload } = useWorkspace();
  const [draft, setDraft] = useState<Settings | null>(settings);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => setDraft(settings), [settings]);
  if (!draft) return <Loading />;
  const weekdayName = (iso: number, weekday: 'short' | 'long' = 'short') =>
    new Intl.DateTimeFormat(draft.locale, { weekday, timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, iso)), // 2024-01-01 was a Monday.
    );
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft({ ...draft, [key]: value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    // weekStartDay is derived by the server (the choice, or the locale's first day); only the choice is sent.
    const { weekStartDay: _derived, ...body } = draft;
    if (await runSave(setSave, () => request('PUT', '/api/settings', { body }))) reload();
  }
  return (
    <Panel title={t('settings.general')}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-grid">
          <label>
            {t('settings.currency')}
            <input
              value={draft.currency}
              maxLength={3}
              pattern="[A-Z]{3}"
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
          </label>
          <label>
            {t('settings.locale')}
            <input value={draft.locale} onChange={(e) => set('locale', e.target.value)} />
          </label>
          <label>
            {t('settings.timeZone')}
            <input value={draft.timeZone} onChange={(e) => set('timeZone', e.target.value)} />
          </label>
          <label>
            {t('settings.workStart')}
            <input
              type="time"
              value={minutesToTime(draft.workStartMinute)}
              onChange={(e) => set('workStartMinute', timeToMinutes(e.target.value))}
            />
          </label>
          <label>
            {t('settings.workEnd')}
            <input
              type="time"
              value={minutesToTime(draft.workEndMinute)}
              onChange={(e) => set('workEndMinute', timeToMinutes(e.target.value))}
            />
          </label>
          <label>
            {t('settings.holidayCountry')}
            <input
              value={draft.holidayCountry ?? ''}
              maxLength={2}
              onChange={(e) => set('holidayCountry', e.target.value.toUpperCase() || null)}
            />
          </label>
          <label>
            {t('settings.holidayRegion')}
            <input
              value={draft.holidayRegion ?? ''}
              onChange={(e) => set('holidayRegion', e.target.value || null)}
            />
          </label>
          <label>
            {t('settings.fiscalYearStart')}
            <input
              type="number"
              min={1}
              max={12}
              value={draft.fiscalYearStartMonth}
              onChange={(e) => set('fiscalYearStartMonth', Number(e.target.value))}
            />
          </label>
          <label>
            {t('settings.weekStart')}
            <select
              data-testid="settings-week-start"
              value={draft.weekStartDayChoice ?? ''}
              onChange={(e) =>
                set('weekStartDayChoice', e.target.value === '' ? null : Number(e.target.value))
              }
            >
              <option value="">
                {t('settings.weekStartFromLocale', {
                  day: weekdayName(localeWeekStart(draft.locale), 'long'),
                })}
              </option>
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {weekdayName(day, 'long')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('settings.leadSla')}
            <input
              type="number"
              min={1}
              value={draft.leadSlaMinutes}
              onChange={(e) => set('leadSlaMinutes', Number(e.target.value))}
            />
          </label>
          <label>
            {t('settings.followUpTarget')}
            <input
              type="number"
              min={0}
              value={draft.followUpTarget}
              onChange={(e) => set('followUpTarget', Number(e.target.value))}
            />
          </label>
          <label>
            {t('settings.plannedGrowth')}
            <input
              type="number"
              step="any"
              placeholder={t('settings.plannedGrowthTrend')}
              value={draft.plannedGrowthPct ?? ''}
              onChange={(e) => set('plannedGrowthPct', e.target.value === '' ? null : Number(e.target.value))}
            />
          </label>
        </div>
        <fieldset className="weekdays">
          <legend>{t('settings.workingDays')}</legend>
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={draft.workingDays.includes(day)}
                onChange={(e) =>
                  set(
                    'workingDays',
                    e.target.checked
                      ? [...draft.workingDays, day].sort()
                      : draft.workingDays.filter((d) => d !== day),
                  )
                }
              />
              {weekdayName(day)}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit">{t('form.save')}</button>
          <SaveStatus state={save} />
        </div>
      </form>
    </Panel>
  );
}
