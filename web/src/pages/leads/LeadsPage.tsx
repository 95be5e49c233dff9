import type { Me } from '../../api/types/auth.ts';
import { t } from '../../i18n/t.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';
import { ScoredLeadsPanel } from './ScoredLeadsPanel.tsx';
import { ScoringRulesPanel } from './ScoringRulesPanel.tsx';

/**
 * Leads by score: the open leads the viewer may see, hottest first, each score explained on hover; for managers
 * and admins, how past leads converted by score (is the threshold right?); for admins, the rules and thresholds
 * with a preview of what a change would move.
 */
export function LeadsPage({ role }: { role: Me['role'] }) {
  return (
    <>
      <div className="page-head">
        <h1>{t('scoring.title')}</h1>
      </div>
      <div className="dashboard">
        <ScoredLeadsPanel />
        {role !== 'rep' && <CalibrationPanel />}
        {role === 'admin' && <ScoringRulesPanel />}
      </div>
    </>
  );
}
