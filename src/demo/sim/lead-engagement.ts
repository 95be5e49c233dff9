import { seededRandom, type Random } from '../../domain/random/seeded-random.ts';
import type { DemoDataset } from '../dataset.ts';

/** A lead_events row as the demo writes it (properties and received_at take their defaults). */
export interface DemoLeadEvent {
  id: number;
  external_id: string;
  lead_id: number;
  type: string;
  url: string | null;
  occurred_at: Date;
}

const DAY = 86_400_000;
const PERSONAS_OTHER = ['influencer', 'end_user', 'student'] as const;
const INDUSTRIES = ['Software', 'Manufacturing', 'Retail', 'Healthcare', 'Finance', 'Education'] as const;
const COUNTRIES = [
  { country: 'US', region: 'NA', share: 0.45 },
  { country: 'CA', region: 'NA', share: 0.08 },
  { country: 'GB', region: 'EMEA', share: 0.12 },
  { country: 'DE', region: 'EMEA', share: 0.12 },
  { country: 'FR', region: 'EMEA', share: 0.08 },
  { country: 'AU', region: 'APAC', share: 0.07 },
  { country: 'JP', region: 'APAC', share: 0.08 },
] as const;
const PAGES = ['/', '/blog/sales-cadence', '/features', '/customers', '/docs/getting-started'] as const;

/** How far each fate leans towards a good fit and engagement (before noise): the score must relate to conversion. */
const LEAN: Record<string, number> = {
  converted: 0.6,
  sql: 0.6,
  mql: 0.45,
  working: 0.3,
  new: 0.3,
  disqualified: 0.2,
};

function poisson(rnd: Random, mean: number): number {
  // Knuth's method: small means only (here < 8).
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rnd.next();
  while (p > limit) {
    k += 1;
    p *= rnd.next();
  }
  return k;
}

function pickCountry(rnd: Random) {
  let u = rnd.next();
  for (const c of COUNTRIES) {
    u -= c.share;
    if (u < 0) return c;
  }
  return COUNTRIES[0];
}

/**
 * Gives every demo lead fit attributes (persona, industry, company size, country, region, data quality) and
 * engagement events (page views, the pricing page among them, email opens and clicks, form submits, demo
 * requests) from its own seeded source, so the rest of the demo is unchanged. A lead's propensity leans on its
 * fate (converted leads more often fit the buyer persona, visit pricing and click) with wide noise, so the score
 * relates to conversion without deciding it. Events fall between the lead's arrival and its qualification or
 * closing (or 30 days, or the demo's end), never later.
 */
export function addLeadScoringData(ds: DemoDataset, seed: number, until: Date): DemoLeadEvent[] {
  const rnd = seededRandom((seed ^ 0x15c0ed) >>> 0);
  const events: DemoLeadEvent[] = [];
  const end = until.getTime();
  // Converted leads whose deal was won lean further than those whose deal was lost or is open.
  const won = new Set(ds.opportunities.filter((o) => o.status === 'won' && o.lead_id).map((o) => o.lead_id));
  for (const lead of ds.leads) {
    const lean = (LEAN[lead.status ?? 'new'] ?? 0.3) + (won.has(lead.id) ? 0.15 : 0);
    const q = Math.min(1, Math.max(0, lean + 0.22 * rnd.normal()));
    lead.persona = rnd.chance(0.15 + 0.55 * q) ? 'buyer' : rnd.pick(PERSONAS_OTHER);
    lead.industry = rnd.pick(INDUSTRIES);
    lead.company_size = Math.round(Math.exp(2.5 + 4 * rnd.next()));
    const c = pickCountry(rnd);
    lead.country = c.country;
    lead.region = c.region;
    lead.data_quality = rnd.chance(0.03 + 0.15 * (1 - q)) ? 'inaccurate' : rnd.chance(0.6) ? 'ok' : null;
    const from = new Date(lead.created_at).getTime();
    const closedAt = lead.sql_at ?? lead.converted_at ?? lead.disqualified_at ?? null;
    const to = Math.min(end, closedAt ? new Date(closedAt).getTime() : from + 30 * DAY);
    if (to <= from) continue;
    const at = () => new Date(from + Math.floor(rnd.next() * (to - from)));
    let k = 0;
    const add = (type: string, url: string | null = null) => {
      k += 1;
      events.push({
        id: 0,
        external_id: `demo:${lead.id}:${k}`,
        lead_id: lead.id,
        type,
        url,
        occurred_at: at(),
      });
    };
    for (let n = poisson(rnd, 1.5); n > 0; n -= 1)
      add('page_view', `https://pacesetter.example${rnd.pick(PAGES)}`);
    if (rnd.chance(0.1 + 0.6 * q))
      for (let n = 1 + poisson(rnd, 0.5 * q); n > 0; n -= 1)
        add('page_view', 'https://pacesetter.example/pricing');
    for (let n = poisson(rnd, 0.8 + 3 * q); n > 0; n -= 1) add('email_open');
    for (let n = poisson(rnd, 0.2 + 1.5 * q); n > 0; n -= 1) add('email_click');
    if (rnd.chance(0.1 + 0.2 * q)) add('form_submit', 'https://pacesetter.example/contact');
    if (rnd.chance(0.02 + 0.12 * q)) add('demo_request', 'https://pacesetter.example/demo');
  }
  events.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
  events.forEach((e, i) => {
    e.id = i + 1;
  });
  return events;
}
