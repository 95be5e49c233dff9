/** Period keys a commissions page offers ('2026-11', '2026-Q4', '2026'), newest first, from today's date. */
export function recentPeriodKeys(today: string, months = 12, quarters = 4, years = 2): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const keys: string[] = [];
  for (let i = 0; i < months; i++) {
    const index = y * 12 + (m - 1) - i;
    keys.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  const quarter = y * 4 + Math.floor((m - 1) / 3);
  for (let i = 0; i < quarters; i++) {
    const index = quarter - i;
    keys.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  for (let i = 0; i < years; i++) keys.push(String(y - i));
  return keys;
}
