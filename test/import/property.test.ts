import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { SYSTEM_VIEWER } from '../../src/domain/access/viewer.ts';
import { AppError } from '../../src/errors.ts';
import { MappingSpecSchema } from '../../src/import/mapping/mapping-spec.ts';
import { runImport, type ImportSummary } from '../../src/import/run-import.ts';
import { describeStores, truncateAll } from '../support/stores.ts';
import { seedUser } from '../support/users.ts';
import { tableCounts } from './helpers.ts';

/** Two mappings that between them parse every kind of cell: text, enum, amount, currency, number, dates, duration, boolean. */
const FILES = [
  {
    mapping: MappingSpecSchema.parse({
      source: 'prop',
      entity: 'opportunities',
      fields: {
        externalId: 'Id',
        name: 'Name',
        owner: 'Owner',
        stage: 'Stage',
        amount: 'Amount',
        currency: 'Currency',
        createdAt: 'Created',
        closeDate: 'Close',
        probability: 'Probability',
        type: 'Type',
      },
    }),
    header: ['Id', 'Name', 'Owner', 'Stage', 'Amount', 'Currency', 'Created', 'Close', 'Probability', 'Type'],
    valid: [
      '1',
      'Deal',
      'Alice Moreno',
      'Discovery',
      '100.50',
      'USD',
      '2026-01-05',
      '2026-03-01',
      '10',
      'upsell',
    ],
  },
  {
    mapping: MappingSpecSchema.parse({
      source: 'prop',
      entity: 'activities',
      fields: {
        externalId: 'Id',
        type: 'Type',
        owner: 'Owner',
        occurredAt: 'When',
        duration: 'Duration',
        subject: 'Subject',
        outcome: 'Outcome',
        done: 'Done',
        contactEmail: 'Contact',
        opportunity: 'Deal',
      },
    }),
    header: ['Id', 'Type', 'Owner', 'When', 'Duration', 'Subject', 'Outcome', 'Done', 'Contact', 'Deal'],
    valid: [
      '1',
      'call',
      'Alice Moreno',
      '2026-01-05 10:00',
      '00:05:00',
      'Hello',
      'connected',
      'yes',
      '',
      'Deal',
    ],
  },
];

/** Cell contents an attacker or a broken export produces. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '1e308',
    '-1e308',
    '1e400',
    '99999999999999999999',
    '9007199254740993',
    '-0',
    'NaN',
    'Infinity',
    '-1',
    '2147483648',
    '999:59:59',
    '9999-12-31',
    '0000-00-00',
    '0001-01-01',
    '2024-02-30',
    '2024-13-01',
    '+275760-09-13T00:00:00Z',
    '9999-12-31T23:59:59+14:00',
    '0001-01-01T00:00:00Z',
    '"',
    '""',
    'a"b',
    `=cmd|' /C calc'!A0`,
    '\ud800',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓',
    'x'.repeat(1001),
    'y'.repeat(20_000),
    'Won',
    'Lost',
    'ZZZ',
    'EUR',
    '1,5',
    '\r\n',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** A file: a valid row or more, with some cells replaced by hostile ones; written quoted or raw (raw can break quoting). */
const file = fc.record({
  kind: fc.nat(FILES.length - 1),
  rows: fc.array(
    fc.record({
      id: fc.integer({ min: 1, max: 30 }),
      changes: fc.array(fc.tuple(fc.nat(9), hostile), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  raw: fc.boolean(),
  skipInvalid: fc.boolean(),
  createMissing: fc.boolean(),
});

describeStores('CSV importer under hostile input (fast-check)', (ctx) => {
  beforeAll(async () => {
    await truncateAll(ctx.db);
    await seedUser(ctx.db, { role: 'rep', name: 'Alice Moreno' });
  });

  it('never fails internally, never writes part of a refused file, and every error names file, line and field', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (f) => {
        const { mapping, header, valid } = FILES[f.kind]!;
        const rows = f.rows.map((r) => {
          const cells = [...valid];
          cells[0] = String(r.id);
          for (const [i, v] of r.changes) cells[i] = v;
          return cells;
        });
        const text = f.raw
          ? [header, ...rows].map((r) => r.join(',')).join('\n')
          : stringify([header, ...rows]);
        const before = await tableCounts(ctx.db);
        let summary: ImportSummary | null = null;
        try {
          summary = await runImport(ctx.db, SYSTEM_VIEWER, {
            fileName: 'hostile.csv',
            mapping,
            input: Readable.from([text]),
            skipInvalid: f.skipInvalid,
            createMissing: f.createMissing,
          });
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          const e = err as AppError;
          expect(['import_rejected', 'validation']).toContain(e.code);
          expect(e.details.length).toBeGreaterThan(0);
          for (const d of e.details) {
            expect(d.file).toBe('hostile.csv');
            expect(typeof d.line).toBe('number');
            expect(typeof d.field).toBe('string');
          }
          expect(await tableCounts(ctx.db)).toEqual(before);
        }
        if (summary) {
          if (!f.skipInvalid) expect(summary.rejects).toEqual([]);
          for (const r of summary.rejects) {
            expect(r.line).toBeGreaterThan(1);
            for (const e of r.errors) expect(typeof e.field).toBe('string');
          }
        }
        const failed = await ctx.db
          .selectFrom('imports')
          .select(['id', 'error'])
          .where('status', '=', 'failed')
          .execute();
        expect(failed).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});
