/** Salesforce's default Opportunity stage picklist -> our default stages (src/store/tables/pipelines.ts). */
export const SALESFORCE_STAGES: Record<string, string> = {
  Prospecting: 'Discovery',
  Qualification: 'Qualified',
  'Needs Analysis': 'Qualified',
  'Value Proposition': 'Demo',
  'Id. Decision Makers': 'Demo',
  'Perception Analysis': 'Trial',
  'Proposal/Price Quote': 'Trial',
  'Negotiation/Review': 'Final negotiation',
  'Closed Won': 'Won',
  'Closed Lost': 'Lost',
};
