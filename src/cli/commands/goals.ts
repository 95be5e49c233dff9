import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { GRAINS, type Grain } from '../../domain/calendar/period.ts';
import type { GoalDirection, GoalInput, GoalScopeType } from '../../domain/goals/goal.ts';
import { GOAL_TEMPLATES, getGoalTemplate } from '../../domain/goals/templates.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { nonNegativeNumber, shortNumber, textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { idArg, optionalId } from '../int-options.ts';

interface GoalFlags {
  name?: string;
  metric?: string;
  scope?: string;
  scopeId?: string;
  grain?: string;
  period?: string;
  target?: string;
  direction?: string;
  template?: string;
  json?: boolean;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('validation', `${option} must be one of ${allowed.join(', ')}`, [
      { field: option, value, reason: `expected ${allowed.join(' | ')}` },
    ]);
  }
  return value as T;
}

/** Builds a full goal from flags, filling gaps from --template. */
function goalFromFlags(f: GoalFlags): GoalInput {
  const t = f.template ? getGoalTemplate(f.template) : undefined;
  if (f.template && !t) {
    throw new AppError('validation', `No template '${f.template}' (see: pacesetter goals templates)`, [
      { field: '--template', value: f.template, reason: 'unknown template' },
    ]);
  }
  const scopeType = oneOf<GoalScopeType>(f.scope ?? 'company', ['user', 'team', 'company'], '--scope');
  const metricId = f.metric ?? t?.metricId;
  const grain = f.grain ?? t?.grain;
  const target = f.target !== undefined ? nonNegativeNumber(f.target, '--target') : t?.defaultTarget;
  const missing = [
    metricId ? null : '--metric',
    grain ? null : '--grain',
    target !== undefined ? null : '--target',
    scopeType === 'company' || f.scopeId ? null : '--scope-id',
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    throw new AppError(
      'validation',
      'Missing options',
      missing.map((m) => ({ field: m, reason: 'required (or give --template)' })),
    );
  }
  return {
    name: f.name ?? t?.name ?? `${metricId} per ${grain}`,
    metricId: metricId as string,
    scopeType,
    scopeId: scopeType === 'company' ? null : idArg(f.scopeId as string, '--scope-id'),
    grain: oneOf<Grain>(grain as string, GRAINS, '--grain'),
    periodKey: f.period ?? null,
    target: target as number,
    direction: oneOf<GoalDirection>(
      f.direction ?? t?.direction ?? 'at_least',
      ['at_least', 'at_most'],
      '--direction',
    ),
    template: t?.id ?? null,
  };
}

const scopeLabel = (g: { scopeType: string; scopeId: number | null }) =>
  g.scopeType === 'company' ? 'company' : `${g.scopeType} ${g.scopeId}`;

/** `pacesetter goals list|templates|create|update|archive|pacing`. */
export function register(program: Command, ctx: CliContext): void {
  const goals = program
    .command('goals')
    .description('Goals and micro-goals: targets per rep, team or company, and pacing');

  goals
    .command('list')
    .description('List active goals (all scopes; the CLI acts as the system)')
    .option('--all', 'include archived goals')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      const { listGoals } = await import('../../store/queries/goals/list-goals.ts');
      const rows = await withStore(ctx, (db) =>
        listGoals(db, SYSTEM_VIEWER, { includeArchived: Boolean(opts.all) }),
      );
      if (opts.json) return console.log(JSON.stringify(rows, null, 2));
      console.log(
        textTable(
          ['id', 'name', 'metric', 'scope', 'grain', 'period', 'direction', 'target', 'archived'],
          rows.map((g) => [
            g.id,
            g.name,
            g.metricId,
            scopeLabel(g),
            g.grain,
            g.periodKey ?? 'recurring',
            g.direction,
            g.target,
            g.archivedAt ? g.archivedAt.toISOString().slice(0, 10) : '',
          ]),
        ),
      );
    });

  goals
    .command('templates')
    .description("List the brief's micro-goal templates (use with goals create --template)")
    .action(() => {
      console.log(
        textTable(
          ['id', 'metric', 'grain', 'direction', 'default target', 'name'],
          GOAL_TEMPLATES.map((t) => [t.id, t.metricId, t.grain, t.direction, t.defaultTarget, t.name]),
        ),
      );
    });

  goals
    .command('create')
    .description('Create a goal (validated against the metrics registry)')
    .option('--template <id>', 'start from a template (fills metric, grain, direction, target, name)')
    .option('--name <name>', 'display name')
    .option('--metric <id>', 'metric id, e.g. calls, won_revenue, lead_response_time_p90')
    .option('--scope <type>', 'user | team | company', 'company')
    .option('--scope-id <id>', 'user or team id (not for company goals)')
    .option('--grain <grain>', 'day | week | month | quarter | year')
    .option('--period <key>', 'a fixed period of the grain (e.g. 2026-Q4); omit for a recurring goal')
    .option('--target <n>', 'target in the metric unit (minor units for money, 0-1 for ratios)')
    .option('--direction <d>', 'at_least | at_most')
    .action(async (opts: GoalFlags) => {
      const { createGoal } = await import('../../store/queries/goals/save-goal.ts');
      const input = goalFromFlags(opts);
      const goal = await withStore(ctx, (db) => createGoal(db, SYSTEM_VIEWER, input));
      console.log(
        `Created goal ${goal.id}: ${goal.name} (${goal.metricId} ${goal.direction} ${goal.target} per ${goal.grain}, ${scopeLabel(goal)})`,
      );
    });

  goals
    .command('update <id>')
    .description('Change a goal')
    .option('--name <name>', 'display name')
    .option('--target <n>', 'new target')
    .option('--direction <d>', 'at_least | at_most')
    .option('--period <key>', "fixed period key, or 'recurring' to make it recurring")
    .action(async (id: string, opts: GoalFlags) => {
      const { updateGoal } = await import('../../store/queries/goals/save-goal.ts');
      const patch: Partial<GoalInput> = {};
      if (opts.name !== undefined) patch.name = opts.name;
      if (opts.target !== undefined) patch.target = nonNegativeNumber(opts.target, '--target');
      if (opts.direction !== undefined)
        patch.direction = oneOf<GoalDirection>(opts.direction, ['at_least', 'at_most'], '--direction');
      if (opts.period !== undefined) patch.periodKey = opts.period === 'recurring' ? null : opts.period;
      const goal = await withStore(ctx, (db) => updateGoal(db, SYSTEM_VIEWER, idArg(id, '<id>'), patch));
      console.log(`Updated goal ${goal.id}: ${goal.name} (${goal.direction} ${goal.target})`);
    });

  goals
    .command('archive <id>')
    .description('Archive a goal (kept for history and badges)')
    .action(async (id: string) => {
      const { archiveGoal } = await import('../../store/queries/goals/save-goal.ts');
      const goal = await withStore(ctx, (db) =>
        archiveGoal(db, SYSTEM_VIEWER, idArg(id, '<id>'), new Date()),
      );
      console.log(`Archived goal ${goal.id}: ${goal.name}`);
    });

  goals
    .command('pacing')
    .description('Pacing of active goals: actual vs expected-to-date by business days, projection and status')
    .option('--period <key>', 'pace as of the last day of this period when it is over (default: today)')
    .option('--user <id>', 'only goals that apply to this rep (personal, team, company)')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { period?: string; user?: string; json?: boolean }) => {
      const { goalPacing } = await import('../../store/queries/goals/goal-pacing.ts');
      const rows = await withStore(ctx, (db) =>
        goalPacing(db, SYSTEM_VIEWER, {
          now: new Date(),
          periodKey: opts.period,
          forUserId: optionalId(opts.user, '--user'),
        }),
      );
      if (opts.json) return console.log(JSON.stringify(rows, null, 2));
      console.log(
        textTable(
          [
            'goal',
            'name',
            'scope',
            'period',
            'actual',
            'expected',
            'target',
            'projected',
            'per day needed',
            'status',
          ],
          rows.map((r) => [
            r.goal.id,
            r.goal.name,
            scopeLabel(r.goal),
            r.period.key,
            shortNumber(r.pacing.actual),
            shortNumber(r.pacing.expectedToDate),
            r.pacing.target,
            shortNumber(r.pacing.projected),
            shortNumber(r.pacing.requiredPerBusinessDay),
            r.pacing.status,
          ]),
        ),
      );
    });
}
