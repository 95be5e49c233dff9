import { getPacing } from '../../api/goals.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
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
      const [all, defs] = await Promise.all([getPacing({ user }, signal), getMetricDefinitions(signal)]);
      const items = grain ? all.filter((p) => p.goal.grain === grain) : all;
      return { items, definitions: new Map(defs.map((d) => [d.id, d])) };
    },
    [grain, user],
  );
  return (
    <Panel title={title} testId={testId}>
      <Async state={state} isEmpty={(d) => d.items.length === 0} emptyMessage={t('pace.none')}>
        {({ items, definitions }) => <PacingList items={items} definitions={definitions} />}
      </Async>
    </Panel>
  );
}
