import { describe, expect, it } from 'vitest';
import { copyLine } from '../store/bulk/copy-text.ts';
import { AccountTable } from './account-table.ts';
import { ACCOUNT_COLUMNS, CONTACT_COLUMNS, HISTORY_COLUMNS } from './columns.ts';
import { ContactTable } from './contact-table.ts';
import { HistoryTable } from './history-table.ts';

const T0 = Date.UTC(2026, 10, 2, 14, 0);

/** What the generic encoder writes for the table's rows() (the INSERT path's values). */
function generic(table: string, columns: Record<string, string>, rows: Iterable<object>): string[] {
  const names = Object.keys(columns);
  const types = names.map((n) => columns[n] as string);
  return [...rows].map((r, i) => copyLine(table, names, types, r, i));
}

describe('column-wise demo tables', () => {
  it('contacts: the fast COPY lines equal the generic encoding of the rows, with escapes, nulls and odd instants', () => {
    const t = new ContactTable();
    t.add({ accountId: 7, name: 'Ada Lovelace', ownerId: 3, createdAt: T0 });
    t.add({ accountId: 9, name: 'Tab\tBack\\slash', ownerId: 4, createdAt: T0 + 1_500 });
    t.add({ accountId: 7, name: 'Ada Lovelace', ownerId: 5, createdAt: T0 - 86_400_000 });
    t.setFirstTouch(1, T0 + 60_000);
    t.setFirstTouch(3, undefined);
    const lines = [...t.copyLines()];
    expect(lines).toEqual(generic('contacts', CONTACT_COLUMNS, t.rows()));
    expect(lines[0]).toBe(
      '1\t7\tAda Lovelace\tada.lovelace@c7.example.test\t3\t2026-11-02T14:01:00.000Z\t2026-11-02T14:00:00.000Z\n',
    );
    expect(lines[1]).toContain('Tab\\tBack\\\\slash\ttab.back.slash@c9.example.test\t4\t\\N\t');
    expect(t.ownerOf(2)).toBe(4);
    expect(t.accountOf(3)).toBe(7);
  });

  it('accounts: renamed accounts are written with their new name; lines equal the generic encoding', () => {
    const t = new AccountTable();
    const a = t.add({ name: 'Blue Labs Inc', industry: 'Retail', ownerId: 3, createdAt: T0 });
    const b = t.add({ name: 'Blue Labs Inc', industry: 'Software', ownerId: 4, createdAt: T0 + 30_000 });
    t.rename(b, 'North\nFoods Co');
    expect(t.nameOf(a)).toBe('Blue Labs Inc');
    expect(t.nameOf(b)).toBe('North\nFoods Co');
    expect(t.nameOf(3)).toBeUndefined();
    const lines = [...t.copyLines()];
    expect(lines).toEqual(generic('accounts', ACCOUNT_COLUMNS, t.rows()));
    expect(lines[1]).toBe('2\tNorth\\nFoods Co\tSoftware\t4\t2026-11-02T14:00:30.000Z\n');
  });

  it('opportunity history: lines equal the generic encoding of the rows', () => {
    const t = new HistoryTable();
    for (const [i, category] of (['pipeline', 'commit', 'closed'] as const).entries()) {
      t.add({
        opportunityId: 5,
        changedAt: T0 + i * 3_600_000,
        stageId: 10 + i,
        amountMinor: 1_250_000 * (i + 1),
        expectedCloseDate: i === 2 ? '2026-12-01' : '2026-12-15',
        forecastCategory: category,
        ownerId: 3,
        changedBy: 3,
      });
    }
    const lines = [...t.copyLines()];
    expect(lines).toEqual(generic('opportunity_history', HISTORY_COLUMNS, t.rows()));
    expect(lines[2]).toBe('5\t2026-11-02T16:00:00.000Z\t12\t3750000\t2026-12-01\tclosed\t3\t3\n');
  });
});
