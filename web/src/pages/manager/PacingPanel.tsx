import { getPacing } from '../../api/goals.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import { getTeams, getUsers } from '../../api/people.ts';
import type { Grain } from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { PacingList } from '../../components/PacingList.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';

/** Goal pacing from GET /api/goals/pacing; managers see their visible goals, reps the goals that apply to them. */
export function PacingPanel({
  title,
  grain,
  user,
  testId,
}: {
  title: string;
  /** Only goals of this grain (the rep home shows day, week and month apart). */
  grain?: Grain;
  user?: number | 'me';
  testId?: string;
}) {
  const state = useApi(
    async (signal) => {
      const team = user === undefined;
      const [all, defs, users, teams] = await Promise.all([
        getPacing({ user }, signal),
        getMetricDefinitions(signal),
        team ? getUsers(signal) : Promise.resolve([]),
        team ? getTeams(signal) : Promise.resolve([]),
      ]);
      const items = grain ? all.filter((p) => p.goal.grain === grain) : all;
      // A manager sees goals of several reps and teams: name whose goal each one is.
      const names = new Map<string, string>([
        ...users.map((u): [string, string] => [`user:${u.id}`, u.name]),
        ...teams.map((x): [string, string] => [`team:${x.id}`, x.name]),
      ]);
      return { items, definitions: new Map(defs.map((d) => [d.id, d])), names: team ? names : undefined };
    },
    [grain, user],
  );
  return (
    <Panel title={title} testId={testId}>
      <Async state={state} isEmpty={(d) => d.items.length === 0} emptyMessage={t('pace.none')}>
        {({ items, definitions, names }) => (
          <PacingList items={items} definitions={definitions} names={names} />
        )}
      </Async>
    </Panel>
  );
}
