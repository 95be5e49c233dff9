import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { copyLine } from '../store/bulk/copy-text.ts';
import type { ColumnTypes } from './bulk-insert.ts';
import {
  ACCOUNT_COLUMNS,
  ACTIVITY_COLUMNS,
  CONTACT_COLUMNS,
  COST_COLUMNS,
  CUSTOMER_COLUMNS,
  GOAL_COLUMNS,
  HISTORY_COLUMNS,
  LEAD_COLUMNS,
  LEAD_EVENT_COLUMNS,
  OPPORTUNITY_COLUMNS,
  SUBSCRIPTION_COLUMNS,
  TEAM_COLUMNS,
  USER_COLUMNS,
} from './columns.ts';
import { emptyDataset, type DemoDataset } from './dataset.ts';
import { releaseGarbage } from './release-garbage.ts';

/** One table of the demo as COPY text: the lines the write path would send, in its column order. */
export interface TableText {
  table: DemoTable;
  columns: ColumnTypes;
  /** The rows as COPY text lines; takes the rows out of the dataset (they are garbage once encoded). */
  lines: () => Iterable<string>;
}

/** The tables the demo fills, in write order (foreign keys point backwards in this list). */
export const DEMO_TABLES = [
  'teams',
  'users',
  'accounts',
  'contacts',
  'leads',
  'lead_events',
  'opportunities',
  'opportunity_history',
  'activities',
  'customers',
  'subscriptions',
  'goals',
  'acquisition_costs',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

/** The columns the demo writes, per table. */
export const DEMO_TABLE_COLUMNS: Readonly<Record<DemoTable, ColumnTypes>> = {
  teams: TEAM_COLUMNS,
  users: USER_COLUMNS,
  accounts: ACCOUNT_COLUMNS,
  contacts: CONTACT_COLUMNS,
  leads: LEAD_COLUMNS,
  lead_events: LEAD_EVENT_COLUMNS,
  opportunities: OPPORTUNITY_COLUMNS,
  opportunity_history: HISTORY_COLUMNS,
  activities: ACTIVITY_COLUMNS,
  customers: CUSTOMER_COLUMNS,
  subscriptions: SUBSCRIPTION_COLUMNS,
  goals: GOAL_COLUMNS,
  acquisition_costs: COST_COLUMNS,
};

/** Rows kept as objects, encoded by the generic COPY encoder exactly as the in-process write encodes them. */
function* generic(table: DemoTable, columns: ColumnTypes, rows: Iterable<object>): Generator<string> {
  const names = Object.keys(columns);
  const types = names.map((n) => columns[n] as string);
  let index = 0;
  for (const row of rows) {
    yield copyLine(table, names, types, row, index);
    index += 1;
  }
}

/**
 * Every table of `ds` as COPY text, in write order. Teams are written without their managers (users do not
 * exist yet; the writer sets them afterwards, see teamManagers). Each table's `lines()` swaps the dataset's
 * rows for an empty table before it encodes them, so they can be collected as soon as they are written.
 */
export function datasetCopyText(ds: DemoDataset): TableText[] {
  const take = <K extends keyof DemoDataset>(key: K): DemoDataset[K] => {
    const rows = ds[key];
    ds[key] = emptyDataset()[key];
    return rows;
  };
  const objects = (table: DemoTable, key: keyof DemoDataset): TableText => ({
    table,
    columns: DEMO_TABLE_COLUMNS[table],
    lines: () => generic(table, DEMO_TABLE_COLUMNS[table], take(key) as Iterable<object>),
  });
  const columnar = (
    table: DemoTable,
    key: 'accounts' | 'contacts' | 'opportunityHistory' | 'activities',
  ): TableText => ({ table, columns: DEMO_TABLE_COLUMNS[table], lines: () => take(key).copyLines() });
  return [
    {
      table: 'teams',
      columns: TEAM_COLUMNS,
      lines: () =>
        generic(
          'teams',
          TEAM_COLUMNS,
          ds.teams.map((t) => ({ ...t, manager_id: null })),
        ),
    },
    objects('users', 'users'),
    columnar('accounts', 'accounts'),
    columnar('contacts', 'contacts'),
    objects('leads', 'leads'),
    objects('lead_events', 'leadEvents'),
    objects('opportunities', 'opportunities'),
    columnar('opportunity_history', 'opportunityHistory'),
    columnar('activities', 'activities'),
    objects('customers', 'customers'),
    objects('subscriptions', 'subscriptions'),
    objects('goals', 'goals'),
    objects('acquisition_costs', 'acquisitionCosts'),
  ];
}

/** Each team's manager, set once the users exist. */
export function teamManagers(ds: DemoDataset): { id: number; managerId: number | null }[] {
  return ds.teams.map((t) => ({ id: t.id, managerId: t.manager_id ?? null }));
}

/** The file of `table` in a directory written by writeCopyFiles. */
export function copyFileOf(dir: string, table: DemoTable): string {
  return join(dir, `${table}.copy`);
}

// Lines are gathered into writes of about this many characters: few system calls, little held at once.
const WRITE_CHARS = 1024 * 1024;

/** Writes all of `text` (a write may take only part of it). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}

/** Writes each table of `ds` as a COPY text file into `dir` (see copyFileOf), emptying the dataset as it goes. */
export function writeCopyFiles(ds: DemoDataset, dir: string): void {
  for (const t of datasetCopyText(ds)) {
    const fd = openSync(copyFileOf(dir, t.table), 'w');
    try {
      let text = '';
      for (const line of t.lines()) {
        text += line;
        if (text.length >= WRITE_CHARS) {
          writeAll(fd, text);
          text = '';
        }
      }
      if (text.length > 0) writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
    // The tables kept as objects (leads, their events, opportunities) are garbage once written: collected
    // before the activities' encoding, the largest, adds its strings.
    if (t.table === 'opportunity_history') releaseGarbage();
  }
}
