import type { Condition } from '../definition.ts';

/**
 * Work that was done, not planned: an activity whose outcome is `scheduled` (a next step from the quick log, a
 * planned call from an import) has not happened, so it is no call, email, touch or follow-up, even once its date
 * has passed; logging the real call adds it then. Activities without an outcome are done work.
 */
export const NOT_SCHEDULED: Condition = { column: 'outcome', op: 'not_in', values: ['scheduled'] };
