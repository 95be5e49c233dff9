import { REPEAT_TOUCH_NTH } from '../../integrity/thresholds.ts';
import type { MetricDefinition } from '../definition.ts';

/** Repeat touch share: an integrity signal (issue 18), the same person touched many times a day. */
export const repeatTouchShare = {
  id: 'repeat_touch_share',
  label: 'Repeat touch share',
  description: `Share of touches that were at least the ${REPEAT_TOUCH_NTH}rd to the same person by the same rep that day (an integrity signal).`,
  unit: 'ratio',
  kind: 'ratio',
  formula: `touches that are the ${REPEAT_TOUCH_NTH}rd or later of the same person, rep and local day / touches`,
  counts: `Touches are outbound activities or meetings naming a contact or lead (as follow_ups counts them). Numerator: touches preceded by at least ${REPEAT_TOUCH_NTH - 1} touches of the same person by the same rep on the same local day in the workspace time zone (ordered by occurred_at, ties by id); the person is the contact, else the lead. Denominator: all touches. A call and a follow-up e-mail are normal; a ${REPEAT_TOUCH_NTH}rd touch the same day rarely is, so a high share suggests one person logged again and again (docs/capture.md, "Integrity (data quality)"). Each touch's flag is kept when activities are written (activities.repeat_touch), so the count rollups answer it.`,
  parts: {
    numerator: {
      source: 'activities',
      aggregate: { fn: 'count', where: [{ column: 'integrity_repeat_touch', op: 'is_true' }] },
    },
    denominator: {
      source: 'activities',
      aggregate: { fn: 'count', where: [{ column: 'integrity_touch', op: 'is_true' }] },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
