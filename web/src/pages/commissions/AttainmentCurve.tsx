import { useMemo } from 'react';
import type { CurvePoint, StatementLineRow } from '../../api/types/commissions.ts';
import { Chart } from '../../charts/Chart.tsx';
import type { Formatters } from '../../format/formatters.ts';
import { t } from '../../i18n/t.ts';
import { attainmentCurveOption } from './curve-option.ts';

/** Attainment and commission to date after each credited deal, with the plan's tier boundaries. */
export function AttainmentCurve({
  curve,
  lines,
  tierBoundaries,
  fmt,
}: {
  curve: CurvePoint[];
  lines: StatementLineRow[];
  tierBoundaries: number[];
  fmt: Formatters;
}) {
  const option = useMemo(() => {
    const dealNames = new Map(
      lines.filter((l) => l.opportunityId !== null).map((l) => [l.opportunityId, l.label]),
    );
    return attainmentCurveOption(curve, tierBoundaries, fmt, {
      attainment: t('commissions.attainment'),
      commission: t('commissions.commissionToDate'),
      tier: (pct) => t('commissions.tierLine', { pct }),
      deal: (p) => `${fmt.date(p.date)} · ${dealNames.get(p.opportunityId) ?? `#${p.opportunityId}`}`,
    });
  }, [curve, lines, tierBoundaries, fmt]);
  return (
    <div data-testid="commission-curve">
      <Chart option={option} label={t('commissions.curve')} height={300} />
    </div>
  );
}
