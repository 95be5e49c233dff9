/** Pipedrive's default pipeline -> our default stages. Won/lost come from `Deal - Status`, never from the stage. */
export const PIPEDRIVE_STAGES: Record<string, string> = {
  'Lead In': 'Discovery',
  Qualified: 'Qualified',
  'Contact Made': 'Qualified',
  'Demo Scheduled': 'Demo',
  'Proposal Made': 'Trial',
  'Negotiations Started': 'Final negotiation',
};
