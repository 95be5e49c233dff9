import type { Random } from '../domain/random/seeded-random.ts';

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

/** A person's full name. */
export function personName(rnd: Random): string {
  return `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`;
}

/** A company name (names may repeat, as in any CRM). */
export function companyName(rnd: Random): string {
  return `${rnd.pick(COMPANY_A)} ${rnd.pick(COMPANY_B)} ${rnd.pick(COMPANY_C)}`;
}

/** An industry label for an account. */
export function industry(rnd: Random): string {
  return rnd.pick(INDUSTRIES);
}

/** The local part of a person's e-mail address: the name lower-cased, anything but letters a dot. */
export function emailLocalPart(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '.');
}

/** A work e-mail on a reserved test domain derived from the person and company serial. */
export function workEmail(name: string, serial: number): string {
  return `${emailLocalPart(name)}@c${serial}.example.test`;
}
