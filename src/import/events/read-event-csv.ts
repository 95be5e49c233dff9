import type { Readable } from 'node:stream';
import { EVENT_TYPE } from '../../domain/scoring/validate-rule-set.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { IncomingEvent } from '../../store/queries/scoring/ingest-events.ts';
import { readCsvRows } from '../csv/read-csv.ts';

/**
 * Reads an events CSV (the CLI's `events import` file, or the body of POST /api/events/import) into the events
 * POST /api/events takes, with each event's line. Every problem of the file is collected and thrown together
 * (file, line, field, reason), so nothing is stored from a file with any bad row.
 */
export async function readEventCsv(
  input: Readable,
  o: { file: string; delimiter: string },
): Promise<{ items: IncomingEvent[]; lines: number[] }> {
  const file = o.file;
  const items: IncomingEvent[] = [];
  const lines: number[] = [];
  const errors: ErrorDetail[] = [];
  let header: string[] | null = null;
  const skips = { blank: 0, footer: 0 };
  for await (const row of readCsvRows(input, { file, delimiter: o.delimiter, encoding: 'utf-8' }, skips)) {
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
  return { items, lines };
}
