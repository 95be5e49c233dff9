import type { ErrorDetail } from '../../errors.ts';
import { addDays, isLocalDate } from '../calendar/local-date.ts';
import {
  parsePeriod,
  periodContaining,
  PERIOD_YEARS,
  previousPeriod,
  type Period,
  type PeriodCalendar,
} from '../calendar/period.ts';
import { getMetric } from '../metrics/registry.ts';
import { PIP_DAYS, type ActionKind, type PlanKind, type PlanSkill, type TargetSpec } from './plan.ts';

/** An action as a manager writes it (doneOn marks it done). */
export interface ActionInput {
  kind: ActionKind;
  description: string;
  ownerId: number | null;
  dueOn: string | null;
  done: boolean;
}

/** What creating a plan takes. */
export interface PlanInput {
  userId: number;
  kind: PlanKind;
  title: string;
  summary: string;
  startOn: string;
  /** Default: start + 29 days for a PIP, start + 89 days for a development plan. */
  endOn?: string;
  skills: PlanSkill[];
  actions: ActionInput[];
  targets: TargetSpec[];
}

/** What a change may replace; lists replace the whole list. */
export interface PlanPatch {
  title?: string;
  summary?: string;
  endOn?: string;
  skills?: PlanSkill[];
  actions?: ActionInput[];
  targets?: TargetSpec[];
}

/** A development plan's default span: a quarter's worth of days. */
export const DEVELOPMENT_DEFAULT_DAYS = 90;

/** The inclusive end a plan gets when none is given. */
export function defaultEndOn(kind: PlanKind, startOn: string): string {
  return addDays(startOn, (kind === 'pip' ? PIP_DAYS : DEVELOPMENT_DEFAULT_DAYS) - 1);
}

/** Why a text is not a usable local date, or null when it is one. */
export function dateProblem(date: string): string | null {
  if (!isLocalDate(date)) return 'expected a YYYY-MM-DD date that exists';
  const year = Number(date.slice(0, 4));
  if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max) {
    return `years ${PERIOD_YEARS.min}-${PERIOD_YEARS.max} only`;
  }
  return null;
}

/** The baseline period of a relative target: the key given, else the quarter before the plan's start quarter. */
export function baselinePeriodOf(
  spec: { baselinePeriod?: string },
  startOn: string,
  cal: PeriodCalendar,
): Period {
  if (spec.baselinePeriod) return parsePeriod(spec.baselinePeriod, cal);
  return previousPeriod(periodContaining(startOn, 'quarter', cal), cal);
}

/** A PIP runs at most this long (with extensions), a development plan at most a year and a half. */
const MAX_DAYS: Record<PlanKind, number> = { pip: 120, development: 550 };

/**
 * Every problem with a plan's dates, skills, actions and targets, collected in one pass and each naming its
 * field ('targets.1.metricId'). Does not check people (the store does) or resolve targets (needs the metrics).
 */
export function validatePlan(
  plan: {
    kind: PlanKind;
    title: string;
    startOn: string;
    endOn: string;
    skills: readonly PlanSkill[];
    actions: readonly ActionInput[];
    targets: readonly TargetSpec[];
  },
  cal: PeriodCalendar,
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (plan.title.trim().length === 0)
    errors.push({ field: 'title', reason: 'must not be empty', rule: 'required' });
  const startProblem = dateProblem(plan.startOn);
  const endProblem = dateProblem(plan.endOn);
  if (startProblem) errors.push({ field: 'startOn', value: plan.startOn, reason: startProblem });
  if (endProblem) errors.push({ field: 'endOn', value: plan.endOn, reason: endProblem });
  if (!startProblem && !endProblem) {
    if (plan.endOn < plan.startOn) {
      errors.push({ field: 'endOn', value: plan.endOn, reason: 'must not be before startOn' });
    } else if (plan.endOn > addDays(plan.startOn, MAX_DAYS[plan.kind] - 1)) {
      errors.push({
        field: 'endOn',
        value: plan.endOn,
        reason: `a ${plan.kind === 'pip' ? 'PIP' : 'development plan'} runs at most ${MAX_DAYS[plan.kind]} days`,
      });
    }
  }
  plan.skills.forEach((s, i) => {
    if (s.skill.trim().length === 0)
      errors.push({ field: `skills.${i}.skill`, reason: 'must not be empty', rule: 'required' });
  });
  plan.actions.forEach((a, i) => {
    if (a.description.trim().length === 0) {
      errors.push({ field: `actions.${i}.description`, reason: 'must not be empty', rule: 'required' });
    }
    const p = a.dueOn === null ? null : dateProblem(a.dueOn);
    if (p) errors.push({ field: `actions.${i}.dueOn`, value: a.dueOn ?? '', reason: p });
  });
  plan.targets.forEach((t, i) => {
    const metric = getMetric(t.metricId);
    if (!metric) {
      errors.push({
        field: `targets.${i}.metricId`,
        value: t.metricId,
        reason: 'no metric with this id (see GET /api/metrics/definitions)',
      });
    }
    if ('target' in t) {
      if (!Number.isFinite(t.target) || t.target < 0) {
        errors.push({
          field: `targets.${i}.target`,
          value: String(t.target),
          reason: 'must be a number >= 0',
        });
      }
      return;
    }
    if (!Number.isFinite(t.delta)) {
      errors.push({ field: `targets.${i}.delta`, value: String(t.delta), reason: 'must be a finite number' });
    }
    if (t.unit === 'points' && metric && metric.unit !== 'ratio') {
      errors.push({
        field: `targets.${i}.unit`,
        value: t.unit,
        reason: `points apply to rates only; ${metric.id} is a ${metric.unit}, use percent`,
      });
    }
    if (startProblem) return;
    try {
      const p = baselinePeriodOf(t, plan.startOn, cal);
      if (p.end > plan.startOn) {
        errors.push({
          field: `targets.${i}.baselinePeriod`,
          value: t.baselinePeriod ?? p.key,
          reason: 'must end before the plan starts',
        });
      }
    } catch (e) {
      errors.push({
        field: `targets.${i}.baselinePeriod`,
        value: t.baselinePeriod ?? '',
        reason: e instanceof Error ? e.message : 'not a period',
      });
    }
  });
  return errors;
}
