import type { Viewer } from '../../../domain/access/viewer.ts';
import { addDays } from '../../../domain/calendar/local-date.ts';
import type { Period } from '../../../domain/calendar/period.ts';
import { analyzeWins, type WinAnalysis } from '../../../domain/win-analysis/analyze.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { resolveCoachingSubject } from '../coaching/coaching-subject.ts';
import { dealFeatures } from './deal-features.ts';

/** What GET /api/win-analysis returns and `pacesetter wins analyze --json` prints. */
export interface WinReport extends WinAnalysis {
  period: { key: string; from: string; to: string };
  subject: { type: 'rep' | 'team' | 'visible'; id: number | null; name: string };
  currency: string;
}

/**
 * Won against lost deals closed in the period, over the deals the viewer may see: a rep their own, a manager a rep
 * or team of theirs (another's is forbidden, an unknown id not found, as every coaching view), an admin anyone.
 */
export async function winReport(
  db: Db,
  viewer: Viewer,
  req: {
    period: Period;
    userId?: number | undefined;
    teamId?: number | undefined;
    types?: readonly string[] | null;
    pipelineIds?: readonly number[] | null;
  },
): Promise<WinReport> {
  const settings = await getSettings(db);
  const subject = await resolveCoachingSubject(db, viewer, { userId: req.userId, teamId: req.teamId });
  const deals = await dealFeatures(db, {
    period: req.period,
    timeZone: settings.timeZone,
    currency: settings.currency,
    ownerIds: subject.ownerIds,
    types: req.types && req.types.length > 0 ? req.types : null,
    pipelineIds: req.pipelineIds && req.pipelineIds.length > 0 ? req.pipelineIds : null,
  });
  const stages = await db.selectFrom('stages').select(['id', 'name']).execute();
  const analysis = analyzeWins(deals, {
    currency: settings.currency,
    stageNames: new Map(stages.map((s) => [Number(s.id), s.name])),
  });
  return {
    period: { key: req.period.key, from: req.period.start, to: addDays(req.period.end, -1) },
    subject: { type: subject.type, id: subject.id, name: subject.name },
    currency: settings.currency,
    ...analysis,
  };
}
