import type { DealFeatures } from './features.ts';
import { cliffsDelta, effectSize, mean, median, type EffectSize } from './stats.ts';

/** A feature is compared only when both won and lost deals have at least this many values. */
export const MIN_DEALS_PER_SIDE = 5;
/** A lead source is reported only with at least this many closed deals. */
export const MIN_DEALS_PER_SOURCE = 5;

export type NumericFeatureId =
  | 'touches'
  | 'follow_ups'
  | 'meetings_held'
  | 'response_minutes'
  | 'cadence_days'
  | 'deal_size'
  | `stage_days:${number}`;

export interface SideSummary {
  n: number;
  median: number;
  mean: number;
}

/** A numeric feature compared between won and lost deals. */
export interface NumericFinding {
  feature: NumericFeatureId;
  label: string;
  /** The stage's name of a stage_days feature, else null: with the numbers below, the finding as data. */
  stageName: string | null;
  won: SideSummary;
  lost: SideSummary;
  /** Won median minus lost median. */
  difference: number;
  /** Won median over lost median; null when the lost median is 0. */
  ratio: number | null;
  /** Cliff's delta of won over lost: positive when won deals tend to have more. */
  effect: number;
  size: EffectSize;
  sentence: string;
}

/** A feature left out for too few deals. */
export interface SkippedFeature {
  feature: NumericFeatureId;
  label: string;
  stageName: string | null;
  wonN: number;
  lostN: number;
  sentence: string;
}

export interface SourceFinding {
  /** null: deals without a lead source (outbound prospecting, customers). */
  source: string | null;
  deals: number;
  won: number;
  winRate: number;
  /** The win rate minus the overall win rate, in percentage points. */
  differencePoints: number;
  sentence: string;
}

export interface WinAnalysis {
  deals: { won: number; lost: number; winRate: number | null };
  minDealsPerSide: number;
  /** Ranked by |effect|, largest first. */
  findings: NumericFinding[];
  skipped: SkippedFeature[];
  /** Sources with enough deals, ranked by |difference|; smaller ones summed in `otherSources`. */
  sources: SourceFinding[];
  otherSources: { sources: number; deals: number };
}

interface FeatureSpec {
  id: NumericFeatureId;
  label: string;
  stageName?: string;
  get: (d: DealFeatures) => number | null;
  /** "Won deals had a median of <phrase(won)>, lost deals <value(lost)>". */
  phrase: (v: number) => string;
  /** The bare value; default: one decimal at most. */
  value?: (v: number) => string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const fmt = (x: number) => (Number.isInteger(round1(x)) ? String(round1(x)) : round1(x).toFixed(1));
const money = (currency: string) => (minor: number) =>
  `${currency} ${Math.round(minor / 100).toLocaleString('en-US')}`;

function specs(currency: string, stages: ReadonlyMap<number, string>, deals: readonly DealFeatures[]) {
  const list: FeatureSpec[] = [
    { id: 'touches', label: 'Touches', get: (d) => d.touches, phrase: (v) => `${fmt(v)} touches` },
    {
      id: 'follow_ups',
      label: 'Follow-ups after the first held meeting',
      get: (d) => d.followUps,
      phrase: (v) => `${fmt(v)} follow-ups after the first held meeting`,
    },
    {
      id: 'meetings_held',
      label: 'Held meetings',
      get: (d) => d.meetingsHeld,
      phrase: (v) => `${fmt(v)} held meetings`,
    },
    {
      id: 'response_minutes',
      label: 'Lead response time (business minutes)',
      get: (d) => d.responseMinutes,
      phrase: (v) => `${fmt(v)} business minutes to the first response to the lead`,
    },
    {
      id: 'cadence_days',
      label: 'Days between touches (cadence)',
      get: (d) => d.medianGapDays,
      phrase: (v) => `${fmt(v)} days between touches`,
    },
    {
      id: 'deal_size',
      label: `Deal size (${currency} only)`,
      get: (d) => d.amountMinor,
      phrase: (v) => `${money(currency)(v)} in deal size`,
      value: money(currency),
    },
  ];
  const stageIds = [...new Set(deals.flatMap((d) => d.stageDays.map((s) => s.stageId)))];
  for (const id of stageIds.sort((a, b) => a - b)) {
    const name = stages.get(id) ?? `stage ${id}`;
    list.push({
      id: `stage_days:${id}`,
      label: `Days in ${name}`,
      stageName: name,
      get: (d) => d.stageDays.find((s) => s.stageId === id)?.days ?? null,
      phrase: (v) => `${fmt(v)} days in ${name}`,
    });
  }
  return list;
}

function sideSummary(xs: number[]): SideSummary {
  return { n: xs.length, median: median(xs), mean: mean(xs) };
}

function compare(spec: FeatureSpec, won: number[], lost: number[]): NumericFinding {
  const w = sideSummary(won);
  const l = sideSummary(lost);
  const ratio = l.median === 0 ? null : w.median / l.median;
  const effect = cliffsDelta(won, lost);
  const size = effectSize(effect);
  const ratioText =
    ratio === null ? 'lost median 0' : `${ratio.toFixed(ratio >= 10 ? 0 : ratio < 1 ? 2 : 1)}x`;
  return {
    feature: spec.id,
    label: spec.label,
    stageName: spec.stageName ?? null,
    won: w,
    lost: l,
    difference: w.median - l.median,
    ratio,
    effect,
    size,
    sentence:
      `Won deals had a median of ${spec.phrase(w.median)}, lost deals ${(spec.value ?? fmt)(l.median)} ` +
      `(${ratioText}; ${size} difference, ${w.n} won and ${l.n} lost deals).`,
  };
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

function sourceFindings(deals: readonly DealFeatures[], overall: number) {
  const by = new Map<string | null, { deals: number; won: number }>();
  for (const d of deals) {
    const s = by.get(d.leadSource) ?? { deals: 0, won: 0 };
    s.deals += 1;
    if (d.won) s.won += 1;
    by.set(d.leadSource, s);
  }
  const sources: SourceFinding[] = [];
  const other = { sources: 0, deals: 0 };
  for (const [source, s] of by) {
    if (s.deals < MIN_DEALS_PER_SOURCE) {
      other.sources += 1;
      other.deals += s.deals;
      continue;
    }
    const winRate = s.won / s.deals;
    const points = (winRate - overall) * 100;
    const name =
      source === null ? 'Deals without a lead source' : `Deals from ${source.replaceAll('_', ' ')}`;
    const rounded = Math.round(points);
    const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '';
    sources.push({
      source,
      deals: s.deals,
      won: s.won,
      winRate,
      differencePoints: points,
      sentence: `${name} won ${percent(winRate)} (${s.won} of ${s.deals}), against ${percent(overall)} overall (${sign}${Math.abs(rounded)} points).`,
    });
  }
  sources.sort((a, b) => Math.abs(b.differencePoints) - Math.abs(a.differencePoints) || b.deals - a.deals);
  return { sources, other };
}

/**
 * Compares won and lost deals feature by feature: medians and means, the ratio of medians and Cliff's delta as
 * the size of the difference, ranked by that size. Features with fewer than MIN_DEALS_PER_SIDE values on either
 * side are skipped and say so. Lead source is categorical: each source's win rate against the overall one.
 */
export function analyzeWins(
  deals: readonly DealFeatures[],
  opts: { currency: string; stageNames: ReadonlyMap<number, string> },
): WinAnalysis {
  const wonDeals = deals.filter((d) => d.won).length;
  const lostDeals = deals.length - wonDeals;
  const overall = deals.length === 0 ? null : wonDeals / deals.length;
  const findings: NumericFinding[] = [];
  const skipped: SkippedFeature[] = [];
  for (const spec of specs(opts.currency, opts.stageNames, deals)) {
    const won: number[] = [];
    const lost: number[] = [];
    for (const d of deals) {
      const v = spec.get(d);
      if (v !== null) (d.won ? won : lost).push(v);
    }
    if (won.length < MIN_DEALS_PER_SIDE || lost.length < MIN_DEALS_PER_SIDE) {
      skipped.push({
        feature: spec.id,
        label: spec.label,
        stageName: spec.stageName ?? null,
        wonN: won.length,
        lostN: lost.length,
        sentence: `${spec.label}: not compared, ${won.length} won and ${lost.length} lost deals have it (at least ${MIN_DEALS_PER_SIDE} of each needed).`,
      });
      continue;
    }
    findings.push(compare(spec, won, lost));
  }
  findings.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.feature.localeCompare(b.feature));
  const { sources, other } =
    overall === null ? { sources: [], other: { sources: 0, deals: 0 } } : sourceFindings(deals, overall);
  return {
    deals: { won: wonDeals, lost: lostDeals, winRate: overall },
    minDealsPerSide: MIN_DEALS_PER_SIDE,
    findings,
    skipped,
    sources,
    otherSources: other,
  };
}
