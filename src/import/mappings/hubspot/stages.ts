/** HubSpot's default sales pipeline (labels and internal names) -> our default stages. */
export const HUBSPOT_STAGES: Record<string, string> = {
  'Appointment Scheduled': 'Discovery',
  appointmentscheduled: 'Discovery',
  'Qualified To Buy': 'Qualified',
  qualifiedtobuy: 'Qualified',
  'Presentation Scheduled': 'Demo',
  presentationscheduled: 'Demo',
  'Decision Maker Bought-In': 'Trial',
  decisionmakerboughtin: 'Trial',
  'Contract Sent': 'Final negotiation',
  contractsent: 'Final negotiation',
  'Closed Won': 'Won',
  closedwon: 'Won',
  'Closed Lost': 'Lost',
  closedlost: 'Lost',
};
