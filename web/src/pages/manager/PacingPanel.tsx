import { getPacing } from '../../api/goals.ts';
import { getMetricDefinitions } from '../../api/metrics.ts';
import type { Grain } from '../../api/types/metrics.ts';
import { useApi } from '../../api/use-api.ts';
import { PacingList } from '../../components/PacingList.tsx';
import { Panel } from '../../components/panel.tsx';
import { Async } from '../../components/state.tsx';
import { t } from '../../i18n/t.ts';

/** Goal pacing from GET /api/goals/pacing; managers see their team's goals, reps their own. */
export function PacingPanel({
  title,
  grain,
  userId,
  showScope = true,
  testId,
}: {
  title: string;
  grain?: Grain;
  userId?: number;
  showScope?: boolean;
  testId?: string;
}) {
  const state = useApi(
    async (signal) => {
      const [items, defs] = await Promise.all([
        getPacing({ grain, userId }, signal),
        getMetricDefinitions(signal),
      ]);
      return { items, definitions: new Map(defs.map((d) => [d.id, d])) };
    },
    [grain, userId],
  );
  return (
    <Panel title={title} testId={testId}>
      <Async state={state} isEmpty={(d) => d.items.length === 0} emptyMessage={t('pace.none')}>
        {({ items, definitions }) => (
          <PacingList items={items} definitions={definitions} showScope={showScope} />
        )}
      </Async>
    </Panel>
  );
}
