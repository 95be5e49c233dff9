import {
  emailDomainOf,
  scoreLead,
  type LeadFacts,
  type LeadScore,
} from '../../../domain/scoring/evaluate.ts';
import type { RuleSet } from '../../../domain/scoring/rules.ts';
import type { DbOrTx } from '../../derived/people.ts';

/** A lead's fit facts (its own attribute, else its account's) and its events, as the domain evaluation takes them. */
export async function loadLeadFacts(
  db: DbOrTx,
  leadId: number,
): Promise<{ facts: LeadFacts; events: { type: string; url: string | null; occurredAt: Date }[] } | null> {
  const lead = await db
    .selectFrom('leads as l')
    .leftJoin('accounts as a', 'a.id', 'l.account_id')
    .select([
      'l.email',
      'l.persona',
      'l.source',
      'l.data_quality',
      'l.industry',
      'l.company_size',
      'l.country',
      'l.region',
      'a.industry as a_industry',
      'a.company_size as a_company_size',
      'a.country as a_country',
      'a.region as a_region',
    ])
    .where('l.id', '=', leadId)
    .executeTakeFirst();
  if (!lead) return null;
  const events = await db
    .selectFrom('lead_events')
    .select(['type', 'url', 'occurred_at'])
    .where('lead_id', '=', leadId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return {
    facts: {
      industry: lead.industry ?? lead.a_industry,
      companySize: lead.company_size ?? lead.a_company_size,
      country: lead.country ?? lead.a_country,
      region: lead.region ?? lead.a_region,
      persona: lead.persona,
      source: lead.source,
      emailDomain: emailDomainOf(lead.email),
      dataQuality: lead.data_quality,
    },
    events: events.map((e) => ({ type: e.type, url: e.url, occurredAt: new Date(e.occurred_at) })),
  };
}

/**
 * One lead scored in JS by the domain evaluation (for a single lead's explanation and for checking the SQL):
 * equal to what scoreLeads stores for it at the same instant and rule set.
 */
export async function explainLead(
  db: DbOrTx,
  leadId: number,
  rs: RuleSet,
  asOf: Date,
): Promise<LeadScore | null> {
  const loaded = await loadLeadFacts(db, leadId);
  return loaded === null ? null : scoreLead(loaded.facts, loaded.events, rs, asOf);
}
