import type { Command } from 'commander';
import { AppError } from '../../errors.ts';
import type { CliContext } from '../context.ts';

/** The columns `events import` reads (header names, any order; lead by lead_id or lead_external_id). */
export const EVENT_CSV_COLUMNS = [
  'event_id',
  'lead_id',
  'lead_external_id',
  'type',
  'url',
  'occurred_at',
  'properties',
];

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
      const { readCsvRows } = await import('../../import/csv/read-csv.ts');
      const { openConfiguredStore } = await import('../store-from-config.ts');
      const { ingestEvents } = await import('../../store/queries/scoring/ingest-events.ts');
      const { EVENT_TYPE } = await import('../../domain/scoring/validate-rule-set.ts');
      type Item = import('../../store/queries/scoring/ingest-events.ts').IncomingEvent;
      const items: Item[] = [];
      const lines: number[] = [];
      const errors: import('../../errors.ts').ErrorDetail[] = [];
      let header: string[] | null = null;
      const skips = { blank: 0, footer: 0 };
      for await (const row of readCsvRows(
        createReadStream(file),
        { file, delimiter: opts.delimiter, encoding: 'utf-8' },
        skips,
      )) {
        if (header === null) {
          header = row.cells.map((c) => c.trim().toLowerCase());
          const missing = ['event_id', 'type', 'occurred_at'].filter((c) => !header?.includes(c));
          if (!header.includes('lead_id') && !header.includes('lead_external_id'))
            missing.push('lead_id or lead_external_id');
          if (missing.length > 0)
            throw new AppError(
              'validation',
              `${file}: missing columns`,
              missing.map((c) => ({ file, line: row.line, field: c, reason: 'column not in the header' })),
            );
          continue;
        }
        const cell = (name: string) => {
          const i = header!.indexOf(name);
          const v = i === -1 ? '' : (row.cells[i] ?? '').trim();
          return v === '' ? undefined : v;
        };
        const bad = (field: string, reason: string, value?: string) =>
          errors.push({ file, line: row.line, field, reason, ...(value === undefined ? {} : { value }) });
        const id = cell('event_id');
        const type = cell('type');
        const occurred = cell('occurred_at');
        const leadIdText = cell('lead_id');
        if (!id) bad('event_id', 'required value is empty');
        if (!type || !EVENT_TYPE.test(type)) bad('type', 'lower_snake_case, e.g. page_view', type);
        const occurredAt = occurred ? new Date(occurred) : null;
        if (!occurredAt || Number.isNaN(occurredAt.getTime()) || !/^\d{4}-\d\d-\d\dT/.test(occurred ?? ''))
          bad('occurred_at', 'an ISO 8601 instant such as 2026-06-01T10:00:00Z', occurred);
        const leadId = leadIdText === undefined ? undefined : Number(leadIdText);
        if (leadId !== undefined && !(Number.isSafeInteger(leadId) && leadId > 0))
          bad('lead_id', 'a lead id', leadIdText);
        let properties: Record<string, unknown> | undefined;
        const props = cell('properties');
        if (props !== undefined) {
          try {
            const parsed: unknown = JSON.parse(props);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
              throw new Error('not an object');
            properties = Object.fromEntries(Object.entries(parsed));
          } catch {
            bad('properties', 'a JSON object, e.g. {"campaign":"q3"}', props);
          }
        }
        items.push({
          id: id ?? '',
          leadId,
          leadExternalId: cell('lead_external_id'),
          type: type ?? '',
          url: cell('url') ?? null,
          occurredAt: occurredAt ?? new Date(0),
          properties,
        });
        lines.push(row.line);
      }
      if (errors.length > 0)
        throw new AppError(
          'validation',
          `${errors.length} problem(s) in ${file}; nothing was stored`,
          errors.slice(0, 100),
        );
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
