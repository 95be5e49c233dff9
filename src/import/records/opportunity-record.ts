import type { ForecastCategory, OpportunityStatus, OpportunityType } from '../../store/schema.ts';
import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import type { ParsedDateTime } from '../values/date-time.ts';
import { externalIdFor, num, ownerRef, text, when, type PersonRef } from './common.ts';

/** A deal as read from one row, before names are resolved to ids. */
export interface OpportunityRecord {
  line: number;
  externalId: string;
  name: string;
  owner: PersonRef | null;
  account: string | null;
  stage: string;
  status: OpportunityStatus | null;
  amountMinor: number;
  currency: string;
  createdAt: Date;
  closeDate: ParsedDateTime | null;
  closedAt: ParsedDateTime | null;
  expectedCloseDate: string | null;
  lostReason: string | null;
  type: OpportunityType;
  leadSource: string | null;
  forecastCategory: ForecastCategory | null;
  probability: number | null;
  product: string | null;
  /** Local date the invoice was paid. */
  paidOn: string | null;
}

/** Builds a deal record from parsed values; field checks that need no store happen here. */
export function toOpportunityRecord(
  spec: MappingSpec,
  v: RowValues,
  line: number,
  defaultCurrency: string,
): OpportunityRecord | FieldError[] {
  const externalId = externalIdFor(spec, v);
  if (typeof externalId !== 'string') return [externalId];
  const created = when(v, 'createdAt');
  const name = text(v, 'name');
  const stage = text(v, 'stage');
  if (!created || !name || !stage)
    return [{ field: 'createdAt', reason: 'required value is empty', rule: 'required' }];
  const paidOn = text(v, 'paidOn');
  // An invoice cannot be paid before the deal existed; such a date is a column mix-up, not data.
  if (paidOn !== null && paidOn < created.localDate)
    return [
      {
        field: 'paidOn',
        value: paidOn,
        reason: `invoice paid date is before the created date ${created.localDate}`,
      },
    ];
  return {
    line,
    externalId,
    name,
    owner: ownerRef(v),
    account: text(v, 'account'),
    stage,
    status: (text(v, 'status') as OpportunityStatus | null) ?? null,
    amountMinor: num(v, 'amount') ?? 0,
    currency: text(v, 'currency') ?? spec.currency ?? defaultCurrency,
    createdAt: created.instant,
    closeDate: when(v, 'closeDate'),
    closedAt: when(v, 'closedAt'),
    expectedCloseDate: text(v, 'expectedCloseDate'),
    lostReason: text(v, 'lostReason'),
    type: (text(v, 'type') as OpportunityType | null) ?? 'new_business',
    leadSource: text(v, 'leadSource'),
    forecastCategory: (text(v, 'forecastCategory') as ForecastCategory | null) ?? null,
    probability: num(v, 'probability'),
    product: text(v, 'product'),
    paidOn,
  };
}

/** What a stage means for status: its id and whether it closes the deal. */
export interface StageInfo {
  id: number;
  isWon: boolean;
  isLost: boolean;
}

/** The deal's final state once its stage is known. */
export interface ResolvedDealState {
  status: OpportunityStatus;
  stageId: number;
  /** The open stage the deal was in before closing, when the export says so (Pipedrive keeps it). */
  lastOpenStageId: number | null;
  closedAt: Date | null;
  expectedCloseDate: string | null;
}

/**
 * Decides status, stage and dates, following each export's quirks: an explicit status column wins (Pipedrive keeps
 * the last pipeline stage on won deals); otherwise a Won/Lost stage closes the deal. A close date on an open deal is
 * an expected close date (HubSpot fills one in on every deal), and a closed deal must have one.
 */
export function resolveDealState(
  r: OpportunityRecord,
  stage: StageInfo,
  closingStages: { won: number; lost: number },
): ResolvedDealState | FieldError {
  const status: OpportunityStatus = r.status ?? (stage.isWon ? 'won' : stage.isLost ? 'lost' : 'open');
  if (status === 'open') {
    if (stage.isWon || stage.isLost)
      return { field: 'status', reason: `status is open but stage '${r.stage}' is closed` };
    return {
      status,
      stageId: stage.id,
      lastOpenStageId: null,
      closedAt: null,
      expectedCloseDate: r.expectedCloseDate ?? r.closeDate?.localDate ?? null,
    };
  }
  const closed = r.closedAt ?? r.closeDate;
  if (!closed) return { field: 'closedAt', reason: `a ${status} deal needs a close date` };
  if (closed.instant < r.createdAt)
    return { field: 'closedAt', reason: 'close date is before the created date' };
  const open = !stage.isWon && !stage.isLost;
  return {
    status,
    stageId: status === 'won' ? closingStages.won : closingStages.lost,
    lastOpenStageId: open ? stage.id : null,
    closedAt: closed.instant,
    expectedCloseDate: r.expectedCloseDate ?? closed.localDate,
  };
}
