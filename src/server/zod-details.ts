import { ErrorRules, type ErrorDetail, type ErrorRule } from '../errors.ts';

/** A schema validation error as fastify-type-provider-zod hands it over: the zod issue code and its fields. */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const isRule = (x: unknown): x is ErrorRule =>
  typeof x === 'string' && (ErrorRules as readonly string[]).includes(x);
const num = (x: unknown): number | undefined =>
  typeof x === 'number' || typeof x === 'bigint' ? Number(x) : undefined;

/**
 * The detail for one failed schema check: the field path (`body.email`, `querystring.period`), zod's English
 * message as the reason, and the rule the issue code names so a client can translate it (docs/security.md#error-responses).
 * Zod's own messages are English and stay the `reason`; the rule and its limit are what carry the meaning.
 */
export function zodIssueDetail(context: string | undefined, issue: ValidationIssue): ErrorDetail {
  const field = [context, ...issue.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
  // An unknown key is named in the value: the path is its parent object's.
  const keys =
    issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys) ? issue.params.keys : null;
  return {
    field,
    ...(keys ? { value: keys.map(String).join(', ') } : {}),
    reason: issue.message ?? 'invalid',
    ...ruleOfIssue(issue),
  };
}

/** The rule (and its limit or allowed values) of a zod issue; nothing for issues without a common meaning. */
export function ruleOfIssue(issue: ValidationIssue): Pick<ErrorDetail, 'rule' | 'limit' | 'allowed'> {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      // Zod reports a missing value as a wrong type whose input was undefined; the message is the only trace.
      if (/received undefined$/.test(issue.message ?? '')) return { rule: 'required' };
      if (p.expected === 'int') return { rule: 'not_whole_number' };
      if (p.expected === 'number') return { rule: 'not_a_number' };
      return typeof p.expected === 'string' ? { rule: 'invalid_type', allowed: [p.expected] } : {};
    case 'too_big':
    case 'too_small': {
      const big = issue.keyword === 'too_big';
      const limit = num(big ? p.maximum : p.minimum);
      if (limit === undefined) return {};
      if (p.origin === 'string') {
        // min(1) on text is how schemas say "not empty".
        if (!big && limit === 1) return { rule: 'required' };
        return { rule: big ? 'too_long' : 'too_short', limit };
      }
      if (p.origin === 'array' || p.origin === 'set') return { rule: big ? 'too_many' : 'too_few', limit };
      if (p.origin === 'date') {
        return { rule: big ? 'too_large' : 'too_small', limit: new Date(limit).toISOString() };
      }
      return { rule: big ? 'too_large' : 'too_small', limit };
    }
    case 'invalid_format':
      if (p.format === 'date' || p.format === 'datetime' || p.format === 'time')
        return { rule: 'invalid_date' };
      if (p.format === 'email') return { rule: 'invalid_email' };
      return { rule: 'invalid_format' };
    case 'invalid_value':
      return Array.isArray(p.values) ? { rule: 'one_of', allowed: p.values.map(String) } : {};
    case 'unrecognized_keys':
      return { rule: 'unknown_field' };
    case 'custom': {
      // A refinement names its rule in `params` (input-schemas.ts): `{ rule, limit?, allowed? }`.
      const own = (p.params ?? {}) as Record<string, unknown>;
      if (!isRule(own.rule)) return {};
      const limit = typeof own.limit === 'string' ? own.limit : num(own.limit);
      return {
        rule: own.rule,
        ...(limit === undefined ? {} : { limit }),
        ...(Array.isArray(own.allowed) ? { allowed: own.allowed.map(String) } : {}),
      };
    }
    default:
      return {};
  }
}
