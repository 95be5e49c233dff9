import type { Me } from '../../api/types/auth.ts';
import { t } from '../../i18n/t.ts';
import { CalibrationPanel } from './CalibrationPanel.tsx';
import { ScoredLeadsPanel } from './ScoredLeadsPanel.tsx';
import { RoutingPanel } from './RoutingPanel.tsx';
import { ScoringRulesPanel } from './ScoringRulesPanel.tsx';
import { SpeedToLeadPanel } from './SpeedToLeadPanel.tsx';

/**
 * Leads by score: the open leads the viewer may see, hottest first, each score explained on hover; for managers
 * and admins, how past leads converted by score (is the threshold right?); for admins, the rules and thresholds
 * with a preview of what a change would move; speed to lead (what slow answers cost) for managers and admins;
 * routing rules, fairness and out-of-office dates (a rep: their own dates).
 */
export function LeadsPage({ me }: { me: Me }) {
  const role = me.role;
  return (
    <>
      <div className="page-head">
        <h1>{t('scoring.title')}</h1>
      </div>
      <div className="dashboard">
        <ScoredLeadsPanel />
        {role !== 'rep' && <CalibrationPanel />}
        {role === 'admin' && <ScoringRulesPanel />}
        {role !== 'rep' && <SpeedToLeadPanel />}
        <RoutingPanel me={me} />
      </div>
    </>
  );
}
