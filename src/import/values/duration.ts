/** Units a plain-number duration column may be written in. */
export type DurationUnit = 'seconds' | 'minutes' | 'milliseconds';

/** The longest duration kept (the store's integer column): about 68 years, so only nonsense is refused. */
const MAX_SECONDS = 2_147_483_647;

/** Parses 'HH:MM', 'HH:MM:SS' or a plain number in `unit` to whole seconds; returns a reason when it cannot. */
export function parseDurationSeconds(text: string, unit: DurationUnit): number | string {
  const seconds = toSeconds(text, unit);
  if (typeof seconds === 'number' && seconds > MAX_SECONDS) return `duration '${text.trim()}' is too long`;
  return seconds;
}

function toSeconds(text: string, unit: DurationUnit): number | string {
  const value = text.trim();
  const clock = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) {
    const [, h, m, s] = clock;
    if (Number(m) > 59 || Number(s ?? 0) > 59) return `duration '${value}' is not a valid time span`;
    return Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0);
  }
  if (!/^\d+(\.\d+)?$/.test(value)) return `duration '${value}' is not a number or HH:MM`;
  const n = Number(value);
  switch (unit) {
    case 'seconds':
      return Math.round(n);
    case 'minutes':
      return Math.round(n * 60);
    case 'milliseconds':
      return Math.round(n / 1000);
  }
}
