import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import type { CliContext } from '../context.ts';
import { textTable } from '../text-table.ts';
import { countArg } from '../int-options.ts';

/** `pacesetter cadence`: deals that fell silent before the follow-up target and under-attempted leads. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('cadence')
    .description(
      'Follow-up cadence gaps: silent deals below the follow-up target, leads below the minimum attempts',
    )
    .option('--silent-days <n>', 'days without a touch before a deal counts as silent', '7')
    .option('--limit <n>', 'rows per list', '100')
    .option('--json', 'print JSON instead of tables')
    .action(async (opts: { silentDays: string; limit: string; json?: boolean }) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { cadenceGaps } = await import('../../store/queries/cadence/cadence-gaps.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const gaps = await cadenceGaps(db, SYSTEM_VIEWER, {
          now: new Date(),
          silentDays: countArg(opts.silentDays, '--silent-days'),
          limit: countArg(opts.limit, '--limit'),
        });
        if (opts.json) return console.log(JSON.stringify(gaps, null, 2));
        const r = gaps.rules;
        console.log(
          `Silent deals (no touch for ${r.silentDays}+ days, fewer than ${r.followUpTarget} follow-ups since the last meeting):`,
        );
        console.log(
          textTable(
            ['deal', 'name', 'owner', 'stage', 'last meeting', 'follow-ups', 'days silent'],
            gaps.silentDeals.map((d) => [
              d.opportunityId,
              d.name,
              d.ownerName,
              d.stageName,
              d.lastMeetingAt ? d.lastMeetingAt.toISOString().slice(0, 10) : null,
              d.touchesSinceMeeting,
              d.daysSinceLastTouch,
            ]),
          ),
        );
        console.log(`\nLeads with fewer than ${r.leadMinAttempts} attempts:`);
        console.log(
          textTable(
            ['lead', 'name', 'owner', 'status', 'created', 'attempts', 'days since touch'],
            gaps.underAttemptedLeads.map((l) => [
              l.leadId,
              l.name,
              l.ownerName,
              l.status,
              l.createdAt.toISOString().slice(0, 10),
              l.attempts,
              l.daysSinceLastTouch,
            ]),
          ),
        );
      } finally {
        await db.destroy();
      }
    });
}
