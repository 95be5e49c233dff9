import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { formatMetricValue } from '../../domain/metrics/format.ts';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';
import { idArg } from '../int-options.ts';

interface DiagnoseOptions {
  period?: string;
  json?: boolean;
}

/**
 * `pacesetter reps diagnose <rep>`: one rep's funnel diagnosis, as GET /api/coaching/funnel-diagnosis. Adds the
 * `diagnose` subcommand to the `reps` command when another file registered it already, else creates `reps`.
 */
export function register(program: Command, ctx: CliContext): void {
  const reps =
    program.commands.find((c) => c.name() === 'reps') ??
    program.command('reps').description('Rep evaluation and coaching');
  reps
    .command('diagnose')
    .description(
      'Where a rep loses deals compared with their team: conversion, days in stage, follow-ups, response',
    )
    .argument('<rep>', 'user id or email of the rep')
    .option('--period <key>', 'period key: 2026-Q3, 2026-11, FY2027 (default: this quarter)')
    .option('--json', 'print the API JSON instead of a table')
    .action(async (repArg: string, opts: DiagnoseOptions) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { funnelDiagnosis } = await import('../../store/queries/coaching/funnel-diagnosis.ts');
      const { getSettings } = await import('../../store/tables/settings.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const settings = await getSettings(db);
        const user = await db
          .selectFrom('users')
          .select('id')
          .where(
            /^\d+$/.test(repArg) ? 'id' : 'email',
            '=',
            /^\d+$/.test(repArg) ? idArg(repArg, '<rep>') : repArg,
          )
          .executeTakeFirst();
        if (!user) {
          throw new AppError('not_found', `No user '${repArg}'`, [
            { field: 'rep', value: repArg, reason: 'no such user' },
          ]);
        }
        const d = await funnelDiagnosis(db, SYSTEM_VIEWER, { userId: user.id, period: opts.period });
        if (opts.json) {
          console.log(JSON.stringify(d, null, 2));
          return;
        }
        const pct = (v: number | null) => formatMetricValue(v, 'ratio', settings.locale, settings.currency);
        const days = (v: number | null) => formatMetricValue(v, 'days', settings.locale, settings.currency);
        const peers = d.peers.kind === 'team' ? `team ${d.peers.teamName}` : 'the company';
        console.log(
          `Funnel diagnosis: ${d.rep.name}, ${d.period.key} (${d.period.from} to ${d.period.to}), against ${peers} (${d.peers.reps} reps)\n`,
        );
        console.log('Stage                               Rep in  Rep conv  Team conv  Rep days  Team days');
        for (const s of d.stages) {
          console.log(
            `${`${s.from} -> ${s.to}`.padEnd(34)}  ${String(s.rep.entered).padStart(6)}  ${pct(s.rep.rate).padStart(8)}  ${pct(s.team.rate).padStart(9)}  ${days(s.rep.medianDays).padStart(8)}  ${days(s.team.medianDays).padStart(9)}`,
          );
        }
        console.log('');
        for (const s of d.sentences) console.log(s.text);
      } finally {
        await db.destroy();
      }
    });
}
