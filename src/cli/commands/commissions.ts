import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { majorUnits } from '../../domain/commissions/money.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { nonNegativeNumber, textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { readJsonFile } from '../read-json-file.ts';
import { userIdByEmail } from '../user-id-by-email.ts';
import { idArg } from '../int-options.ts';

/*
 * `pacesetter commissions ...` (docs/commissions.md, "API and CLI"): plans, assignments, runs, lock, pay,
 * statements, payroll export and disputes. The CLI acts as the system (an admin): it may do everything, and the
 * audit log names it 'system'. `--json` prints JSON only, for scripts.
 */

/** `pacesetter commissions plans|assign|run|lock|pay|statement|export|disputes`. */
export function register(program: Command, ctx: CliContext): void {
  const cmd =
    program.commands.find((c) => c.name() === 'commissions') ??
    program.command('commissions').description('Commission plans, statements, payroll export and disputes');

  const plans = cmd.command('plans').description('Commission plans and their versions');
  plans
    .command('list', { isDefault: true })
    .description('List plans with versions and assignments')
    .option('--json', 'print JSON only')
    .action(async (opts: { json?: boolean }) => {
      const { listPlans } = await import('../../store/queries/commissions/plans.ts');
      const list = await withStore(ctx, (db) => listPlans(db, SYSTEM_VIEWER));
      if (opts.json) return console.log(JSON.stringify({ plans: list }, null, 2));
      console.log(
        textTable(
          ['id', 'name', 'versions', 'latest from', 'period', 'currency', 'assigned'],
          list.map((p) => {
            const v = p.versions.at(-1);
            return [
              p.id,
              p.name,
              p.versions.length,
              v?.effectiveFrom ?? '',
              v?.rules.period ?? '',
              v?.rules.currency ?? '',
              p.assignments.length,
            ];
          }),
        ),
      );
    });
  plans
    .command('create')
    .description('Create a plan (version 1) from a rules JSON file')
    .requiredOption('--name <name>', 'plan name')
    .requiredOption('--file <rules.json>', 'PlanRules as JSON (docs/commissions.md, "Plan rules")')
    .requiredOption('--from <date>', 'effective from, YYYY-MM-DD')
    .option('--description <text>', 'what the plan is for')
    .option('--json', 'print JSON only')
    .action(
      async (opts: { name: string; file: string; from: string; description?: string; json?: boolean }) => {
        const { createCommissionPlan } = await import('../../store/queries/commissions/plans.ts');
        const rules = await readJsonFile(opts.file);
        const plan = await withStore(ctx, (db) =>
          createCommissionPlan(db, SYSTEM_VIEWER, {
            name: opts.name,
            description: opts.description,
            effectiveFrom: opts.from,
            rules,
          }),
        );
        console.log(
          opts.json
            ? JSON.stringify(plan, null, 2)
            : `Created plan ${plan.id} (${plan.name}), version 1 from ${opts.from}`,
        );
      },
    );
  plans
    .command('version')
    .description("Add a plan's next version from a date")
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--file <rules.json>', 'PlanRules as JSON')
    .requiredOption('--from <date>', 'effective from, YYYY-MM-DD')
    .option('--json', 'print JSON only')
    .action(async (opts: { plan: string; file: string; from: string; json?: boolean }) => {
      const { addPlanVersion } = await import('../../store/queries/commissions/plans.ts');
      const planId = idArg(opts.plan, '--plan');
      const rules = await readJsonFile(opts.file);
      const plan = await withStore(ctx, (db) =>
        addPlanVersion(db, SYSTEM_VIEWER, planId, { effectiveFrom: opts.from, rules }),
      );
      const v = plan.versions.at(-1)!;
      console.log(
        opts.json
          ? JSON.stringify(plan, null, 2)
          : `Plan ${plan.id}: version ${v.version} from ${v.effectiveFrom}`,
      );
    });

  cmd
    .command('assign')
    .description('Put a person on a plan from a date (assignments of one person never overlap)')
    .requiredOption('--user <email>', 'the person')
    .requiredOption('--plan <id>', 'plan id')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'end, exclusive (default: open-ended)')
    .option('--target <minor>', 'period target in minor units (default: the quota goals)')
    .option('--json', 'print JSON only')
    .action(
      async (opts: {
        user: string;
        plan: string;
        from: string;
        to?: string;
        target?: string;
        json?: boolean;
      }) => {
        const { createAssignment } = await import('../../store/queries/commissions/plans.ts');
        const planId = idArg(opts.plan, '--plan');
        const targetMinor = opts.target === undefined ? null : nonNegativeNumber(opts.target, '--target');
        if (targetMinor !== null && !Number.isSafeInteger(targetMinor)) {
          throw new AppError('validation', '--target is in minor units (a whole number)', [
            { field: '--target', value: opts.target, reason: 'expected an integer' },
          ]);
        }
        const a = await withStore(ctx, async (db) =>
          createAssignment(db, SYSTEM_VIEWER, {
            userId: await userIdByEmail(db, opts.user),
            planId,
            effectiveFrom: opts.from,
            effectiveTo: opts.to ?? null,
            targetMinor,
          }),
        );
        console.log(
          opts.json
            ? JSON.stringify(a, null, 2)
            : `Assignment ${a.id}: ${a.userName} on plan ${a.planId} from ${a.effectiveFrom}${a.effectiveTo ? ` to ${a.effectiveTo}` : ''}`,
        );
      },
    );

  cmd
    .command('run')
    .description("Compute a period's statements (drafts are replaced, locked ones kept)")
    .requiredOption('--period <key>', "'2026-11', '2026-Q4' or '2026'")
    .option('--json', 'print JSON only')
    .action(async (opts: { period: string; json?: boolean }) => {
      const { runCommissions } = await import('../../store/queries/commissions/run.ts');
      const r = await withStore(ctx, (db) => runCommissions(db, SYSTEM_VIEWER, opts.period));
      if (opts.json) return console.log(JSON.stringify(r, null, 2));
      console.log(`${r.periodKey}: ${r.drafts} draft(s) computed, ${r.skippedLocked} locked kept`);
      for (const p of r.payoutByCurrency)
        console.log(`  payout ${p.currency} ${majorUnits(p.payoutMinor, p.currency)}`);
    });

  cmd
    .command('lock')
    .description("Lock a period's drafts (immutable from then on)")
    .requiredOption('--period <key>', 'period key')
    .option('--user <email>', 'only this person')
    .option('--json', 'print JSON only')
    .action(async (opts: { period: string; user?: string; json?: boolean }) => {
      const { lockStatements } = await import('../../store/queries/commissions/lock-pay.ts');
      const ids = await withStore(ctx, async (db) =>
        lockStatements(db, SYSTEM_VIEWER, {
          periodKey: opts.period,
          userIds: opts.user ? [await userIdByEmail(db, opts.user)] : undefined,
        }),
      );
      console.log(opts.json ? JSON.stringify({ statementIds: ids }) : `Locked ${ids.length} statement(s)`);
    });

  cmd
    .command('pay')
    .description('Mark locked statements paid: a whole period, or one statement')
    .option('--period <key>', 'period key')
    .option('--statement <id>', 'one statement')
    .option('--json', 'print JSON only')
    .action(async (opts: { period?: string; statement?: string; json?: boolean }) => {
      const { payStatements } = await import('../../store/queries/commissions/lock-pay.ts');
      if ((opts.period === undefined) === (opts.statement === undefined)) {
        throw new AppError('validation', 'Give --period or --statement (one of them)', [
          { field: '--period', reason: 'exactly one of --period and --statement' },
        ]);
      }
      const target = opts.statement
        ? { statementId: idArg(opts.statement, '--statement') }
        : { periodKey: opts.period! };
      const ids = await withStore(ctx, (db) => payStatements(db, SYSTEM_VIEWER, target));
      console.log(
        opts.json ? JSON.stringify({ statementIds: ids }) : `Marked ${ids.length} statement(s) paid`,
      );
    });

  cmd
    .command('statement')
    .description("One person's statement for a period: every line, totals")
    .requiredOption('--user <email>', 'the person')
    .requiredOption('--period <key>', 'period key')
    .option('--json', 'print JSON only')
    .action(async (opts: { user: string; period: string; json?: boolean }) => {
      const { listStatements, getStatement } =
        await import('../../store/queries/commissions/statements-read.ts');
      const s = await withStore(ctx, async (db) => {
        const userId = await userIdByEmail(db, opts.user);
        const [row] = await listStatements(db, SYSTEM_VIEWER, { periodKey: opts.period, userId });
        if (!row) {
          throw new AppError('not_found', `No statement for ${opts.user} in ${opts.period}`, [
            {
              field: '--period',
              value: opts.period,
              reason: 'run the period first: pacesetter commissions run --period ...',
            },
          ]);
        }
        return getStatement(db, SYSTEM_VIEWER, row.id);
      });
      if (!s) return;
      if (opts.json) return console.log(JSON.stringify(s, null, 2));
      const h = s.statement;
      console.log(`Statement ${h.id}: ${h.userName}, ${h.periodKey} (${h.status}), ${h.currency}`);
      console.log(
        `  credited ${majorUnits(h.creditedMinor, h.currency)} of target ${majorUnits(h.targetMinor, h.currency)} = ${h.attainmentPct.toFixed(1)}%; payout ${majorUnits(h.payoutMinor, h.currency)}`,
      );
      for (const w of s.warnings) console.log(`  note: ${w}`);
      console.log(
        textTable(
          ['#', 'kind', 'label', 'credited', 'rate %', 'amount', 'explanation'],
          s.lines.map((l) => [
            l.lineNo,
            l.kind,
            l.label,
            l.creditedMinor === null ? null : majorUnits(l.creditedMinor, h.currency),
            l.rateBp === null ? null : (l.rateBp / 100).toFixed(2),
            majorUnits(l.amountMinor, h.currency),
            l.explanation,
          ]),
        ),
      );
    });

  cmd
    .command('export')
    .description("Payroll CSV of a period's locked and paid statements")
    .requiredOption('--period <key>', 'period key')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { period: string; out?: string }) => {
      const { payrollCsv } = await import('../../store/queries/commissions/payroll.ts');
      const { csv } = await withStore(ctx, (db) => payrollCsv(db, SYSTEM_VIEWER, opts.period));
      if (!opts.out) {
        process.stdout.write(csv);
        return;
      }
      const { writeFileSync } = await import('node:fs');
      writeFileSync(opts.out, csv);
      console.error(`Wrote ${opts.out}`);
    });

  cmd
    .command('disputes')
    .description('Disputes on statement lines')
    .option('--status <status>', 'open | accepted | rejected')
    .option('--json', 'print JSON only')
    .action(async (opts: { status?: string; json?: boolean }) => {
      const { listDisputes } = await import('../../store/queries/commissions/disputes.ts');
      const status = opts.status;
      if (status !== undefined && status !== 'open' && status !== 'accepted' && status !== 'rejected') {
        throw new AppError('validation', '--status must be open, accepted or rejected', [
          { field: '--status', value: status, reason: 'expected open | accepted | rejected' },
        ]);
      }
      const list = await withStore(ctx, (db) => listDisputes(db, SYSTEM_VIEWER, { status }));
      if (opts.json) return console.log(JSON.stringify({ disputes: list }, null, 2));
      console.log(
        textTable(
          ['id', 'statement', 'line', 'by', 'status', 'amount', 'comment'],
          list.map((d) => [
            d.id,
            d.statementId,
            d.lineId,
            d.raisedByName,
            d.status,
            d.adjustmentMinor === null ? null : majorUnits(d.adjustmentMinor, d.currency),
            d.comment,
          ]),
        ),
      );
    });
}
