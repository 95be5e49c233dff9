import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import { externalIdFor, num, text, when } from './common.ts';

/** One stage/amount change of a deal, as read from an OpportunityHistory row. */
export interface HistoryRecord {
  line: number;
  externalId: string;
  opportunityExternalId: string;
  stage: string;
  amountMinor: number | null;
  expectedCloseDate: string | null;
  changedAt: Date;
}

/** Builds a history record; the opportunity is referenced by its source id, prefixed like the deal import does. */
export function toHistoryRecord(spec: MappingSpec, v: RowValues, line: number): HistoryRecord | FieldError[] {
  const externalId = externalIdFor(spec, v);
  if (typeof externalId !== 'string') return [externalId];
  const opp = text(v, 'opportunityExternalId');
  const stage = text(v, 'stage');
  const changed = when(v, 'changedAt');
  if (!opp || !stage || !changed)
    return [{ field: 'opportunityExternalId', reason: 'required value is empty', rule: 'required' }];
  return {
    line,
    externalId,
    opportunityExternalId: `${spec.source}:${opp}`,
    stage,
    amountMinor: num(v, 'amount'),
    expectedCloseDate: text(v, 'closeDate'),
    changedAt: changed.instant,
  };
}
