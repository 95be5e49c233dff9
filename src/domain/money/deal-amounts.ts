/**
 * A deal in a list (pipeline at a date, cadence gaps, pipeline changes, the meeting pack, opportunity lists):
 * its own amount and currency, and the same amount in the workspace currency by the rate of the date that applies
 * (docs/localization.md, "Which rate applies where"), converted by the store's one SQL conversion. Null when no
 * rate is in effect on that date: the deal stays listed, is left out of totals and sorts after every converted one
 * (the store sorts with `nulls last`).
 */
export interface ListedAmount {
  amountMinor: number;
  currency: string;
  workspaceAmountMinor: number | null;
}

/** The currencies of listed deals that have no rate (sorted, each once): what the list's warning names. */
export function currenciesLeftOut(
  deals: Iterable<Pick<ListedAmount, 'workspaceAmountMinor' | 'currency'>>,
): string[] {
  const out = new Set<string>();
  for (const d of deals) if (d.workspaceAmountMinor === null) out.add(d.currency);
  return [...out].sort();
}
