import { useId, useState } from 'react';
import type { Me } from '../../api/types/auth.ts';
import type { RepScorecard } from '../../api/types/coaching.ts';
import { useApi } from '../../api/use-api.ts';
import { RangePicker } from '../../components/RangePicker.tsx';
import { t } from '../../i18n/t.ts';
import { useRange } from '../../period/use-range.ts';
import { getScorecard } from './coaching-api.ts';
import { QuadrantPanel } from './QuadrantPanel.tsx';
import { RepScorecardPanel } from './RepScorecardPanel.tsx';
import { ScorecardTablePanel } from './ScorecardTablePanel.tsx';

export { RepQuadrantPanel } from './RepQuadrantPanel.tsx';
export { RepScorecardPanel } from './RepScorecardPanel.tsx';

/** Which rep's benchmarks a manager or admin sees, among the reps of the scorecard. */
function BenchmarkRepPicker({
  reps,
  value,
  onChange,
}: {
  reps: readonly RepScorecard[];
  value: number;
  onChange: (id: number) => void;
}) {
  const id = useId();
  return (
    <div className="toolbar">
      <div className="field-inline">
        <label htmlFor={id}>{t('coaching.benchmarksFor')}</label>
        <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
          {reps.map((r) => (
            <option key={r.userId} value={r.userId}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/**
 * Rep evaluation (docs/coaching.md): the scorecard of every rep the viewer may see, one rep's KPIs beside the team
 * median and top quartile, and the quadrants with each rep's group history. A rep sees only their own row.
 */
export function CoachingPage({ me }: { me: Me }) {
  const { choice, setChoice, periodKey } = useRange('month');
  const scorecard = useApi((signal) => getScorecard(periodKey, signal), [periodKey]);
  const [picked, setPicked] = useState<number | null>(null);
  const reps = scorecard.data?.reps ?? [];
  const benchmarkRep =
    me.role === 'rep' ? me.id : reps.some((r) => r.userId === picked) ? picked : (reps[0]?.userId ?? null);
  return (
    <>
      <div className="page-head">
        <h1>{t('coaching.title')}</h1>
        <RangePicker value={choice} onChange={setChoice} />
      </div>
      <div className="dashboard">
        <ScorecardTablePanel state={scorecard} />
        {me.role !== 'rep' && benchmarkRep !== null && reps.length > 1 && (
          <BenchmarkRepPicker reps={reps} value={benchmarkRep} onChange={setPicked} />
        )}
        {benchmarkRep !== null && <RepScorecardPanel repId={benchmarkRep} periodKey={periodKey} />}
        <QuadrantPanel />
      </div>
    </>
  );
}
