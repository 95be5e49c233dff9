import { useMemo } from 'react';
import { makeFormatters, type Formatters } from '../../format/formatters.ts';
import { useWorkspace } from '../../format/workspace.tsx';

/**
 * The workspace formatters in another currency: a statement is in its plan's currency, which need not be the
 * workspace's. Same locale and zone, so amounts read like the rest of the app.
 */
export function useFormattersIn(currency: string | undefined): Formatters {
  const { fmt, settings } = useWorkspace();
  return useMemo(
    () =>
      !currency || currency === fmt.currency
        ? fmt
        : makeFormatters(fmt.locale, currency, settings?.timeZone ?? 'UTC'),
    [fmt, currency, settings?.timeZone],
  );
}

/** A rate in basis points as a percentage (1000 -> 10%). */
export function rateText(fmt: Formatters, rateBp: number | null): string {
  return rateBp === null ? '–' : fmt.percent(rateBp / 10_000);
}

/** An attainment in percent of target (100 = on target) as a percentage. */
export function pctText(fmt: Formatters, pct: number | null | undefined): string {
  return pct === null || pct === undefined ? '–' : fmt.percent(pct / 100);
}
