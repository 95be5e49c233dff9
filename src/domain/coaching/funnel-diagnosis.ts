import type { StageStep } from '../funnel/funnel.ts';

/*
 * Funnel diagnosis (docs/coaching.md, "Funnel diagnosis"): a rep's stage-to-stage conversion and days in stage beside
 * their peers', the stage where they lose most compared with the peers, follow-up gaps and lead response time, as
 * data and as plain English sentences.
 */

/** Stage entries the rep needs in a stage before its conversion can be called their biggest gap. */
export const MIN_ENTRIES_FOR_GAP = 3;
/** A conversion gap smaller than this (5 percentage points) is noise, not the rep's biggest gap. */
export const MIN_GAP = 0.05;

/** One side (rep or peers) of one stage. */
export interface StageSide {
  entered: number;
  advanced: number;
  /** advanced / entered, null when nothing entered. */
  rate: number | null;
  medianDays: number | null;
  avgDays: number | null;
}

/** One stage of the pipeline, rep against peers. */
export interface StageComparison {
  stageId: number;
  /** The stage ("Demo") and the next one down the pipeline ("Trial"). */
  from: string;
  to: string;
  rep: StageSide;
  team: StageSide;
  /** team.rate - rep.rate (positive: the rep converts less), null when either is unknown. */
  gap: number | null;
  /** rep.medianDays - team.medianDays (positive: the rep is slower), null when either is unknown. */
  daysGap: number | null;
}

/** The stage where the rep loses most compared with the peers. */
export interface BiggestGap {
  stageId: number;
  from: string;
  to: string;
  repRate: number;
  teamRate: number;
  gap: number;
}

/** A count of the rep's and the peers' lost deals and how many of them were follow-up gaps. */
export interface FollowUpGaps {
  threshold: number;
  rep: { lost: number; fewFollowUps: number; share: number | null };
  team: { lost: number; fewFollowUps: number; share: number | null };
}

/** Median business minutes to the first response to a lead. */
export interface ResponseTime {
  repMinutes: number | null;
  teamMinutes: number | null;
}

/** Structured sentences: the web renders each with t(`coaching.sentence.${kind}`, values). */
export type DiagnosisSentence =
  | { kind: 'biggest_gap'; values: { from: string; to: string; rep: number; team: number }; text: string }
  | { kind: 'no_gap'; values: { points: number }; text: string }
  | {
      kind: 'follow_up_gaps';
      values: { count: number; lost: number; threshold: number; teamShare: number | null };
      text: string;
    }
  | { kind: 'response_time'; values: { rep: number; team: number | null }; text: string };

export interface FunnelDiagnosis {
  stages: StageComparison[];
  biggestGap: BiggestGap | null;
  followUps: FollowUpGaps;
  responseTime: ResponseTime;
  sentences: DiagnosisSentence[];
}

function side(s: StageStep | undefined): StageSide {
  return {
    entered: s?.entered ?? 0,
    advanced: s?.advanced ?? 0,
    rate: s && s.entered > 0 ? s.advanced / s.entered : null,
    medianDays: s?.medianDays ?? null,
    avgDays: s?.avgDays ?? null,
  };
}

/**
 * Rep against peers per stage, in pipeline order. Won stages are the end of the funnel, not a step of it: each
 * open stage is compared on its conversion to "any later stage", named after the next stage by position.
 */
export function compareStages(
  rep: readonly StageStep[],
  team: readonly StageStep[],
  wonStageIds: ReadonlySet<number>,
): StageComparison[] {
  const ordered = [...team].sort((a, b) => a.position - b.position || a.stageId - b.stageId);
  const out: StageComparison[] = [];
  ordered.forEach((t, i) => {
    if (wonStageIds.has(t.stageId)) return;
    const next = ordered[i + 1];
    const r = side(rep.find((x) => x.stageId === t.stageId));
    const p = side(t);
    out.push({
      stageId: t.stageId,
      from: t.name,
      to: next?.name ?? 'Won',
      rep: r,
      team: p,
      gap: r.rate === null || p.rate === null ? null : p.rate - r.rate,
      daysGap: r.medianDays === null || p.medianDays === null ? null : r.medianDays - p.medianDays,
    });
  });
  return out;
}

/**
 * The stage with the largest gap of at least MIN_GAP among stages the rep entered at least MIN_ENTRIES_FOR_GAP
 * times; on a tie (equal gaps to 1e-9) the earlier stage, since a loss there removes deals from every later stage.
 * Null when the rep converts within MIN_GAP of the peers, or better, everywhere they have enough entries.
 */
export function biggestGap(stages: readonly StageComparison[]): BiggestGap | null {
  let best: StageComparison | null = null;
  for (const s of stages) {
    if (s.gap === null || s.gap < MIN_GAP - 1e-9 || s.rep.entered < MIN_ENTRIES_FOR_GAP) continue;
    if (best === null || s.gap > (best.gap ?? 0) + 1e-9) best = s;
  }
  if (best === null || best.rep.rate === null || best.team.rate === null || best.gap === null) return null;
  return {
    stageId: best.stageId,
    from: best.from,
    to: best.to,
    repRate: best.rep.rate,
    teamRate: best.team.rate,
    gap: best.gap,
  };
}

const pct = (x: number) => Math.round(x * 100);

/** The plain-words sentences of a diagnosis (English text beside the values the web formats itself). */
export function diagnosisSentences(
  gap: BiggestGap | null,
  followUps: FollowUpGaps,
  response: ResponseTime,
): DiagnosisSentence[] {
  const out: DiagnosisSentence[] = [];
  if (gap) {
    const values = { from: gap.from, to: gap.to, rep: pct(gap.repRate), team: pct(gap.teamRate) };
    out.push({
      kind: 'biggest_gap',
      values,
      text: `${values.from} -> ${values.to} ${values.rep}% vs team ${values.team}%: biggest gap`,
    });
  } else {
    out.push({
      kind: 'no_gap',
      values: { points: pct(MIN_GAP) },
      text: `No stage converts ${pct(MIN_GAP)} points or more below the team`,
    });
  }
  if (followUps.rep.lost > 0) {
    const teamShare = followUps.team.share === null ? null : pct(followUps.team.share);
    out.push({
      kind: 'follow_up_gaps',
      values: {
        count: followUps.rep.fewFollowUps,
        lost: followUps.rep.lost,
        threshold: followUps.threshold,
        teamShare,
      },
      text:
        `${followUps.rep.fewFollowUps} of ${followUps.rep.lost} lost deals had fewer than ${followUps.threshold} ` +
        `follow-ups after the meeting` +
        (teamShare === null ? '' : ` (team: ${teamShare}% of lost deals)`),
    });
  }
  if (response.repMinutes !== null) {
    const rep = Math.round(response.repMinutes);
    const team = response.teamMinutes === null ? null : Math.round(response.teamMinutes);
    out.push({
      kind: 'response_time',
      values: { rep, team },
      text: `Median lead response ${rep} business minutes` + (team === null ? '' : ` vs team ${team}`),
    });
  }
  return out;
}

/** Builds the follow-up figures from the two metric counts of each side and the follow-up target (settings). */
export function followUpGaps(
  rep: { lost: number; fewFollowUps: number },
  team: { lost: number; fewFollowUps: number },
  threshold: number,
): FollowUpGaps {
  const share = (x: { lost: number; fewFollowUps: number }) => (x.lost > 0 ? x.fewFollowUps / x.lost : null);
  return {
    threshold,
    rep: { ...rep, share: share(rep) },
    team: { ...team, share: share(team) },
  };
}

/** The whole diagnosis from the rep's and the peers' stage funnels and metric values. */
export function diagnoseFunnel(input: {
  rep: readonly StageStep[];
  team: readonly StageStep[];
  wonStageIds: ReadonlySet<number>;
  followUps: FollowUpGaps;
  responseTime: ResponseTime;
}): FunnelDiagnosis {
  const stages = compareStages(input.rep, input.team, input.wonStageIds);
  const gap = biggestGap(stages);
  return {
    stages,
    biggestGap: gap,
    followUps: input.followUps,
    responseTime: input.responseTime,
    sentences: diagnosisSentences(gap, input.followUps, input.responseTime),
  };
}
