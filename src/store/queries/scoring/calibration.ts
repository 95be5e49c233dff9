import { sql, type SqlBool } from 'kysely';
import { addDays, addMonths } from '../../../domain/calendar/local-date.ts';
import { instantToLocal, localDateToInstant } from '../../../domain/calendar/zoned.ts';
import { AppError } from '../../../errors.ts';
import { listRuleSets } from '../../tables/scoring-rule-sets.ts';
import { getSettings } from '../../tables/settings.ts';
import {
  calibrationReport,
  type CalibrationLead,
  type CalibrationOptions,
  type CalibrationReport,
} from '../../../domain/lead-calibration/report.ts';
import type { RuleSet } from '../../../domain/scoring/rules.ts';
import type { DbOrTx } from '../../derived/people.ts';
import { ruleHitsSelect, scoreSelect, type ScoreAsOf } from './score-sql.ts';

export interface CalibrationQuery {
  /** Leads created in [from, to). */
  from: Date;
  to: Date;
  /** Outcomes known by this instant (conversions and wins after it do not count). */
  asOf: Date;
  proposedThreshold: number | null;
  bandWidth: number;
}

/**
 * The calibration report for past leads under a rule set (docs/lead-scoring.md "Calibration").
 *
 * Each lead is scored as it stood when it was decided: at its conversion to an opportunity, at its
 * disqualification, or at `asOf` if neither happened; events after that instant do not count, or a converted
 * lead's later activity (demo calls, trial emails) would leak its outcome into its score and flatter the rules.
 * Scores and per-rule evidence come from the same compiled SQL as live scoring (score-sql.ts), set-based; the
 * report itself (bands, thresholds, the fitted model) is pure domain code over one row per lead.
 */
export async function loadCalibration(
  db: DbOrTx,
  rs: RuleSet,
  q: CalibrationQuery,
): Promise<CalibrationReport & { from: string; to: string; asOf: string; ruleSetVersion: number }> {
  const asOfSql = sql`${q.asOf.toISOString()}::timestamptz`;
  const decidedAt: ScoreAsOf = {
    perLead: sql`least(coalesce(l.converted_at, 'infinity'::timestamptz),
      coalesce(l.disqualified_at, 'infinity'::timestamptz), ${asOfSql})`,
  };
  const where = sql<SqlBool>`l.created_at >= ${q.from.toISOString()}::timestamptz
    and l.created_at < ${q.to.toISOString()}::timestamptz and l.created_at <= ${asOfSql}`;
  const scored = await sql<{ lead_id: number; score: number; opportunity: boolean; won: boolean }>`
    select lead_id, score, opportunity, opportunity and coalesce(won, false) as won from (
      select s.lead_id, s.score,
        (l.converted_opportunity_id is not null and coalesce(l.converted_at, ${asOfSql}) <= ${asOfSql}) as opportunity,
        (o.status = 'won' and o.closed_at <= ${asOfSql}) as won
      from (${scoreSelect(rs, decidedAt, where)}) s
      join leads l on l.id = s.lead_id
      left join opportunities o on o.id = l.converted_opportunity_id) x
    order by lead_id`.execute(db);
  const hits = await sql<{ lead_id: number; ord: number; raw: number }>`
    select lead_id, ord, raw from (${ruleHitsSelect(rs, decidedAt, where)}) h`.execute(db);

  // Features: per rule, its raw total divided by its points, so a fit rule reads 1/0 and an engagement rule its
  // (decayed) count of matching events, whatever points the rule set gives it today.
  const index = new Map<number, number>();
  const leads: CalibrationLead[] = scored.rows.map((r, i) => {
    index.set(Number(r.lead_id), i);
    return {
      id: Number(r.lead_id),
      score: Number(r.score),
      opportunity: r.opportunity,
      won: r.won,
      features: new Array<number>(rs.rules.length).fill(0),
    };
  });
  for (const h of hits.rows) {
    const lead = leads[index.get(Number(h.lead_id)) ?? -1];
    const rule = rs.rules[Number(h.ord)];
    if (!lead || !rule || rule.points === 0) continue;
    (lead.features as number[])[Number(h.ord)] = Number(h.raw) / rule.points;
  }
  const options: CalibrationOptions = {
    mqlThreshold: rs.mqlThreshold,
    sqlThreshold: rs.sqlThreshold,
    proposedThreshold: q.proposedThreshold,
    bandWidth: q.bandWidth,
    holdoutShare: 0.25,
    minLeadsForModel: 200,
  };
  return {
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    asOf: q.asOf.toISOString(),
    ruleSetVersion: rs.version,
    ...calibrationReport(
      leads,
      rs.rules.map((r) => ({ id: r.id, label: r.label, points: r.points })),
      options,
    ),
  };
}

/** Leads younger than this at the as-of have had too little time to convert; the default range ends before it. */
export const CALIBRATION_MATURITY_DAYS = 90;

/** A calibration as the API and CLI ask for it: workspace dates (both included), a rule version, a threshold. */
export interface CalibrationRequest {
  from?: string;
  to?: string;
  threshold: number | null;
  bandWidth: number;
  version?: number;
}

/**
 * Resolves a request against the workspace (zone, default range: the 12 months ending 90 days before today) and
 * the saved rule sets (the active one, or `version`), then loads the report. One place for the API and the CLI.
 */
export async function calibrationFor(db: DbOrTx, req: CalibrationRequest, now: Date) {
  const zone = (await getSettings(db)).timeZone;
  const to = req.to ?? addDays(instantToLocal(now, zone).date, -CALIBRATION_MATURITY_DAYS);
  const from = req.from ?? addMonths(addDays(to, 1), -12);
  if (from > to)
    throw new AppError('validation', 'from is after to', [{ field: 'from', reason: 'after to' }]);
  const versions = await listRuleSets(db);
  const rs =
    req.version === undefined
      ? versions.find((v) => v.active)
      : versions.find((v) => v.version === req.version);
  if (!rs) throw new AppError('not_found', `No scoring rule set version ${req.version ?? '(active)'}`);
  const report = await loadCalibration(db, rs, {
    from: localDateToInstant(from, zone),
    to: localDateToInstant(addDays(to, 1), zone),
    asOf: now,
    proposedThreshold: req.threshold,
    bandWidth: req.bandWidth,
  });
  // The range as asked: workspace dates, both included (loadCalibration's are the instants they resolve to).
  return { ...report, from, to };
}
