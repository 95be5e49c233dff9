import type { ErrorDetail } from '../../errors.ts';
import type { RuleSetDraft } from './rules.ts';

const ID = /^[a-z][a-z0-9_]{0,62}$/;
export const EVENT_TYPE = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * Every problem with a rule set, collected so the user fixes them in one pass (fields named as
 * `rules[2].cap`): ids unique and lower_snake_case, points whole numbers, caps, windows and half-lives positive,
 * size bounds in order, lists not empty, MQL threshold not above the SQL threshold.
 */
export function validateRuleSet(draft: RuleSetDraft): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const int = (field: string, v: number, positive: boolean) => {
    if (!Number.isInteger(v) || (positive && v <= 0))
      errors.push({
        field,
        value: String(v),
        reason: positive ? 'must be a whole number > 0' : 'must be a whole number',
      });
  };
  draft.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    if (!ID.test(rule.id))
      errors.push({
        field: `${at}.id`,
        value: rule.id,
        reason: 'use lower_snake_case, starting with a letter',
      });
    else if (seen.has(rule.id))
      errors.push({ field: `${at}.id`, value: rule.id, reason: 'another rule has this id' });
    seen.add(rule.id);
    if (rule.label.trim() === '')
      errors.push({ field: `${at}.label`, reason: 'must not be empty', rule: 'required' });
    int(`${at}.points`, rule.points, false);
    if (rule.type === 'engagement') {
      if (!EVENT_TYPE.test(rule.eventType))
        errors.push({
          field: `${at}.eventType`,
          value: rule.eventType,
          reason: 'use lower_snake_case, e.g. page_view',
        });
      if (rule.cap !== null) int(`${at}.cap`, rule.cap, true);
      if (rule.windowDays !== null) int(`${at}.windowDays`, rule.windowDays, true);
      if (rule.halfLifeDays !== null && !(rule.halfLifeDays > 0))
        errors.push({ field: `${at}.halfLifeDays`, value: String(rule.halfLifeDays), reason: 'must be > 0' });
      if (rule.urlPattern !== null && rule.urlPattern.trim() === '')
        errors.push({ field: `${at}.urlPattern`, reason: 'leave it null to match any URL' });
    } else {
      const c = rule.condition;
      if (c.kind === 'in_list' && c.values.length === 0)
        errors.push({ field: `${at}.condition.values`, reason: 'list at least one value' });
      if (c.kind === 'email_domain' && c.domains.length === 0)
        errors.push({ field: `${at}.condition.domains`, reason: 'list at least one domain' });
      if (c.kind === 'company_size') {
        if (c.min === null && c.max === null)
          errors.push({ field: `${at}.condition`, reason: 'give min, max or both' });
        if (c.min !== null) int(`${at}.condition.min`, c.min, false);
        if (c.max !== null) int(`${at}.condition.max`, c.max, false);
        if (c.min !== null && c.max !== null && c.min > c.max)
          errors.push({
            field: `${at}.condition.max`,
            value: String(c.max),
            reason: `is below min (${c.min})`,
          });
      }
    }
  });
  int('mqlThreshold', draft.mqlThreshold, false);
  int('sqlThreshold', draft.sqlThreshold, false);
  if (draft.mqlThreshold > draft.sqlThreshold)
    errors.push({
      field: 'mqlThreshold',
      value: String(draft.mqlThreshold),
      reason: `is above the SQL threshold (${draft.sqlThreshold})`,
    });
  return errors;
}
