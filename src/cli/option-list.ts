/** A comma-separated option value as its trimmed, non-empty items (`--team 1, 2` -> ['1', '2']). */
export function optionList(s: string | undefined): string[] {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}
