import { sql, type SqlBool } from 'kysely';
import type { RuleSet } from '../../../domain/scoring/rules.ts';
import type { ScoreBand } from '../../../domain/scoring/thresholds.ts';
import type { DbOrTx } from '../../derived/people.ts';
import { scoreSelect } from './score-sql.ts';

export interface RulePreview {
  /** Open leads (new, working, mql, sql) compared. */
  openLeads: number;
  current: Record<ScoreBand, number>;
  proposed: Record<ScoreBand, number>;
  /** Leads whose band changes, by from -> to. */
  moves: Array<{ from: ScoreBand; to: ScoreBand; leads: number }>;
  /** Leads whose status saving the proposal would move forward (new/working -> mql or sql, mql -> sql). */
  wouldPromote: number;
  asOf: Date;
}

function band(rs: Pick<RuleSet, 'mqlThreshold' | 'sqlThreshold' | 'demoRequestQualifies'>, alias: string) {
  const s = sql.ref(`${alias}.score`);
  const d = sql.ref(`${alias}.demo_requested`);
  return sql<ScoreBand>`case when ${s} >= ${rs.sqlThreshold} or (${d} and ${rs.demoRequestQualifies}) then 'sql'
    when ${s} >= ${rs.mqlThreshold} then 'mql' else 'below' end`;
}

/**
 * What a proposed rule set would do to the open leads, without saving anything: both the active and the proposed
 * rule set scored at `asOf` (set-based, one statement), each lead's band (below / mql / sql, scoreBand) under
 * each, and the band changes counted.
 */
export async function previewRuleSet(
  db: DbOrTx,
  active: RuleSet,
  proposed: RuleSet,
  asOf: Date,
): Promise<RulePreview> {
  const open = sql<SqlBool>`l.status in ('new', 'working', 'mql', 'sql')`;
  const r = await sql<{ from_band: ScoreBand; to_band: ScoreBand; promote: boolean; leads: number }>`
    with cur as (${scoreSelect(active, asOf, open)}),
    prop as (${scoreSelect(proposed, asOf, open)}),
    banded as (
      select ${band(active, 'c')} as from_band, ${band(proposed, 'p')} as to_band, p.status
      from cur c join prop p on p.lead_id = c.lead_id
    )
    select from_band, to_band,
      (to_band = 'sql' and status in ('new', 'working', 'mql')) or (to_band = 'mql' and status in ('new', 'working')) as promote,
      count(*)::int as leads
    from banded group by 1, 2, 3`.execute(db);
  const zero = (): Record<ScoreBand, number> => ({ below: 0, mql: 0, sql: 0 });
  const out: RulePreview = {
    openLeads: 0,
    current: zero(),
    proposed: zero(),
    moves: [],
    wouldPromote: 0,
    asOf,
  };
  const moves = new Map<string, number>();
  for (const row of r.rows) {
    const n = Number(row.leads);
    out.openLeads += n;
    out.current[row.from_band] += n;
    out.proposed[row.to_band] += n;
    if (row.promote) out.wouldPromote += n;
    if (row.from_band !== row.to_band) {
      const k = `${row.from_band}>${row.to_band}`;
      moves.set(k, (moves.get(k) ?? 0) + n);
    }
  }
  const order: ScoreBand[] = ['below', 'mql', 'sql'];
  for (const from of order)
    for (const to of order) {
      const n = moves.get(`${from}>${to}`);
      if (n !== undefined) out.moves.push({ from, to, leads: n });
    }
  return out;
}
