import { moneyIn } from '../format/money-in.ts';
import { useWorkspace } from '../format/workspace.tsx';
import { t } from '../i18n/t.ts';

/** A listed deal's amount as the API sends it: its own, and the workspace currency's (null without a rate). */
export interface ListedAmount {
  amountMinor: number;
  currency: string;
  workspaceAmountMinor: number | null;
}

/**
 * A deal's amount in a list: in the workspace currency (what lists total and sort by), with the deal's own amount
 * smaller beside it when the deal is in another currency; a deal without a rate shows its own amount and
 * "no rate" (the list's warning names the currency).
 */
export function DealAmount({ deal }: { deal: ListedAmount }) {
  const { fmt } = useWorkspace();
  if (deal.currency === fmt.currency) return <>{fmt.money(deal.amountMinor)}</>;
  const own = moneyIn(fmt, deal.amountMinor, deal.currency);
  if (deal.workspaceAmountMinor === null) {
    return (
      <>
        {own} <small className="muted">({t('rates.noRate')})</small>
      </>
    );
  }
  return (
    <>
      {fmt.money(deal.workspaceAmountMinor)} <small className="muted">({own})</small>
    </>
  );
}

/** Largest amount in the workspace currency first; deals without a rate after the converted ones. */
export function byWorkspaceAmount(a: ListedAmount, b: ListedAmount): number {
  if (a.workspaceAmountMinor === null || b.workspaceAmountMinor === null) {
    return (a.workspaceAmountMinor === null ? 1 : 0) - (b.workspaceAmountMinor === null ? 1 : 0);
  }
  return b.workspaceAmountMinor - a.workspaceAmountMinor;
}

/** The note under a deal list when some of its deals have no rate to the workspace currency on their date. */
export function MissingRateNote({ currencies, testId }: { currencies: readonly string[]; testId?: string }) {
  if (currencies.length === 0) return null;
  return (
    <p className="muted" role="note" data-testid={testId}>
      {t('rates.leftOut', { currencies: currencies.join(', ') })}
    </p>
  );
}

/** The currencies of listed deals without a rate, each once, sorted (for lists the page assembles itself). */
export function currenciesWithoutRate(deals: Iterable<ListedAmount>): string[] {
  const out = new Set<string>();
  for (const d of deals) if (d.workspaceAmountMinor === null) out.add(d.currency);
  return [...out].sort();
}
