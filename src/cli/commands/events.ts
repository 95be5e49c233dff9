import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

/**
 * `pacesetter events import file.csv`: engagement events from a CSV, all-or-nothing and idempotent by event_id,
 * as POST /api/events takes them; the leads that received new events are scored and promoted.
 */
export function register(program: Command, ctx: CliContext): void {
  const events = program.command('events').description('Lead engagement events for scoring');
  events
    .command('import <file>')
    .description(
      'Import events from a CSV with columns event_id, lead_id or lead_external_id, type, occurred_at (ISO 8601), and optional url and properties (JSON)',
    )
    .option('--delimiter <char>', 'cell delimiter', ',')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { delimiter: string; json?: boolean }) => {
      const { createReadStream } = await import('node:fs');
      const { readEventCsv } = await import('../../import/events/read-event-csv.ts');
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { ingestEvents } = await import('../../store/queries/scoring/ingest-events.ts');
      const { items, lines } = await readEventCsv(createReadStream(file), {
        file,
        delimiter: opts.delimiter,
      });
      const db = await openConfiguredStore(ctx.config());
      try {
        const out = await ingestEvents(db, items, new Date(), (i) => ({ file, line: lines[i], field: '' }));
        if (opts.json) console.log(JSON.stringify(out, null, 2));
        else
          console.log(
            `${file}: ${out.received} events, ${out.inserted} new, ${out.duplicates} already stored; ${out.leadsScored} leads scored, ${out.promoted} promoted`,
          );
      } finally {
        await db.destroy();
      }
    });
}
