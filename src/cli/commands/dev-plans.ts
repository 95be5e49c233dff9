import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import type { ActionInput, PlanInput } from '../../domain/coaching/plan-input.ts';
import {
  ACTION_KINDS,
  OUTCOMES,
  PLAN_KINDS,
  SKILL_AREAS,
  type Outcome,
  type Plan,
  type PlanKind,
  type PlanSkill,
  type TargetSpec,
} from '../../domain/coaching/plan.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { shortNumber, textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { idArg, optionalId } from '../int-options.ts';

/*
 * `pacesetter coaching-plans ...`: development plans and 30-day PIPs (docs/coaching.md). Named so it clashes
 * neither with `plan` (sales planning) nor with the `reps` command of the scorecards. The CLI acts as the system
 * (admin): it sees and may change every plan.
 */

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('validation', `${option} must be one of ${allowed.join(', ')}`, [
      { field: option, value, reason: `expected ${allowed.join(' | ')}` },
    ]);
  }
  return value as T;
}

const TARGET = /^([a-z0-9_]+)(>=|<=)([+-])?(\d+(?:\.\d+)?)(pt|%)?(\/week)?(?:@(.+))?$/;

/**
 * A target from the command line: `calls>=50/week` (absolute, per plan week), `lost_count<=4` (absolute, whole
 * plan), `win_rate>=+5pt` (relative: +5 points vs the quarter before the start), `calls>=+10%/week@2026-Q3`
 * (relative to 2026-Q3). A sign or a unit makes it relative, and a relative target needs both.
 */
export function parseTargetSpec(text: string, index: number): TargetSpec | ErrorDetail {
  const m = TARGET.exec(text.replace(/\s+/g, ''));
  const field = `--target ${index + 1}`;
  if (!m) {
    return {
      field,
      value: text,
      reason: 'expected METRIC>=N, METRIC<=N, METRIC>=+Npt or METRIC>=+N% [/week] [@PERIOD]',
    };
  }
  const [, metricId, op, sign, number, unit, weekly, period] = m;
  const common = {
    metricId: metricId!,
    comparison: op === '>=' ? ('at_least' as const) : ('at_most' as const),
    cadence: weekly ? ('weekly' as const) : ('plan' as const),
  };
  if (!sign && !unit) {
    if (period) return { field, value: text, reason: 'only a relative target has a baseline @PERIOD' };
    return { ...common, target: Number(number) };
  }
  if (!sign || !unit)
    return { field, value: text, reason: 'a relative target needs a sign and a unit: +5pt, -10%' };
  const delta = (sign === '-' ? -1 : 1) * Number(number);
  return {
    ...common,
    delta,
    unit: unit === 'pt' ? 'points' : 'percent',
    ...(period ? { baselinePeriod: period } : {}),
  };
}

function parseSkill(text: string, index: number): PlanSkill | ErrorDetail {
  const m = /^(IQ|EQ|BQ):(.+)$/i.exec(text.trim());
  if (!m)
    return { field: `--skill ${index + 1}`, value: text, reason: `expected ${SKILL_AREAS.join('|')}:skill` };
  return { area: m[1]!.toUpperCase() as PlanSkill['area'], skill: m[2]!.trim(), note: '' };
}

function parseAction(text: string, index: number): ActionInput | ErrorDetail {
  const m = /^([a-z]+):(.+?)(?::(\d{4}-\d{2}-\d{2}))?$/.exec(text.trim());
  if (!m || !(ACTION_KINDS as readonly string[]).includes(m[1]!)) {
    return {
      field: `--action ${index + 1}`,
      value: text,
      reason: `expected ${ACTION_KINDS.join('|')}:description[:YYYY-MM-DD]`,
    };
  }
  return {
    kind: m[1] as ActionInput['kind'],
    description: m[2]!.trim(),
    ownerId: null,
    dueOn: m[3] ?? null,
    done: false,
  };
}

function isError(x: object): x is ErrorDetail {
  return 'reason' in x;
}

const collect = (value: string, previous: string[]) => [...previous, value];

interface CreateFlags {
  user: string;
  kind: string;
  title: string;
  start: string;
  end?: string;
  summary?: string;
  skill: string[];
  action: string[];
  target: string[];
}

/** Builds the plan input from flags, reporting every bad flag together. */
function planFromFlags(f: CreateFlags): PlanInput {
  const errors: ErrorDetail[] = [];
  const skills = f.skill.map(parseSkill);
  const actions = f.action.map(parseAction);
  const targets = f.target.map(parseTargetSpec);
  for (const x of [...skills, ...actions, ...targets]) if (isError(x)) errors.push(x);
  if (errors.length > 0) throw new AppError('validation', 'Invalid options', errors);
  return {
    userId: idArg(f.user, '--user'),
    kind: oneOf<PlanKind>(f.kind, PLAN_KINDS, '--kind'),
    title: f.title,
    summary: f.summary ?? '',
    startOn: f.start,
    endOn: f.end,
    skills: skills as PlanSkill[],
    actions: actions as ActionInput[],
    targets: targets as TargetSpec[],
  };
}

function printPlan(plan: Plan): void {
  console.log(`Plan ${plan.id} (${plan.kind}) for ${plan.userName} (user ${plan.userId}): ${plan.title}`);
  console.log(
    `  ${plan.startOn} .. ${plan.endOn}, ${plan.state}${plan.outcome ? `, outcome ${plan.outcome}` : ''}`,
  );
  for (const s of plan.skills) console.log(`  skill ${s.area}: ${s.skill}`);
  for (const a of plan.actions) {
    console.log(
      `  action ${a.kind}: ${a.description}${a.dueOn ? ` (due ${a.dueOn})` : ''}${a.doneAt ? ' [done]' : ''}`,
    );
  }
  for (const c of plan.checkIns) console.log(`  check-in ${c.onDate} ${c.authorName ?? 'system'}: ${c.note}`);
}

/** `pacesetter coaching-plans list|show|create|check-in|outcome`. */
export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('coaching-plans')
    .description(
      'Development plans and 30-day performance improvement plans (PIPs) with system-checked targets',
    );

  cmd
    .command('list')
    .description('List plans with their computed status')
    .option('--user <id>', 'only this rep')
    .option('--kind <kind>', PLAN_KINDS.join(' | '))
    .option('--state <state>', 'open | closed')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { user?: string; kind?: string; state?: string; json?: boolean }) => {
      const { listPlans } = await import('../../store/queries/coaching/plans-read.ts');
      const { computePlanStatus } = await import('../../store/queries/coaching/plans-status.ts');
      const filter = {
        userId: optionalId(opts.user, '--user'),
        kind: opts.kind ? oneOf<PlanKind>(opts.kind, PLAN_KINDS, '--kind') : undefined,
        state: opts.state ? oneOf(opts.state, ['open', 'closed'] as const, '--state') : undefined,
      };
      const rows = await withStore(ctx, async (db) => {
        const now = new Date();
        const plans = await listPlans(db, SYSTEM_VIEWER, filter);
        const out = [];
        for (const plan of plans) out.push({ ...plan, status: await computePlanStatus(db, plan, now) });
        return out;
      });
      if (opts.json) return console.log(JSON.stringify(rows, null, 2));
      console.log(
        textTable(
          ['id', 'kind', 'rep', 'title', 'start', 'end', 'state', 'outcome', 'status'],
          rows.map((p) => [
            p.id,
            p.kind,
            p.userName,
            p.title,
            p.startOn,
            p.endOn,
            p.state,
            p.outcome ?? '',
            p.status.status,
          ]),
        ),
      );
    });

  cmd
    .command('show <id>')
    .description('One plan: skills, actions, check-ins and each target against the metrics')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const { planStatusFor } = await import('../../store/queries/coaching/plans-status.ts');
      const { getPlan } = await import('../../store/queries/coaching/plans-read.ts');
      const planId = idArg(id, '<id>');
      const { plan, status } = await withStore(ctx, async (db) => ({
        status: await planStatusFor(db, SYSTEM_VIEWER, planId),
        plan: (await getPlan(db, SYSTEM_VIEWER, planId)) as Plan,
      }));
      if (opts.json) return console.log(JSON.stringify({ ...plan, status }, null, 2));
      printPlan(plan);
      console.log(`Status as of ${status.asOf}: ${status.status}`);
      console.log(
        textTable(
          ['metric', 'comparison', 'window', 'target', 'expected so far', 'actual', 'status'],
          status.targets.flatMap((t) =>
            t.windows.map((w) => [
              t.metricId,
              t.comparison,
              `${w.start}..${w.endExclusive}`,
              shortNumber(w.target),
              shortNumber(w.expectedToDate),
              shortNumber(w.actual),
              w.status,
            ]),
          ),
        ),
      );
    });

  cmd
    .command('create')
    .description(
      'Create a plan; targets are checked against the metrics registry and relative ones resolved now',
    )
    .requiredOption('--user <id>', 'the rep')
    .requiredOption('--kind <kind>', PLAN_KINDS.join(' | '))
    .requiredOption('--title <text>', 'title')
    .requiredOption('--start <date>', 'first day, YYYY-MM-DD')
    .option('--end <date>', 'last day (default: start + 29 days for a PIP, + 89 for a development plan)')
    .option('--summary <text>', 'what the plan is about')
    .option('--skill <AREA:skill>', 'a skill, e.g. EQ:Empathy (repeatable)', collect, [])
    .option(
      '--action <kind:description[:due]>',
      `${ACTION_KINDS.join('|')}, e.g. reading:SPIN Selling:2026-12-15 (repeatable)`,
      collect,
      [],
    )
    .option(
      '--target <spec>',
      'calls>=50/week, lost_count<=4, win_rate>=+5pt, calls>=+10%/week@2026-Q3 (repeatable)',
      collect,
      [],
    )
    .action(async (opts: CreateFlags) => {
      const { createPlan } = await import('../../store/queries/coaching/plans-write.ts');
      const input = planFromFlags(opts);
      const plan = await withStore(ctx, (db) => createPlan(db, SYSTEM_VIEWER, input));
      console.log(
        `Created ${plan.kind} plan ${plan.id} for user ${plan.userId}: ${plan.startOn} .. ${plan.endOn}`,
      );
      for (const t of plan.targets) {
        const rel = t.relative
          ? ` (baseline ${shortNumber(t.baselineValue)} in ${t.relative.baselineStart}..${t.relative.baselineEnd} exclusive, ${t.relative.delta > 0 ? '+' : ''}${t.relative.delta} ${t.relative.unit})`
          : '';
        console.log(
          `  ${t.metricId} ${t.comparison} ${shortNumber(t.resolvedTarget)}${t.cadence === 'weekly' ? ' per week' : ''}${rel}`,
        );
      }
    });

  cmd
    .command('check-in <id>')
    .description('Add a check-in note to a plan')
    .requiredOption('--note <text>', 'the note')
    .option('--date <date>', 'the check-in date (default today)')
    .action(async (id: string, opts: { note: string; date?: string }) => {
      const { addCheckIn } = await import('../../store/queries/coaching/plans-write.ts');
      const plan = await withStore(ctx, (db) =>
        addCheckIn(db, SYSTEM_VIEWER, idArg(id, '<id>'), { note: opts.note, onDate: opts.date }),
      );
      console.log(`Plan ${plan.id}: ${plan.checkIns.length} check-in(s)`);
    });

  cmd
    .command('outcome <id>')
    .description(`Record the outcome: ${OUTCOMES.join(' | ')} (extended needs --new-end)`)
    .requiredOption('--outcome <outcome>', OUTCOMES.join(' | '))
    .option('--note <text>', 'why', '')
    .option('--new-end <date>', 'the new last day, for extended')
    .action(async (id: string, opts: { outcome: string; note: string; newEnd?: string }) => {
      const { recordOutcome } = await import('../../store/queries/coaching/plans-write.ts');
      const outcome = oneOf<Outcome>(opts.outcome, OUTCOMES, '--outcome');
      const plan = await withStore(ctx, (db) =>
        recordOutcome(db, SYSTEM_VIEWER, idArg(id, '<id>'), {
          outcome,
          note: opts.note,
          newEndOn: opts.newEnd,
        }),
      );
      console.log(`Plan ${plan.id}: ${plan.outcome}, ${plan.state} (ends ${plan.endOn})`);
    });
}
