import type { Command } from 'commander';
import { SYSTEM_VIEWER } from '../../domain/access/viewer.ts';
import { INTEGRITY_SIGNALS } from '../../domain/integrity/thresholds.ts';
import type { CliContext } from '../context.ts';
import { textTable } from '../text-table.ts';

interface IntegrityOptions {
  from: string;
  to: string;
  json?: boolean;
}

const pct = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);

/**
 * `pacesetter activities integrity --from --to`: the per-rep data-quality view, as GET /api/capture/integrity
 * (docs/capture.md, "Integrity (data quality)"). Adds `integrity` to the `activities` command when another file
 * registered it already, else creates `activities`.
 */
export function register(program: Command, ctx: CliContext): void {
  const activities =
    program.commands.find((c) => c.name() === 'activities') ??
    program.command('activities').description('Logged activities');
  activities
    .command('integrity')
    .description(
      'Per-rep data quality: zero-length calls, repeat touches, after-hours bulk logging, flagged reps',
    )
    .requiredOption('--from <date>', 'first local date, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local date, YYYY-MM-DD (inclusive)')
    .option('--json', 'print the API JSON instead of tables')
    .action(async (opts: IntegrityOptions) => {
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { integrityReport } = await import('../../store/queries/integrity/integrity-report.ts');
      const db = await openConfiguredStore(ctx.config());
      try {
        const r = await integrityReport(db, SYSTEM_VIEWER, { from: opts.from, to: opts.to });
        if (opts.json) return console.log(JSON.stringify(r, null, 2));
        console.log(
          `Data quality ${r.from} to ${r.to}; median rep: ${INTEGRITY_SIGNALS.map((s) => `${s} ${pct(r.medians[s]) ?? 'n/a'}`).join(', ')}`,
        );
        console.log(
          textTable(
            ['rep', 'zero-length calls', 'repeat touches', 'bulk-logged', 'flagged'],
            r.reps.map((p) => [
              p.name,
              pct(p.signals.zero_length_call_share.value),
              pct(p.signals.repeat_touch_share.value),
              pct(p.signals.bulk_logged_share.value),
              p.flagged ? 'yes' : '',
            ]),
          ),
        );
        for (const p of r.reps.filter((x) => x.flagged)) {
          console.log(`\n${p.name}:`);
          for (const s of INTEGRITY_SIGNALS)
            if (p.signals[s].reason) console.log(`  - ${p.signals[s].reason}`);
          console.log(
            textTable(
              ['day', 'zero-length / timed calls', 'repeat touches / touches', 'bulk-logged / typed in'],
              p.worstDays.map((d) => [
                d.date,
                `${d.zeroLengthCalls} / ${d.timedCalls}`,
                `${d.repeatTouches} / ${d.touches}`,
                `${d.bulkLogged} / ${d.typedIn}`,
              ]),
            ),
          );
        }
      } finally {
        await db.destroy();
      }
    });
}
