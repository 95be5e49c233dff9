import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { addDays } from '../../domain/calendar/local-date.ts';
import { GRAINS, type Grain } from '../../domain/calendar/period.ts';
import { RESPONSE_BUCKET_LABELS } from '../../domain/metrics/response-buckets.ts';
import { resolveReportPeriod } from '../../domain/metrics/report-period.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { optionList } from '../option-list.ts';
import { idArg, optionalCount, optionalId } from '../int-options.ts';
import { wholeFromText } from '../../domain/id-text.ts';

const ids = (s: string | undefined, option: string) => optionList(s).map((x) => idArg(x, option));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);

/** "09:00-17:30" as minutes after midnight. */
function parseHours(s: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(s);
  if (!m)
    throw new AppError('validation', '--hours must look like 09:00-17:30', [
      { field: '--hours', value: s, reason: 'expected HH:MM-HH:MM' },
    ]);
  return [Number(m[1]) * 60 + Number(m[2]), Number(m[3]) * 60 + Number(m[4])];
}

interface RuleOptions {
  name: string;
  position?: string;
  countries?: string;
  regions?: string;
  industries?: string;
  minSize?: string;
  maxSize?: string;
  accounts?: string;
  reps?: string;
  team?: string;
}

interface ReportOptions {
  from?: string;
  to?: string;
  period?: string;
  json?: boolean;
}

/** `pacesetter route ...`: lead routing rules, settings, rep profiles, out-of-office dates, runs and reports. */
export function register(program: Command, ctx: CliContext): void {
  const route = program.command('route').description('Lead routing: territory rules, round robin, reports');

  const rules = route.command('rules').description('List routing rules in priority order');
  rules.action(async () => {
    const { listRoutingRules } = await import('../../store/tables/routing-rules.ts');
    await withStore(ctx, async (db) => {
      const all = await listRoutingRules(db);
      const join = (xs: readonly (string | number)[] | null) => (xs && xs.length > 0 ? xs.join(',') : null);
      console.log(
        textTable(
          [
            'id',
            'pos',
            'name',
            'active',
            'countries',
            'regions',
            'industries',
            'size',
            'accounts',
            'reps',
            'team',
          ],
          all.map((r) => [
            r.id,
            r.position,
            r.name,
            r.active ? 'yes' : 'no',
            join(r.countries),
            join(r.regions),
            join(r.industries),
            r.minCompanySize === null && r.maxCompanySize === null
              ? null
              : `${r.minCompanySize ?? 0}-${r.maxCompanySize ?? ''}`,
            join(r.accountIds),
            join(r.repIds),
            r.teamId,
          ]),
        ),
      );
    });
  });
  rules
    .command('add')
    .description('Add a rule; criteria left out match anything')
    .requiredOption('--name <name>', 'rule name')
    .option('--position <n>', 'priority, lower first (default: after the last rule)')
    .option('--countries <codes>', 'ISO country codes, e.g. DE,AT,CH')
    .option('--regions <names>', 'regions')
    .option('--industries <names>', 'industries')
    .option('--min-size <employees>', 'smallest company size, inclusive')
    .option('--max-size <employees>', 'largest company size, inclusive')
    .option('--accounts <ids>', 'named account ids')
    .option('--reps <ids>', 'user ids of the eligible reps')
    .option('--team <id>', 'a team whose reps (with sub-teams) are eligible')
    .action(async (opts: RuleOptions) => {
      const { createRoutingRule, listRoutingRules } = await import('../../store/tables/routing-rules.ts');
      await withStore(ctx, async (db) => {
        const last = (await listRoutingRules(db)).at(-1);
        const size = (s: string | undefined, o: string) => optionalCount(s, o) ?? null;
        const rule = await createRoutingRule(db, {
          name: opts.name,
          position: optionalCount(opts.position, '--position') ?? (last?.position ?? 0) + 1,
          active: true,
          countries: optionList(opts.countries).map((c) => c.toUpperCase()),
          regions: optionList(opts.regions),
          industries: optionList(opts.industries),
          minCompanySize: size(opts.minSize, '--min-size'),
          maxCompanySize: size(opts.maxSize, '--max-size'),
          accountIds: ids(opts.accounts, '--accounts'),
          repIds: ids(opts.reps, '--reps'),
          teamId: optionalId(opts.team, '--team') ?? null,
        });
        console.log(`Created routing rule ${rule.id}: ${rule.name} (position ${rule.position})`);
      });
    });
  rules
    .command('rm <id>')
    .description('Delete a rule')
    .action(async (id: string) => {
      const { deleteRoutingRule } = await import('../../store/tables/routing-rules.ts');
      await withStore(ctx, async (db) => {
        await deleteRoutingRule(db, idArg(id, '<id>'));
        console.log(`Deleted routing rule ${id}`);
      });
    });

  route
    .command('settings')
    .description('Show or change when leads are routed and the SLA reassignment')
    .option('--on <when>', 'sql (when a lead becomes SQL), created (any open lead) or off')
    .option('--reassign <onOff>', 'on: reassign a routed lead whose rep missed the response SLA')
    .option('--max-reassign <n>', 'reassignments per lead at most (0-10)')
    .action(async (opts: { on?: string; reassign?: string; maxReassign?: string }) => {
      const { getRoutingSettings, updateRoutingSettings } =
        await import('../../store/tables/routing-settings.ts');
      await withStore(ctx, async (db) => {
        const details = [];
        if (opts.on !== undefined && !['sql', 'created', 'off'].includes(opts.on))
          details.push({ field: '--on', value: opts.on, reason: 'expected sql, created or off' });
        if (opts.reassign !== undefined && !['on', 'off'].includes(opts.reassign))
          details.push({ field: '--reassign', value: opts.reassign, reason: 'expected on or off' });
        const max =
          opts.maxReassign === undefined ? undefined : (wholeFromText(opts.maxReassign) ?? Number.NaN);
        if (max !== undefined && !(max >= 0 && max <= 10))
          details.push({ field: '--max-reassign', value: opts.maxReassign, reason: 'expected 0 to 10' });
        if (details.length > 0) throw new AppError('validation', 'Invalid routing settings', details);
        const s =
          opts.on === undefined && opts.reassign === undefined && max === undefined
            ? await getRoutingSettings(db)
            : await updateRoutingSettings(db, {
                ...(opts.on ? { routeOn: opts.on as 'sql' | 'created' | 'off' } : {}),
                ...(opts.reassign ? { reassignOnSlaBreach: opts.reassign === 'on' } : {}),
                ...(max !== undefined ? { maxSlaReassignments: max } : {}),
              });
        console.log(
          `route on: ${s.routeOn}\nreassign on SLA breach: ${s.reassignOnSlaBreach ? 'on' : 'off'} (at most ${s.maxSlaReassignments} per lead)`,
        );
      });
    });

  route
    .command('rep <userId>')
    .description("Set a rep's routing weight, open-lead cap and working hours")
    .option('--weight <n>', 'share of the round robin (0-100, default 1)')
    .option('--cap <n>', 'open leads at most; "none" for no cap')
    .option('--zone <iana>', 'time zone of the working hours (default: the workspace zone)')
    .option('--hours <range>', 'working hours, e.g. 08:00-17:00 (default: the workspace hours)')
    .option('--days <list>', 'ISO working weekdays, e.g. 1,2,3,4,5')
    .action(
      async (
        userId: string,
        opts: { weight?: string; cap?: string; zone?: string; hours?: string; days?: string },
      ) => {
        const { listRoutingReps, saveRoutingRep } = await import('../../store/tables/routing-reps.ts');
        await withStore(ctx, async (db) => {
          const id = idArg(userId, '<userId>');
          const [current] = await listRoutingReps(db, [id]);
          if (!current) throw new AppError('not_found', `User ${id} not found`);
          const hours = opts.hours ? parseHours(opts.hours) : null;
          const p = await saveRoutingRep(db, {
            ...current,
            ...(opts.weight !== undefined ? { weight: Number(opts.weight) } : {}),
            ...(opts.cap !== undefined
              ? { maxOpenLeads: opts.cap === 'none' ? null : Number(opts.cap) }
              : {}),
            ...(opts.zone !== undefined ? { timeZone: opts.zone } : {}),
            ...(hours ? { workStartMinute: hours[0], workEndMinute: hours[1] } : {}),
            ...(opts.days !== undefined ? { workingDays: optionList(opts.days).map(Number) } : {}),
          });
          console.log(
            `Rep ${p.userId}: weight ${p.weight}, cap ${p.maxOpenLeads ?? 'none'}, zone ${p.timeZone ?? 'workspace'}, hours ${p.workStartMinute === null ? 'workspace' : `${hhmm(p.workStartMinute)}-${hhmm(p.workEndMinute!)}`}`,
          );
        });
      },
    );

  route
    .command('run')
    .description('Route unassigned leads now (what the lead-routing job does every minute)')
    .option('--dry-run', 'print the decisions without assigning')
    .option('--json', 'print the decisions as JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const { runRouting } = await import('../../store/queries/routing/run-routing.ts');
      await withStore(ctx, async (db) => {
        const s = await runRouting(db, new Date(), { dryRun: opts.dryRun === true });
        if (opts.json) {
          console.log(JSON.stringify(s, null, 2));
          return;
        }
        console.log(
          `${opts.dryRun ? 'Would route' : 'Routed'} ${s.routed} leads, ${s.reassigned} reassigned after a missed SLA, ${s.unassigned} without an available rep`,
        );
        for (const d of s.decisions) {
          const who = d.kind === 'assigned' ? `-> user ${d.userId}` : 'unassigned';
          console.log(
            `lead ${d.leadId} ${who}${d.assignmentKind === 'sla_reassign' ? ' (SLA reassign)' : ''}: ${d.reason}`,
          );
          for (const t of d.trace)
            for (const k of t.skipped)
              console.log(`    skipped user ${k.userId} in "${t.ruleName}": ${k.detail}`);
        }
      });
    });

  const ooo = route.command('ooo').description('List out-of-office periods ending today or later');
  ooo.action(async () => {
    const { listOutOfOffice } = await import('../../store/tables/out-of-office.ts');
    await withStore(ctx, async (db) => {
      const periods = await listOutOfOffice(db, null, new Date().toISOString().slice(0, 10));
      console.log(
        textTable(
          ['id', 'user', 'from', 'to', 'note'],
          periods.map((p) => [p.id, p.userId, p.startsOn, p.endsOn, p.note]),
        ),
      );
    });
  });
  ooo
    .command('add <userId> <from> <to>')
    .description('Add an out-of-office period (local dates, inclusive)')
    .option('--note <text>', 'a note')
    .action(async (userId: string, from: string, to: string, opts: { note?: string }) => {
      const { addOutOfOffice } = await import('../../store/tables/out-of-office.ts');
      const { checkReportDate } = await import('../../domain/calendar/period.ts');
      checkReportDate(from, 'from');
      checkReportDate(to, 'to');
      await withStore(ctx, async (db) => {
        const p = await addOutOfOffice(
          db,
          { userId: idArg(userId, '<userId>'), startsOn: from, endsOn: to, note: opts.note ?? null },
          null,
        );
        console.log(`Added out-of-office ${p.id}: user ${p.userId} ${p.startsOn}..${p.endsOn}`);
      });
    });
  ooo
    .command('rm <id>')
    .description('Remove an out-of-office period')
    .action(async (id: string) => {
      const { deleteOutOfOffice } = await import('../../store/tables/out-of-office.ts');
      await withStore(ctx, async (db) => {
        await deleteOutOfOffice(db, idArg(id, '<id>'));
        console.log(`Removed out-of-office ${id}`);
      });
    });

  route
    .command('fairness')
    .description('Leads received per rep per period')
    .option('--from <date>', 'first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .option('--period <key>', 'period key instead of --from/--to: 2026-Q3, 2026-11')
    .option('--grain <grain>', `split into periods: ${GRAINS.join(', ')}`)
    .option('--json', 'print JSON')
    .action(async (opts: ReportOptions & { grain?: string }) => {
      if (opts.grain !== undefined && !(GRAINS as readonly string[]).includes(opts.grain))
        throw new AppError('validation', 'Invalid --grain', [
          { field: '--grain', value: opts.grain, reason: `expected one of ${GRAINS.join(', ')}` },
        ]);
      const { fairness } = await import('../../store/queries/routing/fairness.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      await withStore(ctx, async (db) => {
        const p = resolveReportPeriod(opts, await getSettings(db));
        const period = { from: p.start, to: addDays(p.end, -1) };
        const rows = await fairness(db, SYSTEM_VIEWER, {
          from: period.from,
          to: period.to,
          grain: (opts.grain as Grain | undefined) ?? null,
        });
        if (opts.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        console.log(`Leads received per rep, ${period.from} to ${period.to}\n`);
        console.log(
          textTable(
            ['rep', 'period', 'leads received', 'average score'],
            rows.map((r) => [
              r.name,
              r.period ?? `${period.from}..${period.to}`,
              r.leadsAssigned,
              r.averageScore === null ? '-' : r.averageScore.toFixed(1),
            ]),
          ),
        );
      });
    });

  route
    .command('speed-to-lead')
    .description('Conversion to opportunity and to won by response-time bucket')
    .option('--from <date>', 'first day of lead creation, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .option('--period <key>', 'period key instead of --from/--to: 2026-Q3, 2026-11')
    .option('--by <group>', 'company (default), rep or source')
    .option('--json', 'print JSON')
    .action(async (opts: ReportOptions & { by?: string }) => {
      const by = opts.by ?? 'company';
      if (by !== 'company' && by !== 'rep' && by !== 'source')
        throw new AppError('validation', 'Invalid --by', [
          { field: '--by', value: by, reason: 'expected company, rep or source' },
        ]);
      const { speedToLead } = await import('../../store/queries/routing/speed-to-lead.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      await withStore(ctx, async (db) => {
        const p = resolveReportPeriod(opts, await getSettings(db));
        const period = { from: p.start, to: addDays(p.end, -1) };
        const rows = await speedToLead(db, SYSTEM_VIEWER, { from: period.from, to: period.to, by });
        if (opts.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        console.log(`Speed to lead: leads created ${period.from} to ${period.to}, by first response\n`);
        console.log(
          textTable(
            [by, 'response', 'leads', 'converted', 'won', 'to opportunity', 'to won'],
            rows.map((r) => [
              r.groupName,
              RESPONSE_BUCKET_LABELS[r.bucket],
              r.leads,
              r.converted,
              r.won,
              pct(r.conversionRate),
              pct(r.winRate),
            ]),
          ),
        );
      });
    });
}
