import type { Random } from '../domain/random/seeded-random.ts';
import type { DemoLocale } from './locales.ts';
import {
  HEBREW,
  HEBREW_LATIN,
  HEBREW_ORG,
  POLISH,
  POLISH_ORG,
  ROMANIAN,
  ROMANIAN_ORG,
  type NameLists,
  type OrgNames,
} from './names-local.ts';

// Invented word lists: combinations read like people and companies without naming real ones.
const FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Elijah',
  'Sophia',
  'Lucas',
  'Mia',
  'Mateo',
  'Isabella',
  'Levi',
  'Amelia',
  'Ethan',
  'Harper',
  'James',
  'Evelyn',
  'Aiden',
  'Abigail',
  'Leo',
  'Chloe',
  'Samuel',
  'Grace',
  'Henry',
  'Nora',
  'Owen',
  'Zoe',
  'Caleb',
  'Layla',
  'Isaac',
  'Priya',
  'Kenji',
  'Fatima',
  'Diego',
  'Ingrid',
  'Tomasz',
  'Aisha',
  'Mihai',
  'Yael',
  'Carmen',
] as const;
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Nguyen',
  'Patel',
  'Kowalski',
  'Cohen',
  'Popescu',
  'Tanaka',
  'Okafor',
  'Larsen',
  'Silva',
  'Rossi',
  'Novak',
] as const;
const COMPANY_A = [
  'Blue',
  'North',
  'Bright',
  'Silver',
  'Granite',
  'Cedar',
  'Summit',
  'Harbor',
  'Quantum',
  'Pioneer',
  'Atlas',
  'Maple',
  'Vertex',
  'Copper',
  'Evergreen',
  'Lakeside',
  'Redwood',
  'Iron',
  'Coastal',
  'Prairie',
] as const;
const COMPANY_B = [
  'Logistics',
  'Foods',
  'Analytics',
  'Health',
  'Robotics',
  'Media',
  'Energy',
  'Supply',
  'Labs',
  'Capital',
  'Manufacturing',
  'Software',
  'Clinics',
  'Retail',
  'Freight',
  'Systems',
  'Studios',
  'Dental',
  'Farms',
  'Networks',
] as const;
const COMPANY_C = ['Inc', 'LLC', 'Group', 'Co', 'Partners', 'Holdings'] as const;
const INDUSTRIES = [
  'Manufacturing',
  'Healthcare',
  'Retail',
  'Logistics',
  'Financial services',
  'Software',
  'Education',
  'Hospitality',
] as const;

const ENGLISH: NameLists = {
  first: FIRST,
  last: LAST,
  companyA: COMPANY_A,
  companyB: COMPANY_B,
  companyC: COMPANY_C,
};
const LISTS: Record<DemoLocale, NameLists> = { en: ENGLISH, pl: POLISH, he: HEBREW, ro: ROMANIAN };
const ENGLISH_ORG: OrgNames = {
  admin: 'Avery Admin',
  director: 'Dana Director',
  rootTeam: 'Sales',
  teams: ['New Business East', 'New Business West', 'Expansion'],
};
const ORGS: Record<DemoLocale, OrgNames> = {
  en: ENGLISH_ORG,
  pl: POLISH_ORG,
  he: HEBREW_ORG,
  ro: ROMANIAN_ORG,
};

// The lists the generator draws from. Module state rather than a parameter through every simulation step:
// generateDemo sets it at the start of every run (so a run in one locale never leaks into the next), and each
// pick draws one number whatever the list, so the random streams are the same in every locale.
let active: NameLists = ENGLISH;
let activeOrg: OrgNames = ENGLISH_ORG;

/** Chooses the name lists of a locale (generateDemo calls this first). */
export function useNameLocale(locale: DemoLocale): void {
  active = LISTS[locale];
  activeOrg = ORGS[locale];
}

/** The admin's, the director's and the teams' names in the active locale. */
export function orgNames(): OrgNames {
  return activeOrg;
}

/** A person's full name. */
export function personName(rnd: Random): string {
  return `${rnd.pick(active.first)} ${rnd.pick(active.last)}`;
}

/** A company name (names may repeat, as in any CRM). */
export function companyName(rnd: Random): string {
  return `${rnd.pick(active.companyA)} ${rnd.pick(active.companyB)} ${rnd.pick(active.companyC)}`;
}

/** An industry label for an account. */
export function industry(rnd: Random): string {
  return rnd.pick(INDUSTRIES);
}

/** The local part of a person's e-mail address: the name lower-cased, anything but letters a dot. */
export function emailLocalPart(name: string): string {
  return latin(name)
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

/** A name in Latin letters: Hebrew words by their usual spelling, diacritics dropped (ł has none to drop). */
function latin(name: string): string {
  // ASCII names (the English demo) pass through untouched.
  if (/^[ -~]*$/.test(name)) return name;
  return name
    .split(' ')
    .map((w) => HEBREW_LATIN[w] ?? w)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l');
}

/** A work e-mail on a reserved test domain derived from the person and company serial. */
export function workEmail(name: string, serial: number): string {
  return `${emailLocalPart(name)}@c${serial}.example.test`;
}
