import type { RoutingLead, RoutingRule } from './types.ts';

function listed(values: readonly string[] | null): values is readonly string[] {
  return values !== null && values.length > 0;
}

function inList(
  field: string,
  value: string | null,
  values: readonly string[] | null,
  fold: (s: string) => string,
): string | null {
  if (!listed(values)) return null;
  if (value === null) return `${field} unknown (rule wants ${values.join(', ')})`;
  return values.some((v) => fold(v) === fold(value)) ? null : `${field} ${value} not in ${values.join(', ')}`;
}

const folded = (s: string) => s.trim().toLowerCase();

/**
 * Whether the lead falls in the rule's territory: null when it does, else the first criterion that failed.
 * Countries compare as ISO codes (upper case, checked by the schema); regions and industries ignore case.
 */
export function territoryMismatch(lead: RoutingLead, rule: RoutingRule): string | null {
  const country = inList('country', lead.country, rule.countries, (s) => s.toUpperCase());
  if (country) return country;
  const region = inList('region', lead.region, rule.regions, folded);
  if (region) return region;
  const industry = inList('industry', lead.industry, rule.industries, folded);
  if (industry) return industry;
  if (rule.minCompanySize !== null || rule.maxCompanySize !== null) {
    const range = `${rule.minCompanySize ?? 0}-${rule.maxCompanySize ?? '∞'}`;
    if (lead.companySize === null) return `company size unknown (rule wants ${range})`;
    if (rule.minCompanySize !== null && lead.companySize < rule.minCompanySize)
      return `company size ${lead.companySize} below ${range}`;
    if (rule.maxCompanySize !== null && lead.companySize > rule.maxCompanySize)
      return `company size ${lead.companySize} above ${range}`;
  }
  if (rule.accountIds !== null && rule.accountIds.length > 0) {
    if (lead.accountId === null || !rule.accountIds.includes(lead.accountId))
      return lead.accountId === null
        ? 'no account (named-account rule)'
        : `account ${lead.accountId} not named`;
  }
  return null;
}

/** A short description of why the lead matched, for the assignment's reason. */
export function territoryMatch(lead: RoutingLead, rule: RoutingRule): string {
  const parts: string[] = [];
  if (listed(rule.countries)) parts.push(`country ${lead.country}`);
  if (listed(rule.regions)) parts.push(`region ${lead.region}`);
  if (listed(rule.industries)) parts.push(`industry ${lead.industry}`);
  if (rule.minCompanySize !== null || rule.maxCompanySize !== null)
    parts.push(
      `company size ${lead.companySize} in ${rule.minCompanySize ?? 0}-${rule.maxCompanySize ?? '∞'}`,
    );
  if (rule.accountIds !== null && rule.accountIds.length > 0) parts.push(`named account ${lead.accountId}`);
  return parts.length === 0 ? 'catch-all' : parts.join(', ');
}
