import { useEffect, useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async, Loading } from '../../components/state.tsx';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { metricDescription, metricLabel } from '../../i18n/metric-label.ts';

/**
 * Which metrics the workspace publishes on leaderboards (settings.leaderboardMetrics, PUT /api/settings): every
 * signed-in user sees the whole board of a checked metric; an unchecked metric's board shows each viewer only
 * the reps they may see anyway (a rep: themselves; a manager: their teams).
 */
export function LeaderboardSettings() {
  const { settings, reload } = useWorkspace();
  const definitions = useApi((signal) => getMetricDefinitions(signal), []);
  const [checked, setChecked] = useState<string[] | null>(settings?.leaderboardMetrics ?? null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  useEffect(() => setChecked(settings?.leaderboardMetrics ?? null), [settings]);
  if (!checked) return <Loading />;
  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = { leaderboardMetrics: checked };
    if (await runSave(setSave, () => request('PUT', '/api/settings', { body }))) reload();
  }
  return (
    <Panel title={t('settings.leaderboards')}>
      <p className="muted">{t('settings.leaderboardsHelp')}</p>
      <Async state={definitions}>
        {(defs) => (
          <form onSubmit={(e) => void submit(e)}>
            <fieldset className="checklist" data-testid="leaderboard-metrics">
              <legend>{t('settings.leaderboardMetrics')}</legend>
              {defs.map((d) => (
                <label key={d.id} title={metricDescription(d)}>
                  <input
                    type="checkbox"
                    value={d.id}
                    checked={checked.includes(d.id)}
                    onChange={(e) =>
                      setChecked(e.target.checked ? [...checked, d.id] : checked.filter((id) => id !== d.id))
                    }
                  />
                  {metricLabel(d)}
                </label>
              ))}
            </fieldset>
            <div className="form-actions">
              <button type="submit">{t('form.save')}</button>
              <SaveStatus state={save} />
            </div>
          </form>
        )}
      </Async>
    </Panel>
  );
}
