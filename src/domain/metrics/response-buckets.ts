/**
 * Speed-to-lead buckets of a lead's first response, in business minutes on the workspace calendar
 * (leads.response_business_minutes): the brief's "within 5 minutes vs 30 minutes" and the Drift study's bands.
 * `same_day` is 60 business minutes up to one working day (settings work_end_minute - work_start_minute), `later`
 * anything slower, `never` a lead with no response yet.
 */
export const RESPONSE_BUCKETS = ['under_5m', '5_30m', '30_60m', 'same_day', 'later', 'never'] as const;
export type ResponseBucket = (typeof RESPONSE_BUCKETS)[number];

export const RESPONSE_BUCKET_LABELS: Record<ResponseBucket, string> = {
  under_5m: 'under 5 min',
  '5_30m': '5-30 min',
  '30_60m': '30-60 min',
  same_day: 'same day',
  later: 'later',
  never: 'never',
};
