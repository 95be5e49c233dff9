import type { MetricDefinition } from '../definition.ts';

/** The time categories that are not selling (src/domain/capture/captured-activity.ts TIME_CATEGORIES). */
const NON_SELLING = ['prospecting', 'admin', 'crm_updates', 'internal_meetings', 'training', 'travel'];

/** Non-selling time share: of the categorised logged time, the share that was not selling (the brief's 64%). */
export const nonSellingTimeShare = {
  id: 'non_selling_time_share',
  label: 'Non-selling time share',
  description: 'Share of categorised logged time spent on work other than selling.',
  unit: 'ratio',
  kind: 'ratio',
  formula: 'minutes in non-selling categories / minutes with a time category',
  counts:
    'Numerator: logged durations whose effective time category is prospecting, admin, crm_updates, internal_meetings, training or travel. Denominator: logged durations with any effective category (those plus selling; the effective category is the one logged, else selling for calls and held meetings). Emails, LinkedIn touches and other activities logged without a category are in neither. The brief quotes reps spending about 64% of their time on non-selling work: this is that share for the time this team logged; logged_time_share says how much of the working day that is.',
  parts: {
    numerator: {
      source: 'activities',
      aggregate: {
        fn: 'sum',
        column: 'duration_minutes',
        where: [{ column: 'time_category', op: 'in', values: NON_SELLING }],
      },
    },
    denominator: {
      source: 'activities',
      aggregate: {
        fn: 'sum',
        column: 'duration_minutes',
        where: [{ column: 'time_category', op: 'not_null' }],
      },
    },
  },
  additive: false,
  indicator: 'leading',
  focus: 'efficiency',
  direction: 'lower',
} satisfies MetricDefinition;
