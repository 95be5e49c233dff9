import { useState, type FormEvent } from 'react';
import { request } from '../../api/client.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import { getTeams, getUsers, listOf } from '../../api/people.ts';
import type { Goal, NewGoal } from '../../api/types/goals.ts';
import type { Grain } from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Panel } from '../../components/panel.tsx';
import { runSave, SaveStatus, type SaveState } from '../../components/SaveStatus.tsx';
import { Async } from '../../components/state.tsx';
import { formatMetric } from '../../format/metric-value.ts';
import { useWorkspace } from '../../format/workspace.tsx';
import { t } from '../../i18n/t.ts';
import { metricLabel, metricName } from '../../i18n/metric-label.ts';

const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
const SCOPES: readonly Goal['scopeType'][] = ['user', 'team', 'company'];

/** Goals and quotas (a quota is a goal on won revenue): list and create through /api/goals. */
export function GoalsSettings() {
  const { fmt } = useWorkspace();
  const state = useApi(async (signal) => {
    const [goals, definitions, users, teams] = await Promise.all([
      request<{ items: Goal[] }>('GET', '/api/goals', { signal }).then((b) => listOf<Goal>(b, 'goals')),
      getMetricDefinitions(signal),
      getUsers(signal),
      getTeams(signal),
    ]);
    return { goals, definitions, users, teams };
  }, []);
  const [draft, setDraft] = useState({
    name: '',
    metricId: 'calls',
    scopeType: 'user' as Goal['scopeType'],
    scopeId: '',
    grain: 'week' as Grain,
    target: '',
    direction: 'at_least' as Goal['direction'],
  });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  async function create(event: FormEvent) {
    event.preventDefault();
    const definition = state.data?.definitions.find((d) => d.id === draft.metricId);
    // Money targets are typed in major units (dollars) and stored in minor units; ratios are typed as percent.
    const scale =
      definition?.unit === 'money' ? 10 ** fmt.currencyDigits : definition?.unit === 'ratio' ? 0.01 : 1;
    const body: NewGoal = {
      name: draft.name,
      metricId: draft.metricId,
      scopeType: draft.scopeType,
      scopeId: draft.scopeType === 'company' ? null : Number(draft.scopeId),
      grain: draft.grain,
      periodKey: null,
      target: Number((Number(draft.target) * scale).toPrecision(12)),
      direction: draft.direction,
    };
    if (await runSave(setSave, () => request('POST', '/api/goals', { body }))) {
      setDraft({ ...draft, name: '', target: '' });
      state.reload();
    }
  }
  return (
    <Async state={state}>
      {({ goals, definitions, users, teams }) => {
        const defOf = (id: string) => definitions.find((d) => d.id === id);
        const scopeName = (g: Goal) =>
          g.scopeType === 'company'
            ? t('explore.group.company')
            : g.scopeType === 'team'
              ? (teams.find((x) => x.id === g.scopeId)?.name ?? String(g.scopeId))
              : (users.find((x) => x.id === g.scopeId)?.name ?? String(g.scopeId));
        const scopeChoices =
          draft.scopeType === 'team'
            ? teams.map((x) => ({ id: x.id, name: x.name }))
            : users.filter((u) => u.role === 'rep').map((x) => ({ id: x.id, name: x.name }));
        return (
          <>
            <Panel title={t('settings.goals')}>
              <Async
                state={{ ...state, data: goals }}
                isEmpty={(rows) => rows.length === 0}
                emptyMessage={t('goals.none')}
              >
                {(rows) => (
                  <DataTable
                    caption={t('settings.goals')}
                    rows={rows}
                    rowKey={(g) => g.id}
                    testId="goals-table"
                    columns={[
                      { key: 'name', header: t('goals.name'), cell: (g) => g.name },
                      {
                        key: 'metric',
                        header: t('goals.metric'),
                        cell: (g) => metricName(defOf(g.metricId), g.metricId),
                      },
                      { key: 'scope', header: t('goals.scope'), cell: scopeName },
                      { key: 'grain', header: t('goals.grain'), cell: (g) => t(`grain.${g.grain}`) },
                      {
                        key: 'target',
                        header: t('goals.target'),
                        numeric: true,
                        cell: (g) =>
                          `${t(`goals.direction.${g.direction}`)} ${formatMetric(fmt, defOf(g.metricId)?.unit, g.target)}`,
                      },
                    ]}
                  />
                )}
              </Async>
            </Panel>
            <Panel title={t('goals.add')}>
              <form className="form-grid" onSubmit={(e) => void create(e)} aria-label={t('goals.add')}>
                <label>
                  {t('goals.name')}
                  <input
                    required
                    value={draft.name}
                    onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                  />
                </label>
                <label>
                  {t('goals.metric')}
                  <select
                    value={draft.metricId}
                    onChange={(e) => setDraft({ ...draft, metricId: e.target.value })}
                  >
                    {definitions.map((d) => (
                      <option key={d.id} value={d.id}>
                        {metricLabel(d)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('goals.scope')}
                  <select
                    value={draft.scopeType}
                    onChange={(e) =>
                      setDraft({ ...draft, scopeType: e.target.value as Goal['scopeType'], scopeId: '' })
                    }
                  >
                    {SCOPES.map((s) => (
                      <option key={s} value={s}>
                        {t(`goals.scope.${s}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {draft.scopeType !== 'company' && (
                  <label>
                    {t('goals.who')}
                    <select
                      required
                      value={draft.scopeId}
                      onChange={(e) => setDraft({ ...draft, scopeId: e.target.value })}
                    >
                      <option value="">{t('form.choose')}</option>
                      {scopeChoices.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                <label>
                  {t('goals.grain')}
                  <select
                    value={draft.grain}
                    onChange={(e) => setDraft({ ...draft, grain: e.target.value as Grain })}
                  >
                    {GRAINS.map((g) => (
                      <option key={g} value={g}>
                        {t(`grain.${g}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('goals.direction')}
                  <select
                    value={draft.direction}
                    onChange={(e) => setDraft({ ...draft, direction: e.target.value as Goal['direction'] })}
                  >
                    <option value="at_least">{t('goals.direction.at_least')}</option>
                    <option value="at_most">{t('goals.direction.at_most')}</option>
                  </select>
                </label>
                <label>
                  {t('goals.target')}
                  <input
                    required
                    type="number"
                    min={0}
                    step="any"
                    value={draft.target}
                    onChange={(e) => setDraft({ ...draft, target: e.target.value })}
                  />
                </label>
                <div className="form-actions">
                  <button type="submit">{t('goals.create')}</button>
                  <SaveStatus state={save} />
                </div>
              </form>
            </Panel>
          </>
        );
      }}
    </Async>
  );
}
