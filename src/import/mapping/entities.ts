import { MAX_NOTE_LENGTH, TIME_CATEGORIES } from '../../domain/capture/captured-activity.ts';
import type {
  ActivityOutcome,
  ActivityType,
  ForecastCategory,
  LeadStatus,
  OpportunityType,
} from '../../store/schema.ts';

/** What an import file holds; one mapping targets exactly one entity. */
export const ENTITIES = ['opportunities', 'opportunity_history', 'leads', 'contacts', 'activities'] as const;
export type EntityName = (typeof ENTITIES)[number];

/** How a cell is parsed into our value. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'datetime' }
  | { kind: 'date' }
  | { kind: 'amount' }
  | { kind: 'number' }
  | { kind: 'duration' }
  | { kind: 'boolean' }
  | { kind: 'currency' }
  | { kind: 'enum'; allowed: readonly string[] };

/** One of our fields: its parser, whether a row must have it, its longest cell, and a line for the docs. */
export interface FieldDef {
  type: FieldKind;
  required?: boolean;
  /** Longest cell accepted, in characters (default: TEXT_LIMIT for text, VALUE_LIMIT for the other kinds). */
  maxLength?: number;
  doc: string;
}

/** Names, titles, subjects, account and company names. */
export const TEXT_LIMIT = 1000;
/** Dates, numbers, amounts, codes and enum labels: nothing legitimate comes close. */
export const VALUE_LIMIT = 200;
/** RFC 5321 caps an address at 254 characters; a little slack for odd exports. */
const EMAIL_LIMIT = 320;
/** Source ids (Salesforce 18, HubSpot and Pipedrive numbers, hashes). */
const ID_LIMIT = 255;
/** Free text such as a lost reason. */
const NOTE_LIMIT = 10_000;
/** Labels such as stages and lead sources. */
const LABEL_LIMIT = 200;

/** The longest cell a field accepts. */
export function maxLengthOf(def: FieldDef): number {
  return def.maxLength ?? (def.type.kind === 'text' ? TEXT_LIMIT : VALUE_LIMIT);
}

const text = (doc: string, required = false, maxLength = TEXT_LIMIT): FieldDef => ({
  type: { kind: 'text' },
  required,
  maxLength,
  doc,
});
const datetime = (doc: string, required = false): FieldDef => ({ type: { kind: 'datetime' }, required, doc });
const oneOf = (allowed: readonly string[], doc: string, required = false): FieldDef => ({
  type: { kind: 'enum', allowed },
  required,
  doc,
});

const OPPORTUNITY_TYPES: readonly OpportunityType[] = ['new_business', 'upsell', 'renewal'];
const FORECAST_CATEGORIES: readonly ForecastCategory[] = [
  'pipeline',
  'best_case',
  'commit',
  'closed',
  'omitted',
];
const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'working', 'mql', 'sql', 'disqualified', 'converted'];
const ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'email', 'meeting', 'linkedin', 'other'];
const ACTIVITY_OUTCOMES: readonly ActivityOutcome[] = [
  'connected',
  'no_answer',
  'voicemail',
  'held',
  'no_show',
  'scheduled',
  'replied',
  'bounced',
  'sent',
];

const person = {
  owner: text('owner (rep) by name; matched case-insensitively to users.name'),
  ownerEmail: text('owner (rep) by e-mail; preferred over the name when both are given', false, EMAIL_LIMIT),
};

/** Our fields per entity. A mapping names a column for some of them; `required` ones must be mapped and non-empty. */
export const ENTITY_FIELDS = {
  opportunities: {
    externalId: text(
      'id in the source CRM; derived from owner+account+name+created date when absent',
      false,
      ID_LIMIT,
    ),
    name: text('deal name', true),
    ...person,
    account: text('account (company) name'),
    stage: text('stage label, mapped to one of our stages by the value map', true, LABEL_LIMIT),
    status: oneOf(['open', 'won', 'lost'], 'open/won/lost; when absent it follows from the stage (Won/Lost)'),
    amount: { type: { kind: 'amount' }, doc: 'deal amount in major units (12000.50); empty = 0' },
    currency: {
      type: { kind: 'currency' },
      doc: 'ISO 4217 code; default: mapping currency, then workspace currency',
    },
    createdAt: datetime('when the deal was created', true),
    closeDate: datetime('close date: the actual close for won/lost deals, the expected close for open ones'),
    closedAt: datetime('actual close time (won/lost only); wins over closeDate'),
    expectedCloseDate: {
      type: { kind: 'date' },
      doc: 'expected close date; wins over closeDate for open deals',
    },
    lostReason: text('why the deal was lost', false, NOTE_LIMIT),
    type: oneOf(OPPORTUNITY_TYPES, 'new_business / upsell / renewal (default new_business)'),
    leadSource: text('lead source', false, LABEL_LIMIT),
    forecastCategory: oneOf(
      FORECAST_CATEGORIES,
      'forecast category (default: pipeline, closed for won/lost)',
    ),
    probability: {
      type: { kind: 'number' },
      doc: 'win probability % (used only for stages created by --create-missing)',
    },
    product: text('product or product line sold (commission SPIFs pay per product)', false, LABEL_LIMIT),
    paidOn: {
      type: { kind: 'date' },
      doc: 'date the invoice was paid (plans that credit when paid); only won deals are credited by it',
    },
  },
  opportunity_history: {
    externalId: text(
      'id of the history row; derived from opportunity+time+stage when absent',
      false,
      ID_LIMIT,
    ),
    opportunityExternalId: text('id of the opportunity in the source CRM', true, ID_LIMIT),
    stage: text('stage label after the change', true, LABEL_LIMIT),
    amount: { type: { kind: 'amount' }, doc: 'amount after the change' },
    currency: { type: { kind: 'currency' }, doc: 'ISO 4217 code of the amount' },
    closeDate: { type: { kind: 'date' }, doc: 'expected close date after the change' },
    changedAt: datetime('when the change happened', true),
  },
  leads: {
    externalId: text(
      'id in the source CRM; derived from e-mail or name+created date when absent',
      false,
      ID_LIMIT,
    ),
    name: text('full name (or give firstName and lastName)'),
    firstName: text('first name'),
    lastName: text('last name'),
    email: text('e-mail address', false, EMAIL_LIMIT),
    company: text('company name'),
    source: text('lead source', false, LABEL_LIMIT),
    ...person,
    status: oneOf(LEAD_STATUSES, 'new / working / mql / sql / disqualified / converted (default new)'),
    createdAt: datetime('when the lead arrived', true),
    convertedAt: datetime('when the lead was converted'),
    account: text('account (company) name the lead belongs to; its fit attributes fill the gaps'),
    industry: text('industry (fit attribute for scoring and routing)', false, LABEL_LIMIT),
    companySize: { type: { kind: 'number' }, doc: 'company size in employees, a whole number' },
    country: text('country as an ISO 3166-1 alpha-2 code, e.g. DE', false, LABEL_LIMIT),
    region: text('sales region, e.g. EMEA', false, LABEL_LIMIT),
    persona: text('buyer persona, e.g. buyer', false, LABEL_LIMIT),
    dataQuality: oneOf(['ok', 'inaccurate'], 'ok / inaccurate (empty: not assessed)'),
  },
  contacts: {
    externalId: text('id in the source CRM; derived from e-mail or name when absent', false, ID_LIMIT),
    name: text('full name (or give firstName and lastName)'),
    firstName: text('first name'),
    lastName: text('last name'),
    email: text('e-mail address', false, EMAIL_LIMIT),
    account: text('account (company) name'),
    ...person,
  },
  activities: {
    externalId: text(
      'id in the source CRM; derived from owner+type+time+subject+contact when absent',
      false,
      ID_LIMIT,
    ),
    type: oneOf(ACTIVITY_TYPES, 'call / email / meeting / linkedin / other', true),
    direction: oneOf(['outbound', 'inbound'], 'outbound (default) or inbound'),
    outcome: oneOf(
      ACTIVITY_OUTCOMES,
      'connected, no_answer, voicemail, held, no_show, scheduled, replied, bounced, sent',
    ),
    duration: { type: { kind: 'duration' }, doc: "duration: 'HH:MM[:SS]' or a number in the column's unit" },
    ...person,
    occurredAt: datetime('when it happened', true),
    subject: text('subject'),
    account: text('account (company) name'),
    contact: text('contact person by name'),
    contactEmail: text('contact person by e-mail', false, EMAIL_LIMIT),
    opportunity: text('deal by name (linked when exactly one deal has that name)'),
    done: { type: { kind: 'boolean' }, doc: 'false skips the row (planned, not performed); default true' },
    // Issue 18 (migration 0032): what the time was spent on, when a meeting was set, and a free-text note.
    timeCategory: oneOf(
      TIME_CATEGORIES,
      'selling, prospecting, admin, crm_updates, internal_meetings, training, travel (selling-time metrics)',
    ),
    bookedAt: datetime('a meeting: when it was set (meetings_booked counts by it); not after occurredAt'),
    note: text('free text (the quick log note), up to 2,000 characters', false, MAX_NOTE_LENGTH),
  },
} as const satisfies Record<EntityName, Record<string, FieldDef>>;

/** Our field names for an entity. */
export type FieldName<E extends EntityName> = keyof (typeof ENTITY_FIELDS)[E] & string;

/** Field definitions of an entity, looked up by a plain string. */
export function fieldsOf(entity: EntityName): Record<string, FieldDef> {
  return ENTITY_FIELDS[entity];
}
