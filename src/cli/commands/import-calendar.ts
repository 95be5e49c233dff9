import { readFileSync } from 'node:fs';
import { AppError } from '../../errors.ts';
import type { Db } from '../../store/db.ts';

export interface CalendarOptions {
  file?: string;
  url?: string;
  user?: string;
  from?: string;
  to?: string;
}

const DAY = 86_400_000;

/**
 * `pacesetter import calendar --file F|--url U --user EMAIL [--from D --to D]`: a rep's ICS calendar as meetings
 * (docs/capture.md, "Calendar"). Recurring events are expanded between --from and --to (default: 90 days back to
 * 30 days ahead).
 */
export async function importCalendarCommand(db: Db, opts: CalendarOptions, now = new Date()): Promise<void> {
  if ((opts.file === undefined) === (opts.url === undefined))
    throw new AppError('validation', 'Give the calendar as --file or --url', [
      { field: 'file', reason: 'exactly one of --file and --url' },
    ]);
  if (!opts.user)
    throw new AppError('validation', 'Name the rep whose calendar it is with --user', [
      { field: 'user', reason: 'required' },
    ]);
  const day = (v: string | undefined, field: string, fallback: Date) => {
    if (v === undefined) return fallback;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isNaN(d.getTime()))
      throw new AppError('validation', `--${field} is not a date`, [
        { field, value: v, reason: 'expected YYYY-MM-DD' },
      ]);
    return d;
  };
  const window = {
    from: day(opts.from, 'from', new Date(now.getTime() - 90 * DAY)),
    to: day(opts.to, 'to', new Date(now.getTime() + 30 * DAY)),
  };
  const source = opts.file ?? (opts.url as string);
  let text: string;
  if (opts.file !== undefined) text = readFileSync(opts.file, 'utf8');
  else {
    const res = await fetch(opts.url as string, { signal: AbortSignal.timeout(30_000) });
    if (!res.ok)
      throw new AppError('validation', `${source} answered ${res.status}`, [
        { field: 'url', value: source, reason: `HTTP ${res.status}` },
      ]);
    text = await res.text();
  }
  const { readIcsOccurrences } = await import('../../capture/calendar/read-ics.ts');
  const { importCalendar } = await import('../../store/queries/capture/import-calendar.ts');
  const occurrences = readIcsOccurrences(text, window, source);
  const s = await importCalendar(db, { userEmail: opts.user, occurrences, now });
  console.log(
    `${source}: ${s.occurrences} occurrences between ${window.from.toISOString().slice(0, 10)} and ${window.to.toISOString().slice(0, 10)}; ` +
      `created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}, removed ${s.removed}; ` +
      `${s.internal} internal (logged as internal meeting time, not meetings), ${s.skippedCancelled} cancelled skipped`,
  );
}
