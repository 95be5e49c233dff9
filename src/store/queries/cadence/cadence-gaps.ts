import type { Viewer } from '../../../domain/access/viewer.ts';
import {
  DEFAULT_SILENT_DAYS,
  type CadenceRules,
  type DealCadence,
  type LeadCadence,
} from '../../../domain/cadence/cadence.ts';
import type { Db } from '../../db.ts';
import { getSettings } from '../../tables/settings.ts';
import { rateNotice } from '../money/listed-amounts.ts';
import { dealCadence } from './deal-cadence.ts';
import { leadCadence } from './lead-cadence.ts';

/** Both gap lists with the rules that produced them. */
export interface CadenceGaps {
  rules: CadenceRules;
  silentDeals: DealCadence[];
  underAttemptedLeads: LeadCadence[];
  /** Currencies of silent deals with no rate today (their workspaceAmountMinor is null), and the warning. */
  currenciesWithoutRate: string[];
  warnings: string[];
}

/** Deals that fell silent before the follow-up target and leads below the minimum attempts, for the viewer. */
export async function cadenceGaps(
  db: Db,
  viewer: Viewer,
  opts: { now: Date; silentDays?: number; limit?: number },
): Promise<CadenceGaps> {
  const s = await getSettings(db);
  const rules: CadenceRules = {
    silentDays: opts.silentDays ?? DEFAULT_SILENT_DAYS,
    followUpTarget: s.followUpTarget,
    leadMinAttempts: s.leadMinAttempts,
  };
  const common = { now: opts.now, timeZone: s.timeZone, rules, gapsOnly: true, limit: opts.limit };
  const [silentDeals, underAttemptedLeads] = [
    await dealCadence(db, viewer, common),
    await leadCadence(db, viewer, common),
  ];
  return { rules, silentDeals, underAttemptedLeads, ...rateNotice(silentDeals) };
}
