import type { Quadrant } from '../../api/types/coaching.ts';
import { t } from '../../i18n/t.ts';

/** The group's display name; a rep without one has too little history. */
export function quadrantLabel(q: Quadrant | null): string {
  return q === null ? t('coaching.noGroup') : t(`coaching.${q}`);
}

/** One colour per group, shared by the scatter and its legend. */
export const QUADRANT_COLORS: Record<Quadrant, string> = {
  rising_star: '#2e7d32',
  falling_star: '#ef6c00',
  improving_laggard: '#1565c0',
  declining_laggard: '#c62828',
};
