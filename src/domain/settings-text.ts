/** Human-friendly text forms of settings for the CLI: '09:00-18:00' hours and 'mon-fri' working days. */

/** Parses 'HH:MM-HH:MM' (24:00 allowed as an end) into minutes after midnight; null when malformed. */
export function parseHours(text: string): { start: number; end: number } | null {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || start > 1440 || end > 1440) return null;
  return { start, end };
}

/** Formats minutes after midnight as 'HH:MM'. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Parses working days written 'mon-fri', 'mon,wed,fri' or '1-5' into ISO weekdays; null when malformed. */
export function parseDays(text: string): number[] | null {
  const day = (s: string): number | null => {
    const t = s.trim().toLowerCase();
    if (/^[1-7]$/.test(t)) return Number(t);
    if (t.length < 3) return null;
    const i = DAY_NAMES.findIndex((name) => name.startsWith(t));
    return i >= 0 ? i + 1 : null;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b, ...rest] = part.split('-');
    if (rest.length > 0 || a === undefined) return null;
    const from = day(a);
    const to = b === undefined ? from : day(b);
    if (from === null || to === null) return null;
    // A range may wrap the weekend: 'sun-thu'.
    for (let d = from, n = 0; n < 7; d = (d % 7) + 1, n += 1) {
      out.add(d);
      if (d === to) break;
    }
  }
  return [...out].sort((x, y) => x - y);
}

/** Formats ISO weekdays as day names, e.g. 'mon,tue,wed,thu,fri'. */
export function formatDays(days: readonly number[]): string {
  return days.map((d) => DAY_NAMES[d - 1]?.slice(0, 3) ?? String(d)).join(',');
}
