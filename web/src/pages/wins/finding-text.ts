import type { WinAnalysisReport, WinFinding } from '../../api/types/wins.ts';
import type { Formatters } from '../../format/formatters.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { t } from '../../i18n/t.ts';

type Skipped = Omit<WinAnalysisReport['skipped'][number], 'sentence'>;

/**
 * Win analysis findings in the reader's language (issue 19): the API's English `sentence` stays for the CLI; the
 * page words each finding from its data (feature, medians, ratio, effect size) with t() and the formatters.
 * A feature this page does not know (a newer server) keeps the API's English label.
 */
export function featureLabel(
  f: Pick<WinFinding, 'feature' | 'label' | 'stageName'>,
  currency: string,
): string {
  if (f.feature.startsWith('stage_days:')) {
    return f.stageName === null ? f.label : t('wins.feature.stage_days', { stage: f.stageName });
  }
  if (f.feature === 'deal_size') return t('wins.feature.deal_size', { currency });
  const key = `wins.feature.${f.feature}` as MessageKey;
  const text = t(key);
  return text === key ? f.label : text;
}

/** A median as the feature counts it: money for deal size (minor units), else a number to one decimal. */
function value(f: WinFinding, v: number, fmt: Formatters): string {
  return f.feature === 'deal_size' ? fmt.moneyWhole(v) : fmt.number(v, 1);
}

export function findingText(f: WinFinding, fmt: Formatters, currency: string): string {
  const ratio =
    f.ratio === null
      ? t('wins.ratioLostZero')
      : t('wins.ratio', { ratio: fmt.number(f.ratio, f.ratio >= 10 ? 0 : f.ratio < 1 ? 2 : 1) });
  return t('wins.finding', {
    feature: featureLabel(f, currency),
    won: value(f, f.won.median, fmt),
    lost: value(f, f.lost.median, fmt),
    ratio,
    size: t(`wins.size.${f.size}`),
    wonN: fmt.number(f.won.n, 0),
    lostN: fmt.number(f.lost.n, 0),
  });
}

export function skippedText(s: Skipped, fmt: Formatters, currency: string, min: number): string {
  return t('wins.skippedLine', {
    feature: featureLabel({ feature: s.feature, label: s.label, stageName: s.stageName }, currency),
    wonN: fmt.number(s.wonN, 0),
    lostN: fmt.number(s.lostN, 0),
    min: fmt.number(min, 0),
  });
}
