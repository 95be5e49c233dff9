import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { isLocalDate } from '../../domain/calendar/local-date.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { textTable } from '../text-table.ts';
import { withStore } from '../with-store.ts';
import { idArg, optionalId } from '../int-options.ts';

const CRITERION_KINDS = ['role_fit', 'past_achievement', 'acumen', 'culture_fit', 'custom'] as const;
const STATUSES = ['applied', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn'] as const;
const num = (v: number | null, digits = 2) => (v === null ? null : Number(v.toFixed(digits)));
const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);

async function userIdByEmail(
  db: import('../../store/db.ts').Db,
  email: string,
  option: string,
): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(db.fn('lower', ['email']), '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row)
    throw new AppError('validation', `${option}: no user with email ${email}`, [
      { field: option, value: email, reason: 'no such user' },
    ]);
  return Number(row.id);
}

/** "Role fit:role_fit:2,Culture fit:culture_fit:1" as criteria; every bad entry is reported together. */
function parseCriteria(s: string) {
  const problems: Array<{ field: string; value: string; reason: string }> = [];
  const out = s.split(',').map((entry, i) => {
    const [name = '', kind = '', weight = ''] = entry.split(':').map((x) => x.trim());
    const w = Number(weight);
    if (!name) problems.push({ field: `--criteria[${i}]`, value: entry, reason: 'missing name' });
    if (!(CRITERION_KINDS as readonly string[]).includes(kind))
      problems.push({
        field: `--criteria[${i}]`,
        value: entry,
        reason: `kind must be one of ${CRITERION_KINDS.join(', ')}`,
      });
    if (!(w > 0 && w <= 1000))
      problems.push({
        field: `--criteria[${i}]`,
        value: entry,
        reason: 'weight must be above 0 and at most 1000',
      });
    return { name, kind: kind as (typeof CRITERION_KINDS)[number], weight: w };
  });
  if (problems.length > 0)
    throw new AppError('validation', 'Invalid --criteria (name:kind:weight,...)', problems);
  return out;
}

/** `pacesetter hiring ...`: openings with weighted criteria, candidates, interview scores, predictors, turnover. */
export function register(program: Command, ctx: CliContext): void {
  const hiring = program
    .command('hiring')
    .description(
      'Hiring scorecards, which criteria predicted success, rep turnover and tenure (docs/coaching.md)',
    );

  hiring
    .command('openings')
    .description('List openings with their criteria')
    .option('--json', 'print the API body')
    .action(async (opts: { json?: boolean }) => {
      const { listOpenings } = await import('../../store/queries/hiring/openings.ts');
      await withStore(ctx, async (db) => {
        const items = await listOpenings(db, SYSTEM_VIEWER);
        if (opts.json) return console.log(JSON.stringify({ items }, null, 2));
        console.log(
          textTable(
            ['id', 'opening', 'team', 'status', 'scale', 'candidates', 'criteria (weight)'],
            items.map((o) => [
              o.id,
              o.name,
              o.teamName,
              o.status,
              `${o.scaleMin}-${o.scaleMax}`,
              o.candidates,
              o.criteria.map((c) => `${c.name} (${c.weight})`).join(', '),
            ]),
          ),
        );
      });
    });

  hiring
    .command('open')
    .description('Create an opening')
    .requiredOption('--name <name>', 'the role')
    .requiredOption('--criteria <list>', 'name:kind:weight,... kinds: ' + CRITERION_KINDS.join(', '))
    .option('--team <id>', 'the team it hires into')
    .option('--scale <min-max>', 'score scale', '1-5')
    .action(async (opts: { name: string; criteria: string; team?: string; scale: string }) => {
      const m = /^(\d{1,2})-(\d{1,3})$/.exec(opts.scale);
      if (!m)
        throw new AppError('validation', '--scale must look like 1-5', [
          { field: '--scale', value: opts.scale, reason: 'expected MIN-MAX' },
        ]);
      const criteria = parseCriteria(opts.criteria);
      const teamId = optionalId(opts.team, '--team') ?? null;
      const { createOpening } = await import('../../store/queries/hiring/openings.ts');
      await withStore(ctx, async (db) => {
        const o = await createOpening(db, SYSTEM_VIEWER, {
          name: opts.name,
          teamId,
          ownerId: null,
          scaleMin: Number(m[1]),
          scaleMax: Number(m[2]),
          criteria,
        });
        console.log(`Opening ${o.id} created: ${o.criteria.map((c) => `${c.id} ${c.name}`).join(', ')}`);
      });
    });

  hiring
    .command('candidates')
    .description("Add a candidate to an opening, or change a candidate's status")
    .argument('<openingId>', 'the opening')
    .option('--add <name>', 'add a candidate with this name')
    .option('--email <email>', 'the new candidate’s e-mail')
    .option('--candidate <id>', 'the candidate whose status changes')
    .option('--status <status>', STATUSES.join('|'))
    .option('--user <email>', 'with --status hired: the user the candidate became')
    .action(
      async (
        openingArg: string,
        opts: { add?: string; email?: string; candidate?: string; status?: string; user?: string },
      ) => {
        const openingId = idArg(openingArg, '<openingId>');
        if (opts.status !== undefined && !(STATUSES as readonly string[]).includes(opts.status))
          throw new AppError('validation', `--status must be one of ${STATUSES.join(', ')}`, [
            { field: '--status', value: opts.status, reason: 'unknown status' },
          ]);
        const { createCandidate, updateCandidate } = await import('../../store/queries/hiring/candidates.ts');
        const { compareCandidates } = await import('../../store/queries/hiring/compare-candidates.ts');
        await withStore(ctx, async (db) => {
          if (opts.add) {
            const c = await createCandidate(db, SYSTEM_VIEWER, {
              openingId,
              name: opts.add,
              email: opts.email ?? null,
            });
            console.log(`Candidate ${c.id} added.`);
          }
          if (opts.candidate) {
            const id = idArg(opts.candidate, '--candidate');
            const hiredUserId = opts.user ? await userIdByEmail(db, opts.user, '--user') : undefined;
            const c = await updateCandidate(db, SYSTEM_VIEWER, id, {
              ...(opts.status ? { status: opts.status as (typeof STATUSES)[number] } : {}),
              ...(hiredUserId !== undefined ? { hiredUserId } : {}),
            });
            console.log(`Candidate ${c.id}: ${c.status}.`);
          }
          const cmp = await compareCandidates(db, SYSTEM_VIEWER, openingId);
          console.log(
            textTable(
              ['id', 'candidate', 'email', 'status', 'hired user'],
              cmp.candidates.map((c) => [c.id, c.name, c.email, c.status, c.hiredUserId]),
            ),
          );
        });
      },
    );

  hiring
    .command('score')
    .description('Record one interviewer’s scores for a candidate (scoring a criterion again replaces it)')
    .argument('<candidateId>', 'the candidate')
    .requiredOption('--interviewer <email>', 'the interviewer (a manager or admin)')
    .requiredOption('--scores <list>', 'criterion=score,... (criterion id or name)')
    .action(async (candidateArg: string, opts: { interviewer: string; scores: string }) => {
      const candidateId = idArg(candidateArg, '<candidateId>');
      const { recordScores } = await import('../../store/queries/hiring/record-scores.ts');
      await withStore(ctx, async (db) => {
        const interviewerId = await userIdByEmail(db, opts.interviewer, '--interviewer');
        const cand = await db
          .selectFrom('hiring_candidates')
          .select('opening_id')
          .where('id', '=', candidateId)
          .executeTakeFirst();
        if (!cand)
          throw new AppError('not_found', `No candidate ${candidateId}`, [
            { field: 'candidateId', value: candidateArg, reason: 'not found' },
          ]);
        const criteria = await db
          .selectFrom('hiring_criteria')
          .select(['id', 'name'])
          .where('opening_id', '=', cand.opening_id)
          .execute();
        const problems: Array<{ field: string; value: string; reason: string }> = [];
        const entries = opts.scores.split(',').map((pair, i) => {
          const [key = '', value = ''] = pair.split('=').map((x) => x.trim());
          const c = criteria.find((x) => String(x.id) === key || x.name.toLowerCase() === key.toLowerCase());
          if (!c)
            problems.push({
              field: `--scores[${i}]`,
              value: pair,
              reason: 'no such criterion on this opening',
            });
          const score = Number(value);
          if (value === '' || !Number.isFinite(score))
            problems.push({ field: `--scores[${i}]`, value: pair, reason: 'not a number' });
          return { criterionId: c ? Number(c.id) : 0, score, note: null };
        });
        if (problems.length > 0) throw new AppError('validation', 'Invalid --scores', problems);
        const n = await recordScores(db, SYSTEM_VIEWER, candidateId, interviewerId, entries);
        console.log(`${n} score(s) recorded.`);
      });
    });

  hiring
    .command('compare')
    .description(
      "An opening's candidates ranked by weighted score, per criterion with the interviewers' spread",
    )
    .argument('<openingId>', 'the opening')
    .option('--json', 'print the API body')
    .action(async (openingArg: string, opts: { json?: boolean }) => {
      const openingId = idArg(openingArg, '<openingId>');
      const { compareCandidates } = await import('../../store/queries/hiring/compare-candidates.ts');
      await withStore(ctx, async (db) => {
        const cmp = await compareCandidates(db, SYSTEM_VIEWER, openingId);
        if (opts.json) return console.log(JSON.stringify(cmp, null, 2));
        console.log(`${cmp.opening.name} (scale ${cmp.opening.scaleMin}-${cmp.opening.scaleMax})\n`);
        console.log(
          textTable(
            [
              'rank',
              'candidate',
              'status',
              'score',
              ...cmp.opening.criteria.map((c) => `${c.name} (x${c.weight})`),
              'interviewers',
              'max spread',
            ],
            cmp.candidates.map((c) => [
              c.rank,
              c.name,
              c.status,
              num(c.total),
              ...c.criteria.map((r) => (r.mean === null ? null : `${num(r.mean)} ±${num(r.spread)}`)),
              c.interviewers,
              num(c.maxSpread),
            ]),
          ),
        );
      });
    });

  hiring
    .command('predictors')
    .description('Hires’ scorecards beside first-year attainment, and the Spearman correlation per criterion')
    .option('--json', 'print the API body')
    .action(async (opts: { json?: boolean }) => {
      const { hiringPredictors } = await import('../../store/queries/hiring/predictors.ts');
      await withStore(ctx, async (db) => {
        const r = await hiringPredictors(db, SYSTEM_VIEWER, new Date());
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        console.log(
          textTable(
            [
              'hire',
              'opening',
              'hired',
              'score (1-5)',
              'band',
              'first year to',
              'days',
              'quota attainment',
              'counted',
            ],
            r.hires.map((h) => [
              h.name,
              h.openingName,
              h.hireDate,
              num(h.total),
              h.band,
              h.firstYearTo,
              h.daysObserved,
              pct(h.quotaAttainment),
              h.counted ? 'yes' : 'no',
            ]),
          ),
        );
        console.log('');
        console.log(
          textTable(
            ['criterion', 'n', 'Spearman rho', 'verdict'],
            r.predictors.map((p) => [
              p.key,
              p.n,
              num(p.rho),
              p.verdict === 'too_few'
                ? 'too few hires to tell'
                : p.verdict === 'no_variation'
                  ? 'no variation'
                  : '',
            ]),
          ),
        );
      });
    });

  hiring
    .command('turnover')
    .description(
      'Rep turnover (leavers / average headcount) and median tenure at leaving, by team and score band',
    )
    .option('--from <date>', 'first day (default: 364 days before --to)')
    .option('--to <date>', 'last day (default: today)')
    .option('--json', 'print the API body')
    .action(async (opts: { from?: string; to?: string; json?: boolean }) => {
      for (const [k, v] of [
        ['--from', opts.from],
        ['--to', opts.to],
      ] as const)
        if (v !== undefined && !isLocalDate(v))
          throw new AppError('validation', `${k} must be a date (YYYY-MM-DD)`, [
            { field: k, value: v, reason: 'not a date' },
          ]);
      const { addDays, fromDayNumber } = await import('../../domain/calendar/local-date.ts');
      const { localDayNumber } = await import('../../domain/calendar/zoned.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const { turnoverReport } = await import('../../store/queries/hiring/turnover.ts');
      await withStore(ctx, async (db) => {
        const to = opts.to ?? fromDayNumber(localDayNumber(Date.now(), (await getSettings(db)).timeZone));
        const from = opts.from ?? addDays(to, -364);
        if (from > to)
          throw new AppError('validation', '--from is after --to', [
            { field: '--from', value: from, reason: 'after --to' },
          ]);
        const r = await turnoverReport(db, SYSTEM_VIEWER, { from, to });
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        const rows = (xs: typeof r.byTeam) =>
          xs.map((x) => [
            x.name,
            x.leavers,
            num(x.averageHeadcount, 1),
            pct(x.turnover),
            num(x.medianTenureMonths, 1),
          ]);
        const head = ['group', 'leavers', 'avg headcount', 'turnover', 'median tenure at leaving (months)'];
        console.log(`Rep turnover ${from} to ${to}\n`);
        console.log(textTable(head, rows([r.company, ...r.byTeam])));
        console.log('');
        console.log(textTable(['hiring score band', ...head.slice(1)], rows(r.byBand)));
      });
    });
}
