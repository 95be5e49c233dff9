import { useEffect, useRef, useState, type FormEvent } from 'react';
import { getToday, quickLog } from '../../api/capture.ts';
import { ApiError } from '../../api/client.ts';
import {
  QUICK_LOG_OUTCOMES,
  QUICK_LOG_TYPES,
  type QuickLogOutcome,
  type QuickLogType,
} from '../../api/types/capture.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { ErrorNote } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { addDays, todayIn } from '../../period/ranges.ts';
import { ContactPicker, TouchPill, type PickedContact } from './ContactPicker.tsx';
import { TodayPanel } from './TodayPanel.tsx';
import './quick-log.css';

/** Type keys: one letter per kind of touch, pressed anywhere outside a text field. */
const TYPE_KEYS: Record<string, QuickLogType> = { c: 'call', e: 'email', m: 'meeting', l: 'linkedin' };

interface Logged {
  isNewProspect: boolean;
  type: QuickLogType;
  name: string;
  nextStep: { type: QuickLogType; date: string } | null;
}

function isTextField(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(el.type);
}

/**
 * Quick log (/log): a touch in a few keystrokes. Type by letter, contact by search, outcome by digit, Enter
 * logs. New prospect or follow-up is never asked: the answer shows what the server derived, then the form clears
 * for the next touch (the type stays). The Today panel reloads after each log.
 */
export function QuickLogPage() {
  const { settings } = useWorkspace();
  const [type, setType] = useState<QuickLogType>('call');
  const [outcome, setOutcome] = useState<QuickLogOutcome>('connected');
  const [contact, setContact] = useState<PickedContact | null>(null);
  const [note, setNote] = useState('');
  const [minutes, setMinutes] = useState('');
  const [withNext, setWithNext] = useState(false);
  const [nextType, setNextType] = useState<QuickLogType>('call');
  const [nextDate, setNextDate] = useState('');
  const [nextTime, setNextTime] = useState('09:00');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [logged, setLogged] = useState<Logged | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);
  const today = useApi((signal) => getToday(signal), []);
  const tomorrow = addDays(todayIn(settings?.timeZone ?? 'UTC'), 1);
  const outcomes: readonly QuickLogOutcome[] = QUICK_LOG_OUTCOMES[type];

  const chooseType = (next: QuickLogType) => {
    setType(next);
    setOutcome(QUICK_LOG_OUTCOMES[next][0]);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // defaultPrevented: the picker used this key (its Enter picks a row, then unmounts the search field).
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextField(document.activeElement))
        return;
      const key = e.key.toLowerCase();
      const typed = TYPE_KEYS[key];
      if (typed) {
        e.preventDefault();
        chooseType(typed);
      } else if (/^[1-9]$/.test(key)) {
        const picked = QUICK_LOG_OUTCOMES[type][Number(key) - 1];
        if (picked) {
          e.preventDefault();
          setOutcome(picked);
        }
      } else if (key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (
        e.key === 'Enter' &&
        (document.activeElement === document.body ||
          (formRef.current?.contains(document.activeElement) &&
            !(document.activeElement instanceof HTMLButtonElement)))
      ) {
        // Enter logs from the form's radios or the bare page; links and buttons keep their own Enter.
        e.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [type]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    if (!contact) {
      setError(new Error(t('log.pickContact')));
      searchRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const mins = minutes.trim() === '' ? null : Math.round(Number(minutes) * 60);
      const nextStep = withNext
        ? { type: nextType, date: nextDate || tomorrow, time: nextTime || undefined, note: null }
        : null;
      const result = await quickLog({
        type,
        outcome,
        ...(contact.kind === 'existing'
          ? { contactId: contact.contact.id }
          : { newContact: { name: contact.name.trim(), email: contact.email.trim() } }),
        note: note.trim() === '' ? null : note.trim(),
        durationSeconds: mins !== null && Number.isFinite(mins) ? mins : null,
        nextStep,
      });
      setLogged({
        isNewProspect: result.activity.isNewProspect,
        type,
        name: contact.kind === 'existing' ? contact.contact.name : contact.name.trim(),
        nextStep: nextStep && { type: nextStep.type, date: nextStep.date },
      });
      setContact(null);
      setNote('');
      setMinutes('');
      setWithNext(false);
      setNextDate('');
      today.reload();
      setTimeout(() => searchRef.current?.focus());
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('log.title')}</h1>
          <span className="range-text key-help">{t('log.help')}</span>
        </div>
      </div>
      <div className="quick-log-layout">
        <Panel title={t('log.form')} testId="quick-log">
          <form ref={formRef} className="quick-log" onSubmit={(e) => void submit(e)} noValidate>
            <fieldset className="choice-row">
              <legend>{t('log.type')}</legend>
              {QUICK_LOG_TYPES.map((k) => (
                <label key={k} className={k === type ? 'choice on' : 'choice'}>
                  <input
                    type="radio"
                    name="type"
                    value={k}
                    checked={k === type}
                    onChange={() => chooseType(k)}
                  />
                  {t(`log.type.${k}`)}
                </label>
              ))}
            </fieldset>
            <div className="field-block">
              <span className="field-label">{t('log.contact')}</span>
              <ContactPicker
                value={contact}
                onChange={(picked) => {
                  setContact(picked);
                  // A known contact picked: on to the outcome (arrows or digits), Enter logs.
                  if (picked?.kind === 'existing')
                    setTimeout(() =>
                      formRef.current
                        ?.querySelector<HTMLInputElement>('input[name="outcome"]:checked')
                        ?.focus(),
                    );
                }}
                inputRef={searchRef}
              />
            </div>
            <fieldset className="choice-row">
              <legend>{t('log.outcome')}</legend>
              {outcomes.map((o, i) => (
                <label key={o} className={o === outcome ? 'choice on' : 'choice'}>
                  <input
                    type="radio"
                    name="outcome"
                    value={o}
                    checked={o === outcome}
                    onChange={() => setOutcome(o)}
                  />
                  <span className="key-hint" aria-hidden="true">
                    {i + 1}
                  </span>{' '}
                  {t(`log.outcome.${o}`)}
                </label>
              ))}
            </fieldset>
            <label className="field-block">
              {t('log.note')}
              <textarea
                rows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                onKeyDown={(e) => {
                  // Enter logs from the note too; Shift+Enter is a new line.
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />
            </label>
            <label className="field-block narrow">
              {t('log.duration')}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={1440}
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={withNext} onChange={(e) => setWithNext(e.target.checked)} />{' '}
              {t('log.nextStepAdd')}
            </label>
            {withNext && (
              <div className="next-step">
                <label>
                  {t('log.nextType')}
                  <select value={nextType} onChange={(e) => setNextType(e.target.value as QuickLogType)}>
                    {QUICK_LOG_TYPES.map((k) => (
                      <option key={k} value={k}>
                        {t(`log.type.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('log.nextDate')}
                  <input
                    type="date"
                    value={nextDate || tomorrow}
                    onChange={(e) => setNextDate(e.target.value)}
                  />
                </label>
                <label>
                  {t('log.nextTime')}
                  <input type="time" value={nextTime} onChange={(e) => setNextTime(e.target.value)} />
                </label>
              </div>
            )}
            <div className="form-actions">
              <button type="submit" disabled={saving}>
                {saving ? t('log.saving') : t('log.submit')}
              </button>
            </div>
            <div role="status" aria-live="polite" data-testid="quick-log-result" className="log-result">
              {logged && (
                <>
                  <TouchPill kind={logged.isNewProspect ? 'new_prospect' : 'follow_up'} />{' '}
                  {t('log.loggedFor', {
                    kind: t(logged.isNewProspect ? 'log.newProspect' : 'log.followUp'),
                    type: t(`log.type.${logged.type}`),
                    name: logged.name,
                  })}
                  {logged.nextStep && (
                    <>
                      {' '}
                      {t('log.nextStepSaved', {
                        type: t(`log.type.${logged.nextStep.type}`),
                        date: logged.nextStep.date,
                      })}
                    </>
                  )}
                </>
              )}
            </div>
            {error && <ErrorNote error={error} />}
          </form>
        </Panel>
        <TodayPanel state={today} />
      </div>
    </>
  );
}
