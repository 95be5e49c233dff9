import { assertNever } from '../../errors.ts';
import type { FieldError, RowValues } from '../mapping/compile.ts';
import type { MappingSpec } from '../mapping/mapping-spec.ts';
import { toActivityRecord } from '../records/activity-record.ts';
import { toContactRecord } from '../records/contact-record.ts';
import { toHistoryRecord } from '../records/history-record.ts';
import { toLeadRecord } from '../records/lead-record.ts';
import { toOpportunityRecord } from '../records/opportunity-record.ts';
import type { BatchResult } from '../write/batch-result.ts';
import type { References } from '../write/references.ts';
import { writeActivities } from '../write/write-activities.ts';
import { writeContacts } from '../write/write-contacts.ts';
import { writeHistory } from '../write/write-history.ts';
import { writeLeads } from '../write/write-leads.ts';
import { writeOpportunities } from '../write/write-opportunities.ts';
import type { Db } from '../../store/db.ts';

/** What every record has: where it came from and the id it is matched by. */
export interface RecordBase {
  line: number;
  externalId: string;
}

/** How one entity's rows become records, and how a batch of them is written. */
export interface EntityHandler {
  build(values: RowValues, line: number): RecordBase | FieldError[] | 'skip';
  write(tx: Db, refs: References, records: RecordBase[]): Promise<BatchResult>;
}

/**
 * The handler for the spec's entity; `mapped` holds the fields the file provides, so columns a file does not have
 * (a deals export without invoice paid dates) keep what an earlier import wrote.
 */
export function handlerFor(spec: MappingSpec, currency: string, mapped: ReadonlySet<string>): EntityHandler {
  const entity = spec.entity;
  switch (entity) {
    case 'opportunities':
      return {
        build: (v, line) => toOpportunityRecord(spec, v, line, currency),
        write: (tx, refs, rs) =>
          writeOpportunities(tx, refs, rs as Parameters<typeof writeOpportunities>[2], mapped),
      };
    case 'opportunity_history': {
      const cleaned = new Set<number>();
      return {
        build: (v, line) => toHistoryRecord(spec, v, line),
        write: (tx, refs, rs) => writeHistory(tx, refs, rs as Parameters<typeof writeHistory>[2], cleaned),
      };
    }
    case 'leads':
      return {
        build: (v, line) => toLeadRecord(spec, v, line),
        write: (tx, refs, rs) => writeLeads(tx, refs, rs as Parameters<typeof writeLeads>[2]),
      };
    case 'contacts':
      return {
        build: (v, line) => toContactRecord(spec, v, line),
        write: (tx, refs, rs) => writeContacts(tx, refs, rs as Parameters<typeof writeContacts>[2]),
      };
    case 'activities':
      return {
        build: (v, line) => toActivityRecord(spec, v, line),
        write: (tx, refs, rs) => writeActivities(tx, refs, rs as Parameters<typeof writeActivities>[2]),
      };
    default:
      return assertNever(entity, 'entity');
  }
}
