import { canSeeOwner, type Viewer } from '../access/viewer.ts';

/**
 * Fewest peers for which a viewer who may not see all of them still gets the peers' median, top quartile and
 * percentiles: with two peers the median gives the other rep's value away (2 x median - own), with a handful the
 * quartiles and ranks come close to it.
 */
export const MIN_HIDDEN_PEERS = 5;

/** True when peer aggregates may be shown: the viewer sees every peer, or there are enough of them. */
export function peerFiguresShown(viewer: Viewer, peerIds: readonly number[]): boolean {
  if (peerIds.every((id) => canSeeOwner(viewer, id))) return true;
  return peerIds.length >= MIN_HIDDEN_PEERS;
}
