import { separatorForLocale } from '../../../src/domain/csv/csv-format.ts';
import { request } from './client.ts';
import type {
  CommissionAssignment,
  CommissionPlan,
  CommissionRun,
  DealEstimate,
  Dispute,
  DisputeStatus,
  PlanRules,
  StatementDetail,
  StatementStatus,
  StatementSummary,
  WhatIfRequest,
  WhatIfResult,
} from './types/commissions.ts';

/** The commissions API (docs/commissions.md); every number shown comes from these answers. */

export async function getCommissionPlans(signal?: AbortSignal): Promise<CommissionPlan[]> {
  return (await request<{ plans: CommissionPlan[] }>('GET', '/api/commissions/plans', { signal })).plans;
}

export function createCommissionPlan(body: {
  name: string;
  description?: string;
  effectiveFrom: string;
  rules: PlanRules;
}): Promise<CommissionPlan> {
  return request<CommissionPlan>('POST', '/api/commissions/plans', { body });
}

export function addPlanVersion(
  planId: number,
  body: { effectiveFrom: string; rules: PlanRules },
): Promise<CommissionPlan> {
  return request<CommissionPlan>('POST', `/api/commissions/plans/${planId}/versions`, { body });
}

export function addAssignment(body: {
  userId: number;
  planId: number;
  effectiveFrom: string;
  effectiveTo?: string;
  targetMinor?: number;
}): Promise<CommissionAssignment> {
  return request<CommissionAssignment>('POST', '/api/commissions/assignments', { body });
}

export function deleteAssignment(id: number): Promise<unknown> {
  return request('DELETE', `/api/commissions/assignments/${id}`);
}

export function runCommissions(period: string): Promise<CommissionRun> {
  return request<CommissionRun>('POST', '/api/commissions/runs', { body: { period } });
}

export async function getStatements(
  query: { period?: string; userId?: number; status?: StatementStatus },
  signal?: AbortSignal,
): Promise<StatementSummary[]> {
  return (
    await request<{ statements: StatementSummary[] }>('GET', '/api/commissions/statements', { query, signal })
  ).statements;
}

export function getStatement(id: number, signal?: AbortSignal): Promise<StatementDetail> {
  return request<StatementDetail>('GET', `/api/commissions/statements/${id}`, { signal });
}

export function lockPeriod(period: string, userIds?: number[]): Promise<unknown> {
  return request('POST', '/api/commissions/statements/lock', {
    body: userIds ? { period, userIds } : { period },
  });
}

export function lockStatement(id: number): Promise<unknown> {
  return request('POST', `/api/commissions/statements/${id}/lock`);
}

export function payStatement(id: number): Promise<unknown> {
  return request('POST', `/api/commissions/statements/${id}/pay`);
}

export function raiseDispute(
  statementId: number,
  body: { lineId: number; comment: string },
): Promise<Dispute> {
  return request<Dispute>('POST', `/api/commissions/statements/${statementId}/disputes`, { body });
}

export async function getDisputes(
  status: DisputeStatus | undefined,
  signal?: AbortSignal,
): Promise<Dispute[]> {
  return (
    await request<{ disputes: Dispute[] }>('GET', '/api/commissions/disputes', {
      query: { status },
      signal,
    })
  ).disputes;
}

export function resolveDispute(
  id: number,
  body: { decision: 'accepted' | 'rejected'; resolution: string; adjustmentMinor?: number },
): Promise<unknown> {
  return request('POST', `/api/commissions/disputes/${id}/resolve`, { body });
}

export function getEstimate(opportunityId: number, signal?: AbortSignal): Promise<DealEstimate> {
  return request<DealEstimate>('GET', '/api/commissions/estimate', { query: { opportunityId }, signal });
}

export function runWhatIf(body: WhatIfRequest): Promise<WhatIfResult> {
  return request<WhatIfResult>('POST', '/api/commissions/what-if', { body });
}

/**
 * The payroll CSV of a period (a plain link: the browser downloads it with the session cookie), with the
 * separator the reader's spreadsheet expects (semicolons and decimal commas in pl, ro...).
 */
export function payrollCsvHref(period: string, locale: string): string {
  return `/api/commissions/export?period=${encodeURIComponent(period)}&separator=${separatorForLocale(locale)}`;
}
